// The time-series task: synthetic series, the split by time and normalisation from the training
// part only, baselines against closed forms (persistence on a line, AR(1) recovering its
// coefficient), and a GRU that learns a sine better than persistence.
import { describe, expect, it } from 'vitest';
import { createModel } from '../../../src/engine/model.ts';
import { createRng } from '../../../src/engine/rng.ts';
import { createSeriesTask } from '../../../src/engine/tasks/series.ts';
import {
  arMse,
  fitAr,
  persistenceMse,
  seasonalMse,
  solve,
} from '../../../src/engine/tasks/seriesBaselines.ts';
import {
  logisticSeries,
  mackeyGlassSeries,
  prepareSeries,
  sinesSeries,
} from '../../../src/engine/tasks/seriesData.ts';
import { modelConfigFor } from '../../../src/engine/tasks/task.ts';
import { createTrainer } from '../../../src/engine/trainer.ts';

describe('series', () => {
  it('sines repeat with their period; the logistic map and Mackey–Glass by their rules', () => {
    const s = sinesSeries(100, { periods: [20], amplitudes: [2] });
    expect(s[25]!).toBeCloseTo(s[5]!, 12);
    expect(s[5]!).toBeCloseTo(2, 12);
    const x = logisticSeries(3, 3.9, 0.4);
    expect(x[1]!).toBeCloseTo(3.9 * 0.4 * 0.6, 15);
    const mg = mackeyGlassSeries(300);
    expect(Math.min(...mg)).toBeGreaterThan(0.1);
    expect(Math.max(...mg)).toBeLessThan(1.6);
    expect(Math.max(...mg) - Math.min(...mg)).toBeGreaterThan(0.5);
  });

  it('normalises with the training part only', () => {
    const values = Float64Array.from([1, 2, 3, 4, 100, 200]);
    const p = prepareSeries(values, 1 / 3);
    expect(p.cut).toBe(4);
    expect(p.mean).toBe(2.5);
    expect(p.scale).toBeCloseTo(Math.sqrt(1.25), 15);
    expect(p.z[0]!).toBeCloseTo(-1.5 / Math.sqrt(1.25), 15);
  });
});

describe('baselines', () => {
  it('persistence on a line y = 2 + 0.5t errs by (0.5·h)² exactly', () => {
    const y = Float64Array.from({ length: 50 }, (_, t) => 2 + 0.5 * t);
    expect(persistenceMse(y, 10, 40, 1)).toBeCloseTo(0.25, 14);
    expect(persistenceMse(y, 10, 40, 3)).toBeCloseTo(2.25, 14);
    // a season of 4 on a line errs by the trend over m steps
    expect(seasonalMse(y, 10, 40, 1, 4)).toBeCloseTo((0.5 * 4) ** 2, 14);
  });

  it('the normal equations solve a small system exactly (pivoting past a zero)', () => {
    const A = Float64Array.from([0, 2, 1, 1, 1, 1, 2, 1, 3]);
    const x = solve(A, Float64Array.from([7, 6, 13]), 3);
    [1, 2, 3].forEach((want, k) => expect(x[k]!).toBeCloseTo(want, 12));
  });

  it('AR(1) fitted on a generated AR(1) process recovers its coefficient', () => {
    const rng = createRng(7);
    const n = 20_000;
    const y = new Float64Array(n);
    for (let t = 1; t < n; t++) y[t] = 0.7 * y[t - 1]! + rng.normal();
    const coef = fitAr(y, 16_000, 1);
    expect(coef[1]!).toBeCloseTo(0.7, 1);
    expect(Math.abs(coef[1]! - 0.7)).toBeLessThan(0.02);
    expect(Math.abs(coef[0]!)).toBeLessThan(0.05);
    // its validation error is the noise variance, and persistence's is 2(1 − φ)/(1 − φ²) of it
    expect(arMse(y, coef, 16_000, n)).toBeCloseTo(1, 1);
    expect(persistenceMse(y, 16_000, n, 1)).toBeCloseTo((2 * 0.3) / (1 - 0.49), 1);
  });
});

describe('the series task', () => {
  const values = sinesSeries(2000, {
    periods: [25, 60],
    amplitudes: [1, 0.5],
    noise: 0.05,
    seed: 3,
  });

  it('a series that is exactly a line has no AR baseline (the lags are collinear), not an error', () => {
    const line = Float64Array.from({ length: 200 }, (_, t) => 2 + 0.5 * t);
    const task = createSeriesTask({ name: 'line', values: line });
    expect(task.baselines.map((b) => b.key)).toEqual(['persistence']);
    const wavy = createSeriesTask({
      name: 'wavy',
      values: sinesSeries(200, { periods: [9], amplitudes: [1], noise: 0.1 }),
    });
    expect(wavy.baselines.map((b) => b.key)).toEqual(['persistence', 'ar']);
  });

  it('learning the changes: “last value” is the prediction of no change, in the value’s units', () => {
    // A trend, a season and noise: the values leave the training range, their changes do not.
    const y = sinesSeries(300, { periods: [12], amplitudes: [2], trend: 0.3, noise: 0.2, seed: 5 });
    const task = createSeriesTask({ name: 'trend', values: y, difference: true, valFraction: 0.2 });
    expect(task.baselines.map((b) => b.key)).toEqual(['persistence', 'lastChange', 'ar']);
    const { cut, scale, z } = task.prepared;
    expect(z.length).toBe(299);
    // On the values: ŷ_{t+1} = y_t over the same validation targets, in units of the change's scale.
    let total = 0;
    for (let t = cut + 1; t < 299; t++) total += (y[t + 1]! - y[t]!) ** 2;
    const levelMse = total / (299 - cut - 1);
    expect(task.baselines[0]!.value).toBeCloseTo(levelMse / scale ** 2, 12);
    expect(() => createSeriesTask({ name: 'x', values: y, difference: true, horizon: 2 })).toThrow(
      'Learning the changes predicts one step ahead only.',
    );
  });

  it('reads one real value per step and predicts h ahead with a linear head', () => {
    const task = createSeriesTask({ name: 'sines', values, horizon: 2, season: 25 });
    expect(task.shape).toEqual({ input: 'dense', inputSize: 1, head: 'linear', outputSize: 1 });
    expect(task.baselines.map((b) => b.key)).toEqual(['persistence', 'seasonal', 'ar']);
    const { batch, reset } = task.source(4, 10).next();
    expect(reset).toBe(true);
    const x = (batch.input as { x: Float64Array }).x;
    const z = task.prepared.z;
    // stream 0, step 3: input z[3], target z[5]
    expect(x[3 * batch.B]).toBe(z[3]);
    expect((batch.targets as Float64Array)[3 * batch.B]).toBe(z[5]);
    expect(() => createSeriesTask({ name: 's', values, horizon: 0 })).toThrow(/from 1 to 50/);
    expect(() => createSeriesTask({ name: 's', values, horizon: 51 })).toThrow(
      expect.objectContaining({
        message: 'The horizon must be a whole number from 1 to 50 (got 51).',
        code: 'series.horizon',
        vars: { min: 1, max: 50, got: '51' },
      }),
    );
    expect(() => createSeriesTask({ name: 's', values: values.slice(0, 5) })).toThrow(
      expect.objectContaining({
        message: 'The series is too short to split: 5 values.',
        code: 'series.tooShortToSplit',
      }),
    );
  });

  it('a small GRU learns two sines better than persistence and AR(3)', () => {
    const task = createSeriesTask({ name: 'sines', values });
    const m = createModel(
      modelConfigFor(task, {
        cell: 'gru',
        nonlinearity: 'tanh',
        hiddenSize: 16,
        numLayers: 1,
        bidirectional: false,
      }),
      createRng(2),
    );
    const trainer = createTrainer(
      m,
      task.source(16, 32),
      { kind: 'adam', lr: 0.01 },
      { mode: 'norm', threshold: 5 },
    );
    for (let s = 0; s < 300; s++) trainer.step();
    const ratio = task.metrics(m, 400).find((x) => x.key === 'vsPersistence')!.value;
    expect(ratio).toBeLessThan(1);
    expect(task.sample(m, 1).split(', ')).toHaveLength(20);
  });
});
