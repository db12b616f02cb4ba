// The Time series view's run in the worker: a shipped CSV or a synthetic series prepared as asked,
// trained by the same loop as the Training view, its predictions in the series' units, and a bad
// source refused with the current series kept.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type TrainSettings } from '../../src/engine/settings.ts';
import type { ProgressBatch } from '../../src/worker/protocol.ts';
import { SeriesRun } from '../../src/worker/seriesRun.ts';
import { createCompute } from '../../src/engine/kernels.ts';
import { co2 } from './seriesFixtures.ts';

const settings: TrainSettings = {
  ...DEFAULT_SETTINGS,
  cell: 'lstm',
  hiddenSize: 8,
  seqLen: 24,
  batchSize: 8,
  lr: 0.01,
};
const prep = { horizon: 1, difference: false, season: 12, valFraction: 0.2 };

function makeRun() {
  const queue: (() => void)[] = [];
  const batches: ProgressBatch[] = [];
  let clock = 0;
  const run = new SeriesRun(
    { progress: (b) => batches.push(b), schedule: (fn) => queue.push(fn), now: () => (clock += 5) },
    () => createCompute(),
  );
  return { run, queue, batches };
}

describe('SeriesRun', () => {
  it('loads a CSV column, split by time, normalised on the training part only', () => {
    const { run } = makeRun();
    const info = run.load({ spec: co2, prep, settings });
    const n = info.values.length;
    expect(info.column).toBe('CO2');
    expect(info.columns).toEqual(['CO2', 'adjusted CO2']);
    expect(info.values[0]).toBeCloseTo(315.7, 6);
    expect(info.labels?.[0]).toBe('1958-03-01');
    expect(info.trainCount).toBe(Math.floor(n * 0.8));
    expect(info.trainCount + info.valCount).toBe(n);
    expect(info.firstValidation).toBe(info.trainCount);
    const train = Array.from(info.values.subarray(0, info.trainCount));
    const mean = train.reduce((a, b) => a + b, 0) / train.length;
    expect(info.mean).toBeCloseTo(mean, 9);
    expect(info.baselines.map((b) => b.key)).toEqual(['persistence', 'seasonal', 'ar']);
    expect(info.step).toBe(0);
  });

  it('predicts in the series’ units; learning the changes adds them to the last value', () => {
    const { run } = makeRun();
    const info = run.load({ spec: co2, prep: { ...prep, difference: true }, settings });
    expect(info.firstValidation).toBe(info.trainCount + 1);
    const { predicted } = run.predict();
    expect(predicted.length).toBe(info.values.length);
    expect(predicted[0]).toBeNaN();
    expect(predicted[1]).toBeNaN();
    // An untrained model predicts a small change: every prediction is near the last value.
    for (let t = 2; t < predicted.length; t++)
      expect(Math.abs(predicted[t]! - info.values[t - 1]!)).toBeLessThan(5 * info.scale);
  });

  it('trains with the shared loop and beats the last value on the changes of CO₂', () => {
    const { run, queue, batches } = makeRun();
    const info = run.load({ spec: co2, prep: { ...prep, difference: true }, settings });
    run.train();
    for (let k = 0; k < 200 && queue.length > 0; k++) queue.shift()!();
    const steps = run.pause();
    expect(steps).toBeGreaterThan(300);
    expect(batches.reduce((a, b) => a + b.loss.length, 0)).toBe(steps);
    const { predicted } = run.predict();
    let se = 0;
    let count = 0;
    for (let t = info.firstValidation; t < info.values.length; t++) {
      se += (predicted[t]! - info.values[t]!) ** 2;
      count++;
    }
    const mse = se / count / info.scale ** 2;
    const persistence = info.baselines.find((b) => b.key === 'persistence')!.value;
    expect(mse).toBeLessThan(persistence / 2);
  });

  it('refuses a bad CSV with its message and keeps the series it had', () => {
    const { run } = makeRun();
    run.load({ spec: co2, prep, settings });
    expect(() =>
      run.load({ spec: { kind: 'csv', name: 'bad', text: 'a,b\nx,y\n' }, prep, settings }),
    ).toThrow(/number/i);
    expect(run.info().name).toBe('co2');
  });

  it('makes the synthetic series from their parameters', () => {
    const { run } = makeRun();
    const info = run.load({
      spec: { kind: 'logistic', name: 'logistic', n: 300, r: 3.9 },
      prep: { ...prep, season: null },
      settings,
    });
    expect(info.values.length).toBe(300);
    expect(info.values[1]).toBeCloseTo(3.9 * 0.4 * 0.6, 12);
  });
});

describe('the hidden state the view shows', () => {
  it('is the top layer’s h_t over the last 240 positions, unit by unit', () => {
    const { run } = makeRun();
    const info = run.load({ spec: co2, prep, settings });
    const { hidden } = run.predict();
    expect(hidden.units).toBe(settings.hiddenSize);
    expect(hidden.count).toBe(240);
    expect(hidden.from).toBe(info.values.length - 240);
    expect(hidden.data.length).toBe(8 * 240);
    // An LSTM's h = o ⊙ tanh(c) stays inside (−1, 1), and it moves along the series.
    expect(hidden.data.every((v) => Math.abs(v) < 1)).toBe(true);
    expect(
      new Set(Array.from(hidden.data.subarray(0, 240), (v) => v.toFixed(6))).size,
    ).toBeGreaterThan(100);
  });
});

describe('going back to the best model', () => {
  it('puts back the model of the lowest validation loss at its step, and training goes on', () => {
    const { run, queue, batches } = makeRun();
    run.load({ spec: co2, prep: { ...prep, difference: true }, settings });
    expect(() => run.restoreBest()).toThrow(/no validation loss yet/);
    run.train();
    for (let k = 0; k < 300 && queue.length > 0; k++) queue.shift()!();
    run.pause();
    const vals = batches.flatMap((b) => (b.val ? [b.val] : []));
    expect(vals.length).toBeGreaterThan(2);
    const best = vals.reduce((a, b) => (b.loss < a.loss ? b : a));
    const info = run.restoreBest();
    expect(info.step).toBe(best.step);
    expect(info.best).toEqual({ step: best.step, loss: best.loss });
    run.train();
    // Slices scheduled before the restore end at once; the new start's slice trains.
    while (queue.length > 1) queue.shift()!();
    queue.shift()!();
    run.pause();
    expect(run.info().step).toBeGreaterThan(best.step);
  });
});

describe('changing how the model trains', () => {
  it('keeps the model, its step and best, and the next steps use the new window length', () => {
    const { run, batches } = makeRun();
    run.load({ spec: co2, prep, settings });
    for (let k = 0; k < 3; k++) run.step();
    expect(batches.at(-1)!.dLdhNorm[0]).toHaveLength(24);
    const before = run.predict().predicted;
    const info = run.setHyper({ ...settings, lr: 0.001, seqLen: 12, batchSize: 4 });
    expect(info.step).toBe(3);
    // The model is the same one: the same predictions.
    expect(run.predict().predicted).toEqual(before);
    expect(run.step()).toBe(4);
    expect(batches.at(-1)!.dLdhNorm[0]).toHaveLength(12);
  });

  it('refuses what needs a new model, and bad values, and changes nothing', () => {
    const { run, batches } = makeRun();
    run.load({ spec: co2, prep, settings });
    run.step();
    expect(() => run.setHyper({ ...settings, hiddenSize: 16 })).toThrow(/new model/);
    // The settings are named by their form labels, which the page translates.
    expect(() => run.setHyper({ ...settings, hiddenSize: 16, numLayers: 2 })).toThrow(
      expect.objectContaining({
        message: 'Hidden size, Layers: these need a new model.',
        code: 'run.needNewModel',
        vars: {
          settings: {
            code: 'settings.list2',
            vars: {
              a: { code: 'settings.hiddenSize', vars: {} },
              b: { code: 'settings.numLayers', vars: {} },
            },
          },
        },
      }),
    );
    expect(() => run.setHyper({ ...settings, seqLen: 0 })).toThrow(
      expect.objectContaining({ code: 'settings.seqLenWhole' }),
    );
    expect(run.step()).toBe(2);
    expect(batches.at(-1)!.dLdhNorm[0]).toHaveLength(24);
  });
});

describe('after a divergence', () => {
  it('goes back to the last good model at its step, which predicts finite values again', () => {
    const { run, batches } = makeRun();
    const sgd: TrainSettings = { ...settings, optimizer: 'sgd', clipMode: 'none', lr: 0.001 };
    run.load({ spec: co2, prep, settings: sgd });
    for (let k = 0; k < 55; k++) run.step();
    expect(batches.at(-1)!.lastGoodStep).toBe(50);
    const good = run.predict().predicted;
    run.setHyper({ ...sgd, lr: 10 });
    for (let k = 0; k < 200 && !batches.some((b) => b.diverged); k++) run.step();
    expect(batches.some((b) => b.diverged)).toBe(true);
    const info = run.restoreLastGood();
    expect(info.step).toBe(50);
    const back = run.predict().predicted;
    expect(back.every((v, k) => Number.isNaN(good[k]!) === Number.isNaN(v))).toBe(true);
    expect(back.filter((v) => !Number.isNaN(v)).every(Number.isFinite)).toBe(true);
    expect(run.step()).toBe(51);
  });

  it('without any model to go back to, says so', () => {
    const { run } = makeRun();
    expect(() => run.restoreLastGood()).toThrow(
      expect.objectContaining({ message: 'Choose a series first.', code: 'run.noSeries' }),
    );
  });
});

describe('a live change while training', () => {
  it('goes on with one chain of slices, and no batch says training stopped', () => {
    const { run, queue, batches } = makeRun();
    run.load({ spec: co2, prep, settings });
    run.train();
    expect(queue).toHaveLength(1);
    queue.shift()!();
    run.setHyper({ ...settings, lr: 0.003, seqLen: 12 });
    for (let k = 0; k < 5; k++) {
      // A stale slice from before the change ends; the new chain keeps exactly one scheduled.
      for (let i = 0; i < 10 && queue.length > 1; i++) queue.shift()!();
      expect(queue).toHaveLength(1);
      queue.shift()!();
    }
    expect(queue).toHaveLength(1);
    expect(batches.every((b) => b.running)).toBe(true);
    expect(batches.at(-1)!.dLdhNorm[0]).toHaveLength(12);
    run.pause();
    expect(batches.at(-1)!.running).toBe(false);
  });
});
