// Every page in Chinese, with the shell, the lesson's card and the teacher's tools open: no
// English sentence is left (each view's own states are checked in its *Chinese.test.tsx).
import { act, screen } from '@testing-library/react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { i18n } from '../../src/app/i18n';
import { CHAPTERS } from '../../src/content/lesson';
import { VIEWS } from '../../src/store/views';
import { englishLeft } from './englishLeft';
import { renderApp } from './renderApp';

afterEach(async () => {
  vi.unstubAllGlobals();
  await i18n.changeLanguage('en');
});

describe('no hard-coded English in Chinese', () => {
  test.each(VIEWS)(
    '#/%s',
    async (view) => {
      // The files the views fetch are not served here: each answers 404, as a missing file would.
      vi.stubGlobal('fetch', () => Promise.resolve(new Response('', { status: 404 })));
      const chapter = CHAPTERS.find((c) => c.opens.startsWith(`${view}?`));
      renderApp(`#/${view}?lang=zh-CN${chapter ? `&ch=${chapter.id}` : ''}`);
      // The view's panel (and the chapter's card) have loaded.
      await vi.waitFor(
        () => {
          expect(document.querySelector('#main [data-control], #main .prose')).not.toBeNull();
          if (chapter) expect(document.querySelector('aside.lesson-card')).not.toBeNull();
        },
        { timeout: 10_000 },
      );
      const tools = document.querySelector<HTMLDetailsElement>('details.teacher-tools');
      if (tools)
        act(() => {
          tools.open = true;
          tools.dispatchEvent(new Event('toggle'));
        });
      expect(screen.getByRole('heading', { level: 1 }).textContent).toMatch(/\p{Script=Han}/u);
      expect(englishLeft(document.body)).toEqual([]);
    },
    20_000,
  );
});
