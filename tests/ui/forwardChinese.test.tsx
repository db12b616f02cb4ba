// The Forward pass view in 简体中文 (lang=zh-CN in the address), with the real engine behind a fake
// client: in the states a learner reaches — a character model stepping forward with its tables
// open, a stacked model, a GRU with its note and table, characters outside the vocabulary, the
// bidirectional tagger, the backward mode with its check, and the Time series view's model — the
// headings, buttons and notes are Chinese and no English sentence is left outside the learner's
// text and the model's own labels.
import 'fake-indexeddb/auto';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import { i18n } from '../../src/app/i18n';
import { stopPlayback } from '../../src/store/forwardActions';
import { forgetModelFiles } from '../../src/store/forwardModels';
import { appStore } from '../../src/store/store';
import { loadKatex } from '../../src/viz/katex';
import { englishLeft } from './englishLeft';
import {
  forwardEngine,
  loadSeries,
  serveEveryModel,
  serveModels,
  type ForwardEngine,
} from './forwardEngine';
import { renderApp } from './renderApp';

beforeAll(async () => {
  await loadKatex();
});

beforeEach(() => {
  forgetModelFiles();
  serveEveryModel(2);
});

afterEach(async () => {
  stopPlayback();
  vi.unstubAllGlobals();
  await i18n.changeLanguage('en');
});

const forward = () => appStore.getState().forward;

/** The view's own panel (the shell around it is another area's). */
const panel = () => document.querySelector('.fwd')!;

async function openChinese(query: string, engine: ForwardEngine = forwardEngine()) {
  renderApp(`#/forward?lang=zh-CN${query}`, engine);
  await screen.findByRole('heading', { name: '展开的网络' }, { timeout: 10_000 });
  await waitFor(() => expect(forward().status).toBe('ready'), { timeout: 10_000 });
  return engine;
}

/** Opens every “show data” table of the panel, so their headings are checked too. */
function openTables() {
  for (const button of panel().querySelectorAll<HTMLButtonElement>('.show-data button'))
    if (button.getAttribute('aria-expanded') === 'false') fireEvent.click(button);
}

/** The whole page: the view, and the shell's notices and status line around it. */
function expectNoEnglish() {
  expect(englishLeft(document.body)).toEqual([]);
}

describe('the Forward pass view in Chinese', () => {
  test('a character model: headings, controls, tables and the live summary', async () => {
    await openChinese('&t=3');
    for (const name of [
      '模型和文本',
      '展开的网络',
      'LSTM 单元内部（第 3 步）',
      '细胞状态：一条传送带',
      '对下一个字符的猜测',
      'LSTM 的公式',
    ])
      expect(screen.getByRole('heading', { name })).toBeTruthy();
    for (const name of ['跳到开头', '后退一步', '播放', '前进一步', '跳到结尾'])
      expect(screen.getByRole('button', { name })).toBeTruthy();
    expect(screen.getByRole('combobox', { name: '模型' })).toBeTruthy();
    expect(screen.getByRole('option', { name: '在莎士比亚文本上训练的 LSTM' })).toBeTruthy();
    expect(screen.getByRole('radiogroup', { name: '传播方向' })).toBeTruthy();
    expect(screen.getByRole('radio', { name: '反向' })).toBeTruthy();
    expect(document.querySelector('.fwd-model__summary')?.textContent).toMatch(
      /^模型：LSTM，1 层，每层 \d+ 个隐藏单元，[\d,]+ 个参数，词表含 65 个字符。$/,
    );
    expect(document.querySelector('.fwd-steps__where')?.textContent).toMatch(
      /^第 3 步，共 \d+ 步$/,
    );
    fireEvent.click(screen.getByRole('button', { name: '前进一步' }));
    await waitFor(() =>
      expect(document.querySelector('[aria-live][aria-atomic="true"]')?.textContent).toMatch(
        /^第 4 步，共 \d+ 步：读入 “.”，最可能的猜测 .+ \d+\.\d%。$/,
      ),
    );
    expect(document.querySelector('.fwd-loss')?.textContent).toMatch(/整段文本的平均值：/);
    openTables();
    expectNoEnglish();
  }, 60_000);

  test('a stacked model, a GRU and characters outside the vocabulary', async () => {
    await openChinese('&model=lstm2&layer=2&t=2');
    expect(screen.getByRole('combobox', { name: '显示的层' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'LSTM 单元内部（第 2 步，第 2 层）' })).toBeTruthy();
    openTables();
    expectNoEnglish();

    fireEvent.change(screen.getByRole('combobox', { name: '模型' }), { target: { value: 'gru' } });
    await screen.findByRole('heading', { name: /^GRU 单元内部/ }, { timeout: 10_000 });
    expect(screen.getByRole('table', { name: '你会遇到的三种 GRU' })).toBeTruthy();
    expect(screen.getByTestId('gru-note').textContent).toMatch(/^许多教材对 GRU 的写法不同/);
    fireEvent.change(screen.getByRole('textbox', { name: /文本/ }), {
      target: { value: 'café €5' },
    });
    await waitFor(() => expect(document.querySelector('.fwd-unknown')).not.toBeNull(), {
      timeout: 10_000,
    });
    expect(document.querySelector('.fwd-unknown')?.textContent).toMatch(
      /^有 3 个字符不在这个模型的词表（共 65 个字符）中：/,
    );
    openTables();
    expectNoEnglish();
  }, 60_000);

  test('the bidirectional tagger', async () => {
    await openChinese(`&model=tagger&text=${encodeURIComponent('to be or not to be')}&t=4`);
    expect(screen.getByRole('heading', { name: 'x_t 的标签' })).toBeTruthy();
    expect(screen.getByRole('combobox', { name: '显示的方向' })).toBeTruthy();
    expect(screen.getByTestId('bidirectional-steps').textContent).toMatch(/^每一层都从两个方向/);
    expect(screen.getByText('tobeornottobe').getAttribute('translate')).toBe('no');
    expect(screen.getByRole('heading', { name: /^第 4 步的两个方向和标签/ })).toBeTruthy();
    // The spaces tagger's classes are named in Chinese where the charts name a tag.
    // (Equations keep the model's own label: KaTeX writes Latin text only.)
    const page = document.body.cloneNode(true) as HTMLElement;
    page.querySelectorAll('.katex').forEach((e) => e.remove());
    expect(page.textContent).toMatch(/“词(尾|内)”/);
    expect(page.textContent).not.toMatch(/word end|inside/);
    openTables();
    expectNoEnglish();
  }, 60_000);

  test('the backward mode, its check and its truncation marks', async () => {
    await openChinese('&model=gru&pass=backward&t=3');
    await waitFor(() => expect(forward().backward.result?.at.t).toBe(forward().t), {
      timeout: 10_000,
    });
    for (const name of [
      '随时间反向传播：第 3 步',
      '随时间累加的权重梯度',
      '自己验证一下',
      '反向一步的公式',
      '教科书上的写法，以及它错在哪里',
    ])
      expect(screen.getAllByRole('heading', { name }).length).toBeGreaterThan(0);
    const check = within(screen.getByRole('heading', { name: '自己验证一下' }).parentElement!);
    fireEvent.click(check.getByRole('button', { name: '用有限差分验证' }));
    await waitFor(() => expect(forward().backward.check).not.toBeNull(), { timeout: 10_000 });
    expect(screen.getByTestId('grad-check').textContent).toMatch(
      /有限差分 .+；反向传播 .+；相对差/,
    );
    fireEvent.change(screen.getByLabelText('每 K 步标出截断的 BPTT'), { target: { value: '4' } });
    expect(screen.getByRole('link', { name: '在“梯度流”视图中查看' })).toBeTruthy();
    openTables();
    expectNoEnglish();
  }, 60_000);

  test('a missing model file, a step past the end and a text too short', async () => {
    serveModels({});
    await openChinese('&text=abcd&t=40');
    expect(screen.getByText(/^无法加载预训练的 LSTM（HTTP 404）/)).toBeTruthy();
    expect(document.querySelector('.fwd-model__summary')?.textContent).toMatch(
      /^模型：刚初始化的 LSTM/,
    );
    expect(appStore.getState().ui.notice).toMatch(/^第 40 步超出了文本末尾；显示第 \d+ 步。$/);
    expectNoEnglish();
    fireEvent.change(screen.getByRole('textbox', { name: /文本/ }), { target: { value: 'a' } });
    await waitFor(
      () => expect(screen.getByRole('alert').textContent).toMatch(/^请至少输入两个字符/),
      {
        timeout: 10_000,
      },
    );
    expectNoEnglish();
  }, 60_000);

  test('the Time series view’s model', async () => {
    const engine = forwardEngine();
    loadSeries(engine, true);
    await openChinese('&model=series', engine);
    expect(screen.getByRole('heading', { name: '预测' })).toBeTruthy();
    expect(screen.getByTestId('series-window').textContent).toMatch(/^序列 co2（CO2）|^序列 co2/);
    expect(screen.getByRole('link', { name: '回到“时间序列”视图' })).toBeTruthy();
    openTables();
    expectNoEnglish();
  }, 60_000);
});
