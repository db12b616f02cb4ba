// The interface's language: the address's `lang`, else the browser's; the switch in the header
// changes the words, the document's language and title, and the address, which every view's link
// then carries.
import { act, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { i18n } from '../../src/app/i18n';
import { renderApp } from './renderApp';

const nav = () => within(screen.getByRole('navigation', { name: /^(Main|主导航)$/ }));

afterEach(async () => {
  vi.restoreAllMocks();
  await i18n.changeLanguage('en');
});

describe('the language', () => {
  test('lang=zh-CN in the address shows the shell in Chinese, and links keep it', () => {
    renderApp('#/about?lang=zh-CN');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('关于 Unrolled');
    expect(nav().getByRole('link', { name: '前向传播' }).getAttribute('href')).toBe(
      '#/forward?lang=zh-CN',
    );
    expect(nav().getByRole('link', { name: '注意力机制' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('zh-CN');
    expect(document.title).toBe('关于 — Unrolled');
    expect(screen.getByRole('button', { name: /切换到(深色|浅色)主题/ })).toBeTruthy();
  });

  test('the switch changes the words, the title and the address', () => {
    renderApp('#/train');
    expect(nav().getByRole('link', { name: 'Training' })).toBeTruthy();
    act(() => {
      fireEvent.change(screen.getByRole('combobox', { name: 'Language' }), {
        target: { value: 'zh-CN' },
      });
    });
    expect(window.location.hash).toBe('#/train?lang=zh-CN');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('训练');
    expect(document.title).toBe('训练 — Unrolled');
    act(() => {
      fireEvent.change(screen.getByRole('combobox', { name: '语言' }), {
        target: { value: 'en' },
      });
    });
    expect(window.location.hash).toBe('#/train?lang=en');
    expect(nav().getByRole('link', { name: 'Training' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('en');
  });

  test('without lang, the browser’s language decides', () => {
    vi.spyOn(window.navigator, 'languages', 'get').mockReturnValue(['zh-CN', 'en']);
    renderApp('#/forward');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('前向传播');
    expect(window.location.hash).toBe('#/forward');
  });

  test('an unknown language in the address is ignored, with a notice', () => {
    renderApp('#/forward?lang=fr');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Forward pass');
    expect(screen.getByText(/Ignored lang=“fr”/)).toBeTruthy();
  });

  test('the About page in Chinese: its words, its symbols in the sentence, its credits', async () => {
    renderApp('#/about?lang=zh-CN');
    expect(await screen.findByRole('heading', { name: '使用方法' })).toBeTruthy();
    const items = screen.getAllByRole('listitem').map((li) => li.textContent ?? '');
    expect(items).toContain(
      '注意力机制：训练一个编码器–解码器来改写日期，看每个输出步在输入中关注哪里。',
    );
    // The symbols sit inside the translated sentence, typeset.
    const detail = screen.getByText(/是遗忘门/);
    expect(detail.querySelectorAll('.katex').length).toBe(4);
    expect(detail.textContent).toMatch(/^其中 .*f.*t.* 是遗忘门/);
    expect(screen.getByText(/许可：这些戏剧属于公有领域。/)).toBeTruthy();
  });
});
