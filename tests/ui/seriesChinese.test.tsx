// The Time series view in Chinese, with the real engine behind the real client (the worker's
// handler, run in jsdom): a synthetic series loads, trains, pauses and forecasts; its headings,
// controls, status, notes, charts' words and the store's messages are Chinese, and no English
// sentence is left outside the marked data.
import 'fake-indexeddb/auto';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { i18n } from '../../src/app/i18n';
import { SeriesPanel } from '../../src/panels/SeriesPanel';
import { bindApp } from '../../src/store/engineAccess';
import { openOwnFile } from '../../src/store/seriesActions';
import { appStore, patchSlice, resetStore } from '../../src/store/store';
import { loadKatex } from '../../src/viz/katex';
import { englishLeft } from './englishLeft';
import { realEngine } from './realEngine';

const state = () => appStore.getState().series;

describe('the Time series view in Chinese', () => {
  let unbind = () => {};
  beforeEach(async () => {
    await loadKatex();
    window.history.replaceState(null, '', '#/series?series=sines&shidden=8&sseq=24&sbatch=4');
    patchSlice('locale', { lang: 'zh-CN' });
    await i18n.changeLanguage('zh-CN');
  });
  afterEach(async () => {
    unbind();
    resetStore();
    await i18n.changeLanguage('en');
  });

  test('loads, trains, pauses and forecasts with every word in Chinese', async () => {
    unbind = bindApp(window, realEngine());
    patchSlice('series', { source: 'sines', difference: false, hidden: 8, seqLen: 24, batch: 4 });
    appStore.setState((s) => ({ ui: { ...s.ui, view: 'series' } }));
    const { container } = render(<SeriesPanel />);
    await vi.waitFor(() => expect(state().phase).toBe('ready'), { timeout: 15_000 });
    await vi.waitFor(() => expect(state().predicted).not.toBeNull(), { timeout: 10_000 });

    // Before training: the baselines, and the way to press Train.
    expect(screen.getByTestId('ts-val').textContent).toMatch(
      /^验证集上的基线：上一个值 .*请按“训练”。$/,
    );
    expect(screen.getByTestId('ts-step').textContent).toMatch(/^第 0 步 · [\d,]+ 个参数$/);
    expect(englishLeft(container)).toEqual([]);

    // Train until the validation loss has been measured twice, then pause.
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '训练' }));
    });
    await vi.waitFor(() => expect(state().history.val.length).toBeGreaterThanOrEqual(2), {
      timeout: 20_000,
    });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '暂停' }));
    });
    await vi.waitFor(() => expect(state().phase).toBe('ready'));
    await vi.waitFor(() => expect(state().forecast).not.toBeNull(), { timeout: 10_000 });
    await screen.findByTestId('ts-free');

    for (const name of [
      '数据准备',
      '损失',
      '预测',
      '自由运行',
      '模型内部',
      '检查点',
      '导出',
      '一步计算与损失',
    ])
      expect(screen.getByRole('heading', { name })).toBeTruthy();
    for (const name of ['训练', '模型文件（.json）', 'PyTorch 脚本（.py）'])
      expect(screen.getByRole('button', { name })).toBeTruthy();
    expect(screen.getByRole('combobox', { name: '序列' })).toBeTruthy();
    expect(screen.getByRole('group', { name: '生成序列' })).toBeTruthy();
    expect(screen.getByRole('slider', { name: /^周期 1（步）：/ })).toBeTruthy();
    expect(screen.getByRole('link', { name: '在“前向传播”视图中逐步查看' })).toBeTruthy();
    expect(screen.getByTestId('ts-val').textContent).toMatch(/^第 [\d,]+ 步的验证 MSE 为 /);
    expect(screen.getByTestId('ts-free').textContent).toMatch(
      /^[\d,]+ 个起点上的均方根误差（单位：数值）：k = 1：/,
    );
    expect(screen.getByTestId('ts-prep').textContent).toContain('按时间划分');
    // The loss's equation writes its words in Chinese too.
    const annotations = [...container.querySelectorAll('annotation')].map((a) => a.textContent);
    expect(annotations.some((tex) => tex?.includes(String.raw`L_{\text{上一个值}}`))).toBe(true);
    expect(englishLeft(container)).toEqual([]);

    // A store message: a file too large is refused in Chinese.
    await act(async () => {
      await openOwnFile({ name: 'big.csv', size: 30 * 1024 * 1024 } as File);
    });
    expect(screen.getByRole('alert').textContent).toBe(
      'big.csv 大小为 30.0 MB；序列文件最多 20.0 MB。',
    );

    // Several steps ahead: the model cannot run free, and says so.
    await act(async () => {
      fireEvent.change(screen.getByRole('spinbutton', { name: '预测步数' }), {
        target: { value: '3' },
      });
    });
    await vi.waitFor(() => expect(state().info?.horizon).toBe(3), { timeout: 15_000 });
    expect(screen.getByText(/^预测 3 步之后的模型无法/)).toBeTruthy();
    expect(screen.getByTestId('ts-prep').textContent).toContain('预测 3 步之后的值');
    expect(englishLeft(container)).toEqual([]);
  }, 60_000);
});
