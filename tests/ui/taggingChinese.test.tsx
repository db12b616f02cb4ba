// The Tagging view in Chinese, with a scripted engine: before the race, racing with both racers'
// curves and the tagged sample, and the future task's controls. Headings, buttons, status, the
// charts' words and the sample's notes are Chinese; the tagged text is English data, marked so.
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { i18n } from '../../src/app/i18n';
import { TaggingPanel } from '../../src/panels/TaggingPanel';
import { bindApp } from '../../src/store/engineAccess';
import { appStore, patchSlice, resetStore } from '../../src/store/store';
import { loadKatex } from '../../src/viz/katex';
import { englishLeft } from './englishLeft';
import { progress, scriptedEngine } from './tagEngine';

describe('the Tagging view in Chinese', () => {
  let unbind = () => {};
  beforeEach(async () => {
    await loadKatex();
    window.history.replaceState(null, '', '#/tagging?tlayers=2');
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.resolve(new Response('To be, or not to be: that is the question.'))),
    );
    patchSlice('locale', { lang: 'zh-CN' });
    await i18n.changeLanguage('zh-CN');
  });
  afterEach(async () => {
    unbind();
    resetStore();
    vi.unstubAllGlobals();
    await i18n.changeLanguage('en');
  });

  test('before, during and after a race, every word is Chinese', async () => {
    const { engine, push } = scriptedEngine(2, [
      { key: 'prior', label: 'class frequencies', value: 0.52 },
      { key: 'unigram', label: 'current character only', value: 0.38 },
    ]);
    unbind = bindApp(window, engine);
    patchSlice('tagging', { layers: 2 });
    appStore.setState((s) => ({ ui: { ...s.ui, view: 'tagging' } }));
    const { container } = render(<TaggingPanel />);

    // Before the race.
    expect(screen.getByTestId('tag-status').textContent).toBe('就绪：请按“开始”。');
    for (const name of ['比赛', '验证文本的标注结果', '双向层及其标注器'])
      expect(screen.getByRole('heading', { name })).toBeTruthy();
    expect(screen.getByRole('radio', { name: '把空格放回去' })).toBeTruthy();
    expect(screen.getByRole('combobox', { name: '单元类型' })).toBeTruthy();
    expect(screen.getByText('开始比赛，即可看到两个模型如何标注验证文本。')).toBeTruthy();
    expect(englishLeft(container)).toEqual([]);

    // Racing, with curves and the tagged sample.
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '开始' }));
      await Promise.resolve();
    });
    const models = await screen.findByRole('list', { name: '两个模型' });
    expect(models.textContent).toContain('双向 2 层 GRU，每个方向 H = 24，12,914 个参数');
    expect(models.textContent).toContain('单向 2 层 GRU，H = 41，13,122 个参数');
    await act(async () => {
      push(progress(0, [0.1, 0.3]));
      await vi.waitFor(() => expect(appStore.getState().tagging.race.sample).not.toBeNull());
    });
    act(() => push(progress(50, [0.6, 0.9])));
    expect(screen.getByTestId('tag-status').textContent).toBe(
      '比赛中：第 50 步，共 3,000 步，每秒 25 步。',
    );
    for (const name of ['暂停', '重置']) expect(screen.getByRole('button', { name })).toBeTruthy();
    const fwd = screen.getByTestId('tag-sample-forward');
    expect(within(fwd).getByText(/漏掉 1 个词尾，在不该有空格的地方放了 1 个空格。$/)).toBeTruthy();
    // The restored text is English data, marked so; its marks are named in Chinese.
    const text = fwd.querySelector('p')!;
    expect(text.textContent).toBe('to be or n ot ');
    expect(text.getAttribute('lang')).toBe('en');
    expect(text.querySelector('mark.tg-missed')!.getAttribute('title')).toBe('模型漏掉的词尾');
    expect(screen.getByText(/^第 \d+ 步。 标记：/)).toBeTruthy();
    expect(englishLeft(container)).toEqual([]);

    // Paused, then the future task's controls.
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '暂停' }));
      await Promise.resolve();
    });
    await vi.waitFor(() =>
      expect(screen.getByTestId('tag-status').textContent).toBe('已暂停：第 50 步，共 3,000 步。'),
    );
    expect(screen.getByRole('button', { name: '继续' })).toBeTruthy();
    fireEvent.click(screen.getByRole('radio', { name: '用未来打标签' }));
    expect(screen.getByRole('slider', { name: /前瞻步数 k/ })).toBeTruthy();
    expect(screen.getByText(/^随机字母 a–d/)).toBeTruthy();
    expect(englishLeft(container)).toEqual([]);
  }, 30_000);
});
