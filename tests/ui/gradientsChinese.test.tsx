// The Gradient flow view in 简体中文: every experiment's headings, controls, notes and status, the
// "Train it" summary and the race at its end, with no English sentence left.
import { act, fireEvent, screen, within } from '@testing-library/react';
import { beforeAll, describe, expect, test, vi } from 'vitest';
import { trainIt } from '../../src/panels/gradients/trainIt';
import { presetParams } from '../../src/engine/experiments';
import { raceStatus } from '../../src/content/race';
import { loadKatex } from '../../src/viz/katex';
import { zhCN } from '../../src/content/i18n/zh-CN';
import { showRace } from './copyRace';
import { englishLeft } from './englishLeft';
import { experimentEngine } from './gradientsEngine';
import { inChinese } from './inChinese';
import { renderApp } from './renderApp';

beforeAll(async () => {
  await loadKatex();
  // jsdom has no canvas; the heatmap simply skips drawing.
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
});

/** Opens the view at `hash` in Chinese (the language in the address too) and waits for its figures. */
async function open(hash: string) {
  const view = renderApp(`${hash}${hash.includes('?') ? '&' : '?'}lang=zh-CN`, experimentEngine());
  await screen.findByRole('heading', { name: '反向流动的梯度' }, { timeout: 10_000 });
  return view;
}

/** Opens every "Show data" table of the view, so their captions and headings are checked too. */
function openTables() {
  for (const button of document.querySelectorAll('.gf .show-data__toggle[aria-expanded="false"]'))
    fireEvent.click(button);
}

/** The English sentences left on the page (the shell and the view). */
const left = (container: HTMLElement) => {
  expect(container.querySelector('.gf')).not.toBeNull();
  return englishLeft(container);
};

describe('the Gradient flow view in Chinese', () => {
  test('the default experiment: headings, controls, identities, theory, Train it and the race', async () => {
    await inChinese(async () => {
      const { container } = await open('#/gradients');
      for (const name of [
        '实验',
        '反向流动的梯度',
        'W_hh 的特征值',
        '每一对 (t, k) 的 ‖∂h_t/∂h_k‖',
        '为什么',
        '比赛：普通 RNN 对 LSTM',
      ])
        expect(screen.getByRole('heading', { name })).toBeTruthy();
      expect(screen.getByRole('radio', { name: '循环缩放系数' })).toBeTruthy();
      expect(screen.getByLabelText(/循环缩放系数 s/)).toBeTruthy();
      expect(screen.getByLabelText('序列长度 T')).toBeTruthy();
      for (const name of ['重放反向流动', '开始', '暂停', '重置'])
        expect(screen.getByRole('button', { name })).toBeTruthy();
      expect(document.querySelector('.gf-setup [role="status"]')?.textContent).toBe(
        '引擎用时 1 毫秒算完。',
      );
      const identities = screen.getByRole('list', { name: '精确恒等式' });
      expect(identities.textContent).toMatch(
        /s\^T = 0\.9\^50：理论值 5\.154e-3，引擎 5\.154e-3 ✓ 相等/,
      );
      expect(screen.getByRole('link', { name: /^训练它/ }).getAttribute('href')).toBe(
        '#/train?corpus=copy50&cell=rnn&hidden=32&init=orthogonal&scale=0.9&seq=50',
      );
      expect(screen.getByTestId('train-it-carries').textContent).toBe(
        '带到训练视图的设置：RNN（tanh），H = 32，序列长度 50，正交 W_hh × 0.9，按范数裁剪，阈值 5，随机种子 1。' +
          '未带上的：非线性函数“线性”（训练视图的 RNN 只用 tanh 或 ReLU）；输入缩放（任务中的字母就是输入）。',
      );
      expect(screen.getByRole('group', { name: '单步雅可比矩阵' })).toBeTruthy();
      expect(screen.getByTestId('race-status').textContent).toBe('准备就绪：请按“开始”。');
      openTables();
      expect(screen.getByRole('table', { name: /从第 50 步反向流动的梯度范数/ })).toBeTruthy();
      expect(left(container)).toEqual([]);

      act(() => showRace(100, [0, 0.1, 0.1], [0, 0.3, 0.7]));
      expect(screen.getByTestId('race-status').textContent).toBe(
        '比赛中：第 100 步，共 2,000 步，每秒 42 步。',
      );
      const legend = container.querySelector('.gf-race .chart-legend') as HTMLElement;
      expect(
        within(legend)
          .getAllByRole('listitem')
          .map((i) => i.textContent),
      ).toEqual(['RNN，H = 67，6,243 个参数', 'LSTM，H = 32，6,284 个参数']);
      expect(screen.getByRole('button', { name: '暂停' })).toBeTruthy();
      openTables();
      expect(left(container)).toEqual([]);
      act(() => showRace(150, [0, 0.1, 0.1], [0, 0.3, 0.7], false));
      expect(screen.getByTestId('race-status').textContent).toBe(
        '已暂停：第 150 步，共 2,000 步。',
      );
      expect(screen.getByRole('button', { name: '继续' })).toBeTruthy();
    });
  }, 30_000);

  test.each([
    ['#/gradients?gp=gain', '随机增益', []],
    ['#/gradients?gp=cells&gc=lstm', 'RNN、LSTM、GRU', ['最后一步雅可比矩阵的特征值（64×64）']],
    ['#/gradients?gp=carousel', '只看门控', []],
    ['#/gradients?gp=clip', '梯度裁剪', ['裁剪前后']],
    ['#/gradients?gp=nonnormal', '非正规 W_hh', []],
    ['#/gradients?gp=truncation', '截断 BPTT', ['这个依赖能得到梯度吗？']],
    ['#/gradients?gp=truncation&gd=30&gk=40', '截断 BPTT', ['这个依赖能得到梯度吗？']],
  ] as const)(
    '%s: the preset %s in Chinese',
    async (hash, preset, headings) => {
      await inChinese(async () => {
        const { container } = await open(hash);
        expect((screen.getByRole('radio', { name: preset }) as HTMLInputElement).checked).toBe(
          true,
        );
        for (const name of headings) expect(screen.getByRole('heading', { name })).toBeTruthy();
        openTables();
        expect(left(container)).toEqual([]);
      });
    },
    30_000,
  );

  test('the words made outside the components: the race status and what Train it drops', () => {
    const base = { step: 0, maxSteps: 2000, running: false, finished: false, stepsPerSecond: null };
    expect(raceStatus({ ...base, error: null }, 'zh-CN')).toBe('准备就绪：请按“开始”。');
    expect(raceStatus({ ...base, step: 2000, finished: true, error: null }, 'zh-CN')).toBe(
      '已完成：第 2,000 步，共 2,000 步。',
    );
    expect(raceStatus({ ...base, error: 'x' }, 'en')).toBe('The race stopped: x');
    // The presets' Chinese words hold no TeX either: they are shown as plain text.
    for (const [preset, text] of Object.entries(zhCN.gradients.presets))
      expect(`${text.label} ${text.description}`, preset).not.toMatch(/[_^]\{|\\[a-z]/);
    expect(trainIt(presetParams('nonnormal'), 'zh-CN').dropped).toContain(
      '非正规矩阵 W（训练从 PyTorch 的随机抽取开始）',
    );
  });
});
