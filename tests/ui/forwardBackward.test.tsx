// The Forward pass view's backward mode in jsdom with the real engine behind a fake client: the
// pass switch and its address, the step's arrivals against the forward trace's own dL/dh, the
// running sums filling up to the gradient the optimizer receives, the finite-difference check,
// the truncation marks and their link, and a series model's message.
import 'fake-indexeddb/auto';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import { num } from '../../src/content/backwardEquations';
import { formatSignificant } from '../../src/content/format';
import { checkGradient } from '../../src/store/backwardActions';
import { stopPlayback } from '../../src/store/forwardActions';
import { forgetModelFiles } from '../../src/store/forwardModels';
import { appStore } from '../../src/store/store';
import { loadKatex } from '../../src/viz/katex';
import { forwardEngine, serveEveryModel, type ForwardEngine } from './forwardEngine';
import { renderApp } from './renderApp';

beforeAll(async () => {
  await loadKatex();
});

beforeEach(() => {
  forgetModelFiles();
  serveEveryModel(1);
});

afterEach(() => {
  stopPlayback();
  vi.unstubAllGlobals();
});

const forward = () => appStore.getState().forward;

async function openBackward(hash: string, engine: ForwardEngine = forwardEngine()) {
  renderApp(hash, engine);
  await screen.findByRole('heading', { name: 'The unrolled network' }, { timeout: 5000 });
  await waitFor(() => expect(forward().status).toBe('ready'));
  if (forward().pass === 'backward')
    await waitFor(() => expect(forward().backward.result?.at.t).toBe(forward().t), {
      timeout: 5000,
    });
  return engine;
}

/** The backward answer shown for the shown step. */
function shown() {
  const answer = forward().backward.result;
  if (answer === null || answer.at.t !== forward().t) throw new Error('no backward step shown');
  return answer.at;
}

function heatValue(key: string): string {
  return document.querySelector(`.fwd-back [data-value="${key}"]`)?.textContent ?? '';
}

describe('the backward mode', () => {
  test('the switch starts at the last step and writes pass=backward to the address', async () => {
    await openBackward('#/forward?model=gru&text=To%20be%2C%20or%20not');
    const T = forward().result!.trace.T;
    fireEvent.click(screen.getByRole('radio', { name: 'Backward' }));
    expect(forward()).toMatchObject({ pass: 'backward', t: T - 1 });
    await waitFor(() => expect(window.location.hash).toContain('pass=backward'));
    expect(window.location.hash).toContain(`t=${String(T)}`);
    await screen.findByRole('heading', { name: `Backward through time at step ${String(T)}` });
    // Back to the forward pass: the cell's section returns, the address drops the key.
    fireEvent.click(screen.getByRole('radio', { name: 'Forward' }));
    await screen.findByRole('heading', { name: /Inside the GRU cell/ });
    expect(window.location.hash).not.toContain('pass=');
  });

  test.each(['lstm', 'gru', 'rnn'] as const)(
    '%s: the arrivals add up to the forward trace’s dL/dh_t, shown with their digits',
    async (model) => {
      const engine = await openBackward(`#/forward?model=${model}&pass=backward&t=5&unit=2`);
      const at = shown();
      const layer = at.layers[0]!;
      const trace = engine.traces.at(-1)!.trace;
      expect(Array.from(layer.dh)).toEqual(Array.from(trace.dLdh[0]![4]!));
      layer.dh.forEach((v, j) => expect(v).toBe(layer.fromOutput[j]! + layer.fromNext[j]!));
      expect(heatValue('dh')).toBe(formatSignificant(layer.dh[2]!));
      expect(heatValue('dhnext')).toBe(formatSignificant(layer.fromNext[2]!));
      expect(heatValue('dfromout')).toBe(formatSignificant(layer.fromOutput[2]!));
      // The cell's own paths: the LSTM's belt, the GRU's direct path, neither for the RNN.
      expect(heatValue('dcnext') !== '').toBe(model === 'lstm');
      expect(heatValue('dhdirect') !== '').toBe(model === 'gru');
      // The gates' pre-activation gradients are this step's bias gradient, block by block.
      const H = layer.dh.length;
      const gate = { lstm: 'pre_f', gru: 'pre_z', rnn: 'pre_h' }[model];
      const block = { lstm: 1, gru: 1, rnn: 0 }[model];
      expect(heatValue(gate)).toBe(formatSignificant(layer.step.bih[block * H + 2]!));
      // The equations carry the engine's numbers for unit 2.
      const tex = screen.getByTestId('backward-equations').querySelector('annotation');
      expect(tex?.textContent).toContain(num(layer.dh[2]!));
    },
  );

  test('a stacked model: layer 2 receives its error from above, not from the head', async () => {
    const engine = await openBackward('#/forward?model=lstm2&pass=backward&layer=2&t=4&unit=1');
    const at = shown();
    expect(at.layers).toHaveLength(2);
    await screen.findByRole('heading', { name: 'Backward through time at step 4, layer 2' });
    const trace = engine.traces.at(-1)!.trace;
    expect(Array.from(at.layers[1]!.dh)).toEqual(Array.from(trace.dLdh[1]![3]!));
    expect(heatValue('dfromout')).toBe(formatSignificant(at.layers[1]!.fromOutput[1]!));
    expect(document.querySelector('.fwd-back')?.textContent).toContain('from the layer above');
    // Layer 1 below it: its own numbers.
    fireEvent.keyDown(document, { key: 'ArrowLeft' });
    await waitFor(() => expect(shown().t).toBe(2));
    expect(Array.from(shown().layers[0]!.dh)).toEqual(Array.from(trace.dLdh[0]![2]!));
  });

  test('a bidirectional tagger’s backward direction: its own sums, its steps done from the start', async () => {
    const text = encodeURIComponent('to be or not to be');
    const engine = await openBackward(
      `#/forward?model=tagger&text=${text}&pass=backward&dir=backward&t=4`,
    );
    const at = shown();
    expect(at.layers).toHaveLength(2);
    const trace = engine.traces.at(-1)!.trace;
    // Row k = 1 is layer 1's backward direction.
    expect(Array.from(at.layers[1]!.dh)).toEqual(Array.from(trace.dLdh[1]![3]!));
    await screen.findByRole('heading', {
      name: 'Backward through time at step 4, backward direction',
    });
    // It runs its backward pass from the first step up: steps 1–4 are done.
    expect(
      document.querySelectorAll('[data-testid="flow-strip"] .flow-step--done circle'),
    ).toHaveLength(4);
    expect(screen.getByText(/the backward direction of a bidirectional layer/)).toBeTruthy();
    // Its equations read the state from t + 1, and its next step is t − 1.
    const texOf = (id: string) =>
      screen.getByTestId(id).querySelector('annotation')?.textContent ?? '';
    expect(texOf('backward-general')).toContain('\\htmlClass{sym-hprev}{h_{t+1}}');
    expect(texOf('backward-general')).not.toContain('h_{t-1}}');
    expect(texOf('backward-equations')).toContain('\\mathrm{d}h_{t-1}[j]');
  });

  test('stepping to step 1 fills the sums to the gradient of the whole text', async () => {
    await openBackward('#/forward?model=lstm&text=Friends%2C%20Romans&pass=backward');
    const T = forward().result!.trace.T;
    fireEvent.click(screen.getByRole('button', { name: 'Jump to end' }));
    await waitFor(() => expect(shown().t).toBe(T - 1));
    expect(screen.queryByTestId('sums-complete')).toBeNull();
    const norms: number[] = [];
    for (let k = 0; k < 3; k++) {
      norms.push(Number(screen.getByTestId('sum-norm').textContent));
      fireEvent.keyDown(document, { key: 'ArrowLeft' });
      await waitFor(() => expect(shown().t).toBe(T - 2 - k));
    }
    // The sum over more steps is a different, growing matrix.
    expect(new Set(norms).size).toBe(3);
    fireEvent.keyDown(document, { key: 'Home' });
    await waitFor(() => expect(shown().t).toBe(0));
    await screen.findByTestId('sums-complete');
    // At step 1 the running sum is the gradient the optimizer receives for the text (the
    // session's lossAndGradients, asked through the check's request).
    const sum = shown().layers[0]!.sum;
    for (const index of [0, 7, 123]) {
      await act(() => checkGradient('rnn.weight_hh_l0', index));
      expect(forward().backward.check?.check.index).toBe(index);
      expect(sum.Whh[index]).toBeCloseTo(forward().backward.check!.engine, 12);
    }
  });

  test('check it yourself: the finite difference agrees with the backward pass', async () => {
    await openBackward('#/forward?model=gru&pass=backward&t=3');
    const check = within(screen.getByRole('heading', { name: 'Check it yourself' }).parentElement!);
    fireEvent.change(check.getByLabelText('Row'), { target: { value: '5' } });
    fireEvent.change(check.getByLabelText('Column'), { target: { value: '2' } });
    fireEvent.click(check.getByRole('button', { name: 'Check by finite differences' }));
    await waitFor(() => expect(forward().backward.check).not.toBeNull(), { timeout: 5000 });
    const { check: fd, engine } = forward().backward.check!;
    expect(fd.tensor).toBe('rnn.weight_hh_l0');
    expect(fd.index).toBe(5 * 6 + 2); // H = 6 in the test's model file
    expect(Math.abs(fd.estimate - engine)).toBeLessThan(1e-6 * Math.max(1e-3, Math.abs(engine)));
    const out = screen.getByTestId('grad-check').textContent ?? '';
    expect(out).toContain(`finite differences ${formatSignificant(fd.estimate)}`);
    expect(out).toContain(`backward pass ${formatSignificant(engine)}`);
  });

  test('a check of a text no longer shown ends without leaving “Checking…”', async () => {
    const engine = await openBackward('#/forward?model=gru&pass=backward&t=3');
    engine.hold();
    const check = within(screen.getByRole('heading', { name: 'Check it yourself' }).parentElement!);
    fireEvent.click(check.getByRole('button', { name: 'Check by finite differences' }));
    expect(forward().backward.checking).toBe(true);
    // Clicking again while it runs asks nothing more of the worker.
    fireEvent.click(check.getByRole('button', { name: 'Check by finite differences' }));
    await waitFor(() => expect(engine.gradCheckRequests).toEqual(['rnn.weight_hh_l0[0]']));
    fireEvent.change(screen.getByRole('textbox', { name: /Text/ }), {
      target: { value: 'A new text to read' },
    });
    engine.release();
    await waitFor(() => expect(forward().result?.text).toBe('A new text to read'), {
      timeout: 5000,
    });
    await waitFor(() => expect(forward().backward.checking).toBe(false));
    expect(forward().backward.check).toBeNull();
    expect(screen.getByTestId('grad-check').textContent).toBe('');
  });

  test('truncation marks cut the strip every K steps and link to the Gradient flow preset', async () => {
    await openBackward('#/forward?model=rnn&pass=backward&t=2');
    const T = forward().result!.trace.T;
    expect(screen.queryAllByTestId('flow-cut')).toHaveLength(0);
    fireEvent.change(screen.getByLabelText('Mark truncated BPTT every K steps'), {
      target: { value: '8' },
    });
    expect(forward().trunc).toBe(8);
    expect(screen.getAllByTestId('flow-cut')).toHaveLength(Math.ceil(T / 8) - 1);
    const link = screen.getByRole('link', { name: 'See it in the Gradient flow view' });
    expect(link.getAttribute('href')).toBe('#/gradients?gp=truncation&gk=8');
    await waitFor(() => expect(window.location.hash).toContain('k=8'));
  });

  test('a step taken while the engine answers is asked next, without the steps between', async () => {
    const engine = await openBackward('#/forward?model=gru&pass=backward&t=10');
    engine.hold();
    act(() => {
      fireEvent.keyDown(document, { key: 'ArrowLeft' });
      fireEvent.keyDown(document, { key: 'ArrowLeft' });
      fireEvent.keyDown(document, { key: 'ArrowLeft' });
    });
    expect(forward().t).toBe(6);
    engine.release();
    await waitFor(() => expect(shown().t).toBe(6));
    // One request for the first step taken, one for the step shown at its answer: none between.
    expect(engine.backwardRequests.slice(-2)).toEqual([8, 6]);
  });
});
