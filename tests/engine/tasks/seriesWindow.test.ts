// The window of a series the Forward pass view steps through: its trace predicts what the engine's
// own series prediction predicts for the same window, reads the normalised values (or changes),
// scores the validation loss's first steps, and writes ŷ in the series' units.
import { describe, expect, it } from 'vitest';
import { createModel } from '../../../src/engine/model.ts';
import { createRng } from '../../../src/engine/rng.ts';
import { architectureOf, DEFAULT_SETTINGS } from '../../../src/engine/settings.ts';
import { predictSeries } from '../../../src/engine/tasks/series.ts';
import { sinesSeries } from '../../../src/engine/tasks/seriesData.ts';
import { seriesTaskOf } from '../../../src/engine/tasks/seriesSources.ts';
import { traceSeriesWindow, WINDOW_STEPS } from '../../../src/engine/tasks/seriesWindow.ts';
import { modelConfigFor } from '../../../src/engine/tasks/task.ts';

// A series far from zero, with a trend, so that normalising and de-normalising both matter.
const values = sinesSeries(200, {
  periods: [12, 40],
  amplitudes: [3, 1],
  trend: 0.05,
  seed: 3,
}).map((v) => 500 + 20 * v);

function setup(horizon: number, difference: boolean, cell: 'lstm' | 'gru' | 'rnn' = 'lstm') {
  const task = seriesTaskOf('sines', values, {
    horizon,
    difference,
    season: 12,
    valFraction: 0.2,
  });
  const settings = { ...DEFAULT_SETTINGS, cell, hiddenSize: 5, numLayers: 2 };
  const model = createModel(modelConfigFor(task, architectureOf(settings)), createRng(4));
  return { task, model };
}

describe('traceSeriesWindow', () => {
  for (const [horizon, difference] of [
    [1, false],
    [3, false],
    [1, true],
  ] as const) {
    it(`predicts what predictSeries predicts for the same window (h = ${horizon}${difference ? ', changes' : ''})`, () => {
      const { task, model } = setup(horizon, difference);
      const { z, cut, mean, scale } = task.prepared;
      const { trace, window } = traceSeriesWindow(
        model,
        task.prepared,
        values,
        horizon,
        difference,
      );
      const T = WINDOW_STEPS;
      expect(trace.T).toBe(T);
      expect(window.from).toBe(cut);
      const own = predictSeries(model, z, cut, cut + T, horizon);
      expect(own.length).toBe(T);
      for (let t = 0; t < T; t++) {
        // x̂ is the engine's own prediction, and ŷ that prediction in the series' units.
        expect(Math.abs(trace.outputs[t]![0]! - own[t]!)).toBeLessThan(1e-12);
        const k = cut + t;
        const inUnits = own[t]! * scale + mean;
        const expected = difference ? values[k + 1]! + inUnits : inUnits;
        expect(Math.abs(window.predicted[t]! - expected)).toBeLessThan(1e-9);
        // x_t is the value (or the change) read, normalised with the training part's numbers.
        const raw = difference ? values[k + 1]! - values[k]! : values[k]!;
        expect(Math.abs(window.x[t]! - (raw - mean) / scale)).toBeLessThan(1e-12);
        expect(window.read[t]).toBe(values[window.readIndex[t]!]);
        expect(window.readIndex[t]).toBe(k + (difference ? 1 : 0));
        // y_{t+h}: the value the prediction is of.
        expect(window.actualIndex[t]).toBe(window.readIndex[t]! + horizon);
        expect(window.actual[t]).toBe(values[window.actualIndex[t]!]);
        expect(Math.abs(window.target[t]! - z[k + horizon]!)).toBeLessThan(1e-15);
      }
      expect(window.readBefore).toBe(values[window.readIndex[0]! - 1]);
      // Its mean squared error is the validation loss over the same first T positions.
      expect(Math.abs(trace.loss - task.evaluate(model, T))).toBeLessThan(1e-12);
      const mse = trace.stepLoss.reduce((a, b) => a + b, 0) / T;
      expect(Math.abs(trace.loss - mse)).toBeLessThan(1e-12);
      expect(x0Differs(window.x, values)).toBe(true);
    });
  }

  it('holds every cell’s named intermediates for each layer and step', () => {
    const { task, model } = setup(1, false, 'gru');
    const { trace } = traceSeriesWindow(model, task.prepared, values, 1, false);
    expect(trace.named.length).toBe(2);
    expect(Object.keys(trace.named[0]![0]!)).toEqual(expect.arrayContaining(['r', 'z', 'n', 'h']));
    expect(trace.probs).toBeNull();
    expect(trace.O).toBe(1);
  });

  it('reads fewer steps when the validation part is short, and refuses an empty one', () => {
    const { task, model } = setup(1, false);
    const short = traceSeriesWindow(model, task.prepared, values, 1, false, 1000);
    expect(short.trace.T).toBe(task.prepared.z.length - 1 - task.prepared.cut);
    const far = { ...task.prepared, cut: task.prepared.z.length - 1 };
    expect(() => traceSeriesWindow(model, far, values, 1, false)).toThrow(/too short/);
  });
});

/** The inputs are normalised: not the raw values (a test that would pass on raw values fails). */
function x0Differs(x: readonly number[], raw: Float64Array): boolean {
  return x.every((v) => Math.abs(v) < 10) && raw.every((v) => v > 100);
}
