// The Attention view with the real engine behind the real client (the worker's handler, run in
// jsdom): the panel loads the run its address names, Step trains and redraws the decoding, the
// matrix and the decoder step show the engine's numbers, a second attention kind is a second run
// that switching back resumes, the learner's own input is checked, and Train / Pause reach the
// curves and the scores by length.
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { AttentionPanel } from '../../src/panels/AttentionPanel';
import { parseSeq2SeqFile } from '../../src/engine/seq2seq/file';
import { compareKey } from '../../src/store/attention';
import { bindApp } from '../../src/store/engineAccess';
import { appStore, patchSlice, resetStore } from '../../src/store/store';
import { loadKatex } from '../../src/viz/katex';
import { i18n } from '../../src/app/i18n';
import { catchDownloads, downloaded } from '../store/trainingHarness';
import { realEngine } from './realEngine';

const state = () => appStore.getState().attention;
const status = () => screen.getByTestId('at-status').textContent;

describe('the Attention view', () => {
  let unbind = () => {};
  beforeEach(async () => {
    await loadKatex();
    window.history.replaceState(null, '', '#/attention?atask=reverse&amin=3&amax=5&ahidden=16');
  });
  afterEach(() => {
    vi.restoreAllMocks();
    unbind();
    resetStore();
  });

  function open() {
    const engine = realEngine();
    unbind = bindApp(window, engine);
    patchSlice('attention', {
      task: 'reverse',
      minLength: 3,
      maxLength: 5,
      hidden: 16,
    });
    appStore.setState((s) => ({ ui: { ...s.ui, view: 'attention' } }));
    return { engine, ...render(<AttentionPanel />) };
  }

  test('loads its run, steps, and shows the engine numbers in the matrix and the step', async () => {
    open();
    await vi.waitFor(() => expect(state().decoded).not.toBeNull(), { timeout: 10_000 });
    const info = state().info!;
    expect(info.settings).toMatchObject({ task: 'reverse', hiddenSize: 16, attention: 'additive' });
    expect(status()).toMatch(/^Step 0 · [\d,]+ parameters · 20,000 training pairs$/);
    // The example shown is the first held-out one, decoded by the untrained model.
    const example = info.examples[0]!;
    // The decoding is drawn in a deferred render.
    expect((await screen.findByTestId('at-result', {}, { timeout: 5000 })).textContent).toContain(
      example.input,
    );
    expect(screen.getByTestId('at-result').textContent).toContain(
      `the answer is ${example.output}`,
    );

    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Step' }));
    });
    await vi.waitFor(() => expect(state().decoded?.step).toBe(1));
    expect(status()).toMatch(/^Step 1 /);
    await vi.waitFor(() =>
      expect(screen.getByTestId('at-result').textContent).toContain('(step 1)'),
    );

    // The matrix's table holds the decoding's α, row by row.
    const d = state().decoded!;
    fireEvent.click(screen.getByRole('button', { name: /^Show data: Attention of each output/ }));
    const table = screen.getByRole('table', { name: /Attention of each output character/ });
    const first = within(table).getAllByRole('row')[1]!;
    const cells = within(first)
      .getAllByRole('cell')
      .map((c) => Number(c.textContent));
    expect(cells).toHaveLength(d.S);
    cells.forEach((v, s) => expect(v).toBeCloseTo(d.alpha[s]!, 2));

    // The decoder step: the second step's α of its strongest input, in the equations.
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Next →' }));
    });
    expect(screen.getByTestId('at-step').textContent).toMatch(/^Step 2 of /);
    expect(window.location.hash).toContain('arow=2');
    const row = Array.from(d.alpha.subarray(d.S, 2 * d.S));
    const strongest = row.indexOf(Math.max(...row));
    const equations = screen.getByLabelText('The step’s equations with its numbers');
    expect(equations.textContent).toContain(`e2,${strongest + 1}`);
  }, 30_000);

  test('a run without attention is a second run; switching back resumes the first', async () => {
    open();
    await vi.waitFor(() => expect(state().decoded).not.toBeNull(), { timeout: 10_000 });
    const firstRun = state().info!.run;
    for (let k = 0; k < 2; k++) {
      await act(async () => {
        fireEvent.click(screen.getByRole('button', { name: 'Step' }));
      });
      await vi.waitFor(() => expect(state().decoded?.step).toBe(k + 1));
    }
    await act(async () => {
      fireEvent.change(screen.getByLabelText('Attention'), { target: { value: 'none' } });
    });
    expect(window.location.hash).toContain('aatt=none');
    await vi.waitFor(() => expect(state().info?.run).not.toBe(firstRun), { timeout: 10_000 });
    await vi.waitFor(() => expect(state().decoded?.run).toBe(state().info!.run));
    expect(state().info!.step).toBe(0);
    expect(screen.getByText(/Without attention there is no matrix to draw/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Show data: Attention of each output/ })).toBe(
      null,
    );

    await act(async () => {
      fireEvent.change(screen.getByLabelText('Attention'), { target: { value: 'additive' } });
    });
    await vi.waitFor(() => expect(state().info?.run).toBe(firstRun), { timeout: 10_000 });
    expect(state().info!.step).toBe(2);
    await vi.waitFor(() => expect(status()).toMatch(/^Step 2 /));

    // Reset: a fresh model with the same choices, from step 0.
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Reset' }));
    });
    await vi.waitFor(() => expect(state().info?.run).toBeGreaterThan(firstRun));
    expect(state().info!.step).toBe(0);
  }, 30_000);

  test("the learner's own input: refused with the reason, or decoded", async () => {
    open();
    await vi.waitFor(() => expect(state().decoded).not.toBeNull(), { timeout: 10_000 });
    const input = screen.getByLabelText('Your own input');
    fireEvent.change(input, { target: { value: 'ab1<' } });
    fireEvent.click(screen.getByRole('button', { name: 'Decode' }));
    expect(screen.getByRole('alert').textContent).toMatch(/^The model never reads “1”, “<”\./);
    expect(state().own).toBe(null);

    fireEvent.change(input, { target: { value: 'hello' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Decode' }));
    });
    await vi.waitFor(() => expect(state().decoded?.input).toBe('hello'));
    expect(screen.getByTestId('at-result').textContent).toMatch(/^hello → /);
    // No right answer to compare with for an own input.
    expect(screen.getByTestId('at-result').textContent).not.toContain('the answer is');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Back to the examples' }));
    });
    await vi.waitFor(() => expect(state().decoded?.input).toBe(state().info!.examples[0]!.input));
  }, 30_000);

  test('Train and Pause: the curves and the scores by input length follow', async () => {
    open();
    await vi.waitFor(() => expect(state().decoded).not.toBeNull(), { timeout: 10_000 });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Train' }));
    });
    expect(state().phase).toBe('training');
    // The first validation comes with the first progress batch.
    await vi.waitFor(() => expect(state().history.val.length).toBeGreaterThan(0), {
      timeout: 20_000,
    });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Pause' }));
    });
    await vi.waitFor(() => expect(state().phase).toBe('ready'));
    const steps = state().history.steps;
    expect(steps.length).toBeGreaterThan(0);
    expect(steps.at(-1)).toBe(state().scores?.step ?? -1);
    // The scores by length of this run, for lengths 3 to 5, in the chart's data.
    await vi.waitFor(() => expect(state().scores).not.toBeNull());
    const runs = state().compare[compareKey(state().info!.settings)]!;
    expect(runs.additive!.byLength.map((b) => b.length)).toEqual([3, 4, 5]);
    fireEvent.click(
      screen.getByRole('button', { name: /^Show data: Held-out exact match by input/ }),
    );
    const table = screen.getByRole('table', { name: 'Held-out exact match by input length' });
    expect(within(table).getAllByRole('row')).toHaveLength(4);
    expect(screen.getByTestId('at-val').textContent).toMatch(
      /^At step [\d,]+: [\d.]+ % of held-out inputs exactly right, [\d.]+ % of their characters\.$/,
    );
  }, 40_000);

  test('downloads the model file, which reads back as the same model, and the script', async () => {
    const files = catchDownloads();
    open();
    await vi.waitFor(() => expect(state().decoded).not.toBeNull(), { timeout: 10_000 });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Step' }));
    });
    await vi.waitFor(() => expect(state().decoded?.step).toBe(1));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Download the model file' }));
      fireEvent.click(screen.getByRole('button', { name: 'Download the PyTorch script' }));
    });
    const [model, script] = await downloaded(files, 2);
    expect(model!.name).toBe('unrolled-attention-reverse-additive-gru-step1.json');
    expect(script!.name).toBe('unrolled-attention-reverse-additive-gru-step1.py');
    const file = parseSeq2SeqFile(model!.text);
    expect(file).toMatchObject({ task: 'reverse', step: 1 });
    expect(file.model.config).toMatchObject({ hiddenSize: 16, attention: 'additive' });
    expect(script!.text).toContain('nn.GRU');
  }, 30_000);

  test('a diverged run says so, and goes back to the last good model on request', async () => {
    const { engine } = open();
    await vi.waitFor(() => expect(state().decoded).not.toBeNull(), { timeout: 10_000 });
    for (let k = 0; k < 2; k++) {
      await act(async () => {
        fireEvent.click(screen.getByRole('button', { name: 'Step' }));
      });
      await vi.waitFor(() => expect(state().history.steps).toHaveLength(k + 1));
    }
    // Step 3 as a diverging run reports it (the worker's last good model is the one of step 0).
    act(() =>
      engine.push({
        type: 'attentionProgress',
        id: null,
        run: state().info!.run,
        batch: {
          firstStep: 3,
          loss: Float64Array.of(Infinity),
          gradNormBefore: Float64Array.of(Infinity),
          gradNormAfter: Float64Array.of(5),
          clipped: Uint8Array.of(1),
          charsPerSecond: 0,
          stepsPerSecond: 10,
          epoch: 0,
          dLdhNorm: [],
          diverged: true,
          lastGoodStep: 0,
          running: false,
        },
      }),
    );
    expect(state().phase).toBe('diverged');
    expect(screen.getByRole('alert').textContent).toMatch(/^Training diverged at step 3/);
    expect((screen.getByRole('button', { name: 'Resume' }) as HTMLButtonElement).disabled).toBe(
      true,
    );
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: /^Go back to the model of step 0/ }));
    });
    await vi.waitFor(() => expect(state().phase).toBe('ready'));
    expect(state().info!.step).toBe(0);
    expect(state().history.steps).toEqual([]);
    expect(screen.queryByRole('alert')).toBeNull();
  }, 30_000);

  test('in Chinese: its headings, controls, status and notes', async () => {
    patchSlice('locale', { lang: 'zh-CN' });
    await i18n.changeLanguage('zh-CN');
    try {
      open();
      await vi.waitFor(() => expect(state().decoded).not.toBeNull(), { timeout: 10_000 });
      await screen.findByTestId('at-result', {}, { timeout: 5000 });
      for (const name of [
        '解码器在看哪里',
        '解码器的一步',
        '学习过程',
        '按输入长度统计的准确率',
        '引擎运行的公式',
        '检查点',
        '导出到 PyTorch',
      ])
        expect(screen.getByRole('heading', { name })).toBeTruthy();
      for (const name of ['训练', '暂停', '单步', '重置', '解码', '下载模型文件'])
        expect(screen.getByRole('button', { name })).toBeTruthy();
      expect(screen.getByLabelText('任务')).toBeTruthy();
      expect(screen.getByTestId('at-status').textContent).toMatch(
        /^第 0 步 · [\d,]+ 个参数 · 20,000 个训练样本对$/,
      );
      expect(screen.getByTestId('at-step').textContent).toMatch(
        /^第 1 步，共 \d+ 步：读入“⟨开始⟩”/,
      );
      expect(screen.getByText(/^把字母倒过来写/)).toBeTruthy();
      expect(screen.getByLabelText('这一步的公式及其数值')).toBeTruthy();
      // The code inside the translated export note stays code.
      expect(screen.getByText('--train pairs.tsv --save').tagName).toBe('CODE');
    } finally {
      await i18n.changeLanguage('en');
    }
  }, 30_000);
});
