// The lesson as data: every chapter has its words in both languages, a question whose answer is
// one of its options, and an address the app reads without a problem, opening a view.
import { describe, expect, test } from 'vitest';
import { LOCALES } from '../../src/content/i18n';
import { CHAPTERS, LESSON_MINUTES, LESSON_TEXT } from '../../src/content/lesson';
import { parseHash } from '../../src/store/url';
import { VIEWS } from '../../src/store/views';

describe('the lesson’s chapters', () => {
  test('about ten, with unique ids, in about 50 minutes', () => {
    expect(CHAPTERS.length).toBeGreaterThanOrEqual(8);
    expect(CHAPTERS.length).toBeLessThanOrEqual(12);
    expect(new Set(CHAPTERS.map((c) => c.id)).size).toBe(CHAPTERS.length);
    expect(LESSON_MINUTES).toBe(CHAPTERS.reduce((s, c) => s + c.minutes, 0));
    expect(LESSON_MINUTES).toBe(47);
  });

  test.each(CHAPTERS.map((c) => [c.id, c] as const))(
    '%s opens a view with settings the app accepts',
    (_, chapter) => {
      const { route, problems } = parseHash(`#/${chapter.opens}`);
      expect(problems).toEqual([]);
      expect(VIEWS).toContain(chapter.opens.split('?')[0]);
      expect(route.view).toBe(chapter.opens.split('?')[0]);
      const keys = new URLSearchParams(chapter.opens.split('?')[1] ?? '');
      expect(Object.keys(route.params).sort()).toEqual([...keys.keys()].sort());
    },
  );

  test.each(LOCALES)('every chapter has its words in %s, and its answer among its options', (l) => {
    const text = LESSON_TEXT[l];
    expect(Object.keys(text).sort()).toEqual(CHAPTERS.map((c) => c.id).sort());
    for (const chapter of CHAPTERS) {
      const t = text[chapter.id];
      for (const words of [t.title, t.try, t.question, t.hint, t.why, ...t.body, ...t.options])
        expect(words.trim().length).toBeGreaterThan(0);
      expect(t.body.length).toBeGreaterThanOrEqual(2);
      expect(t.options.length).toBe(LESSON_TEXT.en[chapter.id].options.length);
      expect(chapter.answer).toBeLessThan(t.options.length);
      if (l === 'zh-CN') {
        expect(t.title).toMatch(/\p{Script=Han}/u);
        for (const p of t.body) expect(p).toMatch(/\p{Script=Han}/u);
      }
    }
  });

  test('the symbols of the equations stay as they are in Chinese', () => {
    for (const chapter of CHAPTERS) {
      const en = LESSON_TEXT.en[chapter.id].body.join(' ');
      const zh = LESSON_TEXT['zh-CN'][chapter.id].body.join(' ');
      const symbols = (s: string) =>
        [...s.matchAll(/\b[A-Za-z]_\{?[a-z0-9−+]+\}?/g)].map((m) => m[0]);
      expect(new Set(symbols(zh))).toEqual(new Set(symbols(en)));
    }
  });
});
