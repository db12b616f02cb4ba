// The Time series view's autosave in the worker (src/worker/seriesAutosave.ts) with an in-memory
// IndexedDB: the model, step and optimizer state come back onto the same series and choices, and
// nothing comes back onto other choices, another model shape, an untrained run or a damaged record.
import 'fake-indexeddb/auto';
import { clear, createStore, set } from 'idb-keyval';
import { beforeEach, describe, expect, it } from 'vitest';
import { createCompute } from '../../src/engine/kernels.ts';
import { DEFAULT_SETTINGS, type TrainSettings } from '../../src/engine/settings.ts';
import { loadSeriesAutosave } from '../../src/persist/seriesStore.ts';
import { autosaveSeries, resumeSeries } from '../../src/worker/seriesAutosave.ts';
import { SeriesRun } from '../../src/worker/seriesRun.ts';
import { co2 } from './seriesFixtures.ts';

const settings: TrainSettings = {
  ...DEFAULT_SETTINGS,
  cell: 'gru',
  hiddenSize: 6,
  seqLen: 16,
  batchSize: 4,
};
const prep = { horizon: 1, difference: true, season: 12, valFraction: 0.2 };

function loaded(s: TrainSettings = settings): SeriesRun {
  const run = new SeriesRun(
    { progress: () => undefined, schedule: () => undefined, now: () => 0 },
    () => createCompute(),
  );
  run.load({ spec: co2, prep, settings: s });
  return run;
}

const page = (choice: string, steps: number[]) => ({
  savedAt: 1234,
  choice,
  curves: {
    steps: Float64Array.from(steps),
    loss: Float64Array.from(steps, (k) => 1 / k),
    gradBefore: Float64Array.from(steps, () => 1),
    gradAfter: Float64Array.from(steps, () => 1),
    clipped: Uint8Array.from(steps, () => 0),
    val: [{ step: steps.at(-1)!, loss: 0.5 }],
  },
});

beforeEach(() => clear(createStore('unrolled', 'training')));

describe('the series autosave', () => {
  it('puts the model, its step and the optimizer’s state back onto the same choices', async () => {
    const a = loaded();
    for (let k = 0; k < 3; k++) a.step();
    expect(await autosaveSeries(a, page('co2-gru-6', [1, 2, 3]))).toEqual({ ok: true, step: 3 });

    const b = loaded();
    const resumed = await resumeSeries(b, 'co2-gru-6');
    expect(resumed?.info.step).toBe(3);
    expect(resumed?.savedAt).toBe(1234);
    expect(resumed?.history.steps).toEqual([1, 2, 3]);
    expect(resumed?.history.val).toEqual([{ step: 3, loss: 0.5 }]);
    expect(b.snapshot()).toEqual(a.snapshot());
    expect(b.predict().predicted).toEqual(a.predict().predicted);
    expect(b.step()).toBe(4);
  });

  it('leaves the fresh model for other choices, another shape or an untrained run', async () => {
    const a = loaded();
    a.step();
    await autosaveSeries(a, page('co2-gru-6', [1]));
    const fresh = loaded();
    const before = fresh.snapshot();
    expect(await resumeSeries(fresh, 'co2-lstm-6')).toBeNull();
    // The same choice text but a model of another size: it does not fit.
    const bigger = loaded({ ...settings, hiddenSize: 7 });
    expect(await resumeSeries(bigger, 'co2-gru-6')).toBeNull();
    expect(bigger.info().step).toBe(0);
    expect(fresh.snapshot()).toEqual(before);

    const untrained = loaded();
    await autosaveSeries(untrained, page('co2-gru-6', [0]));
    expect((await loadSeriesAutosave())?.step).toBe(0);
    expect(await resumeSeries(loaded(), 'co2-gru-6')).toBeNull();
  });

  it('ignores a damaged record', async () => {
    const a = loaded();
    a.step();
    await autosaveSeries(a, page('k', [1]));
    const good = await loadSeriesAutosave();
    await set(
      'series-autosave',
      { ...good, model: '{"format"' },
      createStore('unrolled', 'training'),
    );
    expect(await resumeSeries(loaded(), 'k')).toBeNull();
    await set('series-autosave', { ...good, step: -1 }, createStore('unrolled', 'training'));
    expect(await loadSeriesAutosave()).toBeNull();
    expect(await resumeSeries(loaded(), 'k')).toBeNull();
  });

  it('is not put onto another series loaded while it was being read', async () => {
    const a = loaded();
    a.step();
    await autosaveSeries(a, page('k', [1]));
    const b = loaded();
    const reading = resumeSeries(b, 'k');
    b.load({ spec: co2, prep, settings });
    expect(await reading).toBeNull();
    expect(b.info().step).toBe(0);
  });
});
