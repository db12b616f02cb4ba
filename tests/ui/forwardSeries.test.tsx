// The Forward pass view stepping through the Time series view's model, in jsdom with the real
// engine behind a fake client: the diagram reads real numbers (x_t) instead of characters, shows
// ŷ next to y above the top layer, and the equations end with the linear head and the squared
// error, every number as the worker's reply and the engine's trace hold it.
import 'fake-indexeddb/auto';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { num } from '../../src/content/cellEquations';
import { formatValue } from '../../src/content/format';
import { formatSeriesValue } from '../../src/content/forwardSeries';
import { stopPlayback } from '../../src/store/forwardActions';
import { appStore } from '../../src/store/store';
import { loadKatex } from '../../src/viz/katex';
import { forwardEngine, loadSeries, type ForwardEngine } from './forwardEngine';
import { renderApp } from './renderApp';

beforeAll(async () => {
  await loadKatex();
});

afterEach(() => {
  stopPlayback();
});

const forward = () => appStore.getState().forward;

function lastReply(engine: ForwardEngine) {
  const traced = engine.seriesTraces.at(-1)?.traced;
  if (traced === undefined || traced === null) throw new Error('no series trace yet');
  return traced;
}

/** The TeX source of a KaTeX block (its MathML annotation). */
function texOf(element: Element | null): string {
  return element?.querySelector('annotation')?.textContent ?? '';
}

describe('the Forward pass view with the Time series view’s model', () => {
  test('reads real values, shows ŷ next to y, and the linear head with the squared error', async () => {
    const engine = forwardEngine();
    loadSeries(engine);
    renderApp('#/forward?model=series', engine);
    await screen.findByRole('heading', { name: 'The unrolled network' }, { timeout: 5000 });
    await waitFor(() => expect(forward().status).toBe('ready'));
    const { trace, window: read } = lastReply(engine);
    expect(trace.T).toBe(24);

    // x_t: the normalised value of each step, written as a number, never a character.
    const inputs = [...document.querySelectorAll('.unrolled__input text')].map(
      (n) => n.textContent,
    );
    expect(inputs).toEqual(read.x.map((x) => formatValue(x)));
    for (const text of inputs) expect(text).toMatch(/^-?\d+\.\d{3}$/);
    expect(screen.getByTestId('series-window').textContent).toContain('validation part');

    // Above the top layer: ŷ (series units) next to y.
    const top = () =>
      [...document.querySelectorAll('[data-step="0"] .unrolled__value-top text')].map(
        (n) => n.textContent,
      );
    expect(top()).toEqual([
      `ŷ ${formatSeriesValue(read.predicted[0])}`,
      `y ${formatSeriesValue(read.actual[0])}`,
    ]);
    expect(read.predicted[0]).toBeGreaterThan(250); // ppm, not a normalised value
    expect(document.querySelector('.top-guesses')).toBeNull();

    // The output section and the equations at step 1, then at step 2.
    for (const t of [0, 1]) {
      if (t > 0) fireEvent.click(screen.getByRole('button', { name: 'Step forward' }));
      await waitFor(() =>
        expect(document.querySelector('[data-value="yhat"]')?.textContent).toBe(
          formatSeriesValue(read.predicted[t]),
        ),
      );
      expect(document.querySelector('[data-value="y"]')?.textContent).toBe(
        formatSeriesValue(read.actual[t]),
      );
      expect(document.querySelector('[data-value="xhat"]')?.textContent).toBe(
        formatValue(trace.outputs[t]![0]),
      );
      const plugged = texOf(screen.getByTestId('plugged-loss'));
      expect(plugged).toContain(
        `= W_{hy}\\,\\htmlClass{sym-h}{h_t} + b_y = ${num(trace.outputs[t]![0])}`,
      );
      expect(plugged).toContain(`= ${formatSeriesValue(read.predicted[t])}`);
      expect(plugged).toContain(`y_{t+1} &= ${formatSeriesValue(read.actual[t])}`);
      expect(plugged).toContain(`= ${num(read.x[t])}`);
      expect(plugged).toContain(
        `\\left(${num(trace.outputs[t]![0])} - ${read.target[t]! < 0 ? `(${num(read.target[t])})` : num(read.target[t])}\\right)^2 = ${num(trace.stepLoss[t])}`,
      );
    }

    // The general equations end with the linear head and PyTorch's MSELoss (no ½).
    const general = texOf(document.querySelector('.fwd-equations .fwd-eq-scroll'));
    expect(general).toContain('\\hat x_{t+1} &= W_{hy}\\,\\htmlClass{sym-h}{h_t} + b_y');
    expect(general).toContain('\\left(\\hat x_{t+1} - x_{t+1}\\right)^2');
    expect(general).toContain('L &= \\frac{1}{T}\\sum_{t} \\ell_t');
    expect(general).not.toContain('softmax');
    expect(general).not.toContain('\\frac{1}{2}');
  });

  test('says there is no series model yet, with a link to the Time series view', async () => {
    const engine = forwardEngine();
    renderApp('#/forward?model=series', engine);
    const note = await screen.findByTestId('no-series-model', {}, { timeout: 5000 });
    expect(forward().status).toBe('noModel');
    expect(note.querySelector('a')?.getAttribute('href')).toBe('#/series');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(engine.seriesTraces.at(-1)?.traced).toBeNull();
  });
});
