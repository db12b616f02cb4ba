// Running free: the error of feeding predictions back, against closed forms on tiny series.
import { describe, expect, it } from 'vitest';
import { createModel } from '../../../src/engine/model.ts';
import { createRng } from '../../../src/engine/rng.ts';
import { createSeriesTask } from '../../../src/engine/tasks/series.ts';
import { forecastErrors } from '../../../src/engine/tasks/seriesForecast.ts';
import { modelConfigFor } from '../../../src/engine/tasks/task.ts';

/** A model whose every output is zero: its forecast of z is 0, i.e. the training mean. */
function zeroModel(task: ReturnType<typeof createSeriesTask>) {
  const m = createModel(
    modelConfigFor(task, {
      cell: 'rnn',
      nonlinearity: 'tanh',
      hiddenSize: 2,
      numLayers: 1,
      bidirectional: false,
    }),
    createRng(1),
  );
  m.decoder.W.fill(0);
  m.decoder.b.fill(0);
  return m;
}

describe('forecastErrors', () => {
  const line = Float64Array.from({ length: 100 }, (_, t) => 2 * t + 1);

  it('on the changes of a line, predicting the mean change runs the line on exactly', () => {
    const task = createSeriesTask({ name: 'line', values: line, difference: true });
    const f = forecastErrors(zeroModel(task), task, line, true, 5, 10);
    expect(f.starts).toBe(10);
    expect(f.ks).toEqual([1, 2, 3, 4, 5]);
    // Every change is 2 = the training mean: the forecast is the line itself.
    for (const e of f.model) expect(e).toBeCloseTo(0, 9);
    // The last value misses by 2k after k steps.
    f.persistence.forEach((e, k) => expect(e).toBeCloseTo(2 * (k + 1), 9));
    expect(f.example.values[0]).toBeCloseTo(line[f.example.start + 1]!, 9);
  });

  it('on the values, a constant forecast of the training mean misses by the distance to it', () => {
    const task = createSeriesTask({ name: 'line', values: line });
    const f = forecastErrors(zeroModel(task), task, line, false, 3, 5);
    const mean = task.prepared.mean;
    // Starts from value cut to n − 1 − 3; the error at k is the RMS of (mean − y[s + k]).
    const { cut } = task.prepared;
    const starts = [0, 1, 2, 3, 4].map((j) => cut + Math.round((j * (line.length - 4 - cut)) / 4));
    f.model.forEach((e, k) => {
      const want = Math.sqrt(
        starts.reduce((a, s) => a + (mean - line[s + k + 1]!) ** 2, 0) / starts.length,
      );
      expect(e).toBeCloseTo(want, 9);
    });
  });

  it('the cone of error holds the quantiles of each start’s signed error', () => {
    const task = createSeriesTask({ name: 'line', values: line });
    const f = forecastErrors(zeroModel(task), task, line, false, 3, 5);
    const { cut, mean } = task.prepared;
    const starts = [0, 1, 2, 3, 4].map((j) => cut + Math.round((j * (line.length - 4 - cut)) / 4));
    // numpy's linear quantile of five sorted values: at q·4 between order statistics.
    const q = (xs: number[], p: number) => {
      const v = [...xs].sort((a, b) => a - b);
      const at = p * (v.length - 1);
      const lo = Math.floor(at);
      return v[lo]! + (at - lo) * ((v[lo + 1] ?? v[lo]!) - v[lo]!);
    };
    for (let k = 0; k < 3; k++) {
      const model = starts.map((s) => mean - line[s + k + 1]!);
      const last = starts.map((s) => line[s]! - line[s + k + 1]!);
      expect(f.cone.model.q10[k]).toBeCloseTo(q(model, 0.1), 9);
      expect(f.cone.model.median[k]).toBeCloseTo(q(model, 0.5), 9);
      expect(f.cone.model.q90[k]).toBeCloseTo(q(model, 0.9), 9);
      expect(f.cone.persistence.median[k]).toBeCloseTo(q(last, 0.5), 9);
      // The last value on a rising line misses by −2(k + 1) from every start: a cone of width 0.
      expect(f.cone.persistence.q10[k]).toBeCloseTo(-2 * (k + 1), 9);
      expect(f.cone.persistence.q90[k]).toBeCloseTo(-2 * (k + 1), 9);
      expect(f.cone.model.q10[k]!).toBeLessThan(f.cone.model.q90[k]!);
    }
  });

  it('refuses a model that predicts several steps ahead', () => {
    const task = createSeriesTask({ name: 'line', values: line, horizon: 3 });
    expect(() => forecastErrors(zeroModel(task), task, line, false)).toThrow(/one step ahead/);
  });
});

describe('hiddenOverSeries', () => {
  it('gives the top layer’s h_t of one pass from a zero state, transposed to units × steps', async () => {
    const { hiddenOverSeries } = await import('../../../src/engine/tasks/series.ts');
    const { forwardModel } = await import('../../../src/engine/network.ts');
    const { layerOutput } = await import('../../../src/engine/bptt.ts');
    const values = Float64Array.from({ length: 100 }, (_, t) => Math.sin(t / 5));
    const task = createSeriesTask({ name: 'sine', values });
    const model = createModel(
      modelConfigFor(task, {
        cell: 'gru',
        nonlinearity: 'tanh',
        hiddenSize: 3,
        numLayers: 2,
        bidirectional: false,
      }),
      createRng(2),
    );
    const z = task.prepared.z;
    const got = hiddenOverSeries(model, z, 0, 10);
    const pass = forwardModel(
      model,
      { T: 10, B: 1, input: { kind: 'dense', x: z.slice(0, 10) }, targets: new Float64Array(10) },
      null,
    );
    expect(got.units).toBe(3);
    expect(got.count).toBe(10);
    for (let t = 0; t < 10; t++)
      for (let u = 0; u < 3; u++)
        expect(got.data[u * 10 + t]).toBe(layerOutput(pass.stack, 1, t)[u]);
  });
});
