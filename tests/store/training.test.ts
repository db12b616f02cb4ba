// The training slice's pure parts and the config's URL keys, without React or a worker.
import { describe, expect, it } from 'vitest';
import {
  configFromParams,
  initialConfig,
  needsNewModel,
  paramsFromConfig,
  settingsOf,
} from '../../src/store/config';
import {
  addValidation,
  appendProgress,
  clippedShare,
  divergenceOf,
  emptyHistory,
  historyCsv,
  truncateHistory,
} from '../../src/store/training';
import { parseHash, serialiseHash } from '../../src/store/url';
import { validateSettings } from '../../src/engine/settings';
import type { ProgressBatch } from '../../src/worker/protocol';

function batch(
  firstStep: number,
  losses: number[],
  extra: Partial<ProgressBatch> = {},
): ProgressBatch {
  return {
    firstStep,
    loss: Float64Array.from(losses),
    gradNormBefore: Float64Array.from(losses, (l) => l * 2),
    gradNormAfter: Float64Array.from(losses, (l) => Math.min(5, l * 2)),
    clipped: Uint8Array.from(losses, (l) => (l * 2 > 5 ? 1 : 0)),
    charsPerSecond: 1,
    stepsPerSecond: 1,
    epoch: 0,
    dLdhNorm: [],
    diverged: false,
    lastGoodStep: 0,
    running: true,
    ...extra,
  };
}

describe('training history', () => {
  it('appends steps, smooths with a bias-corrected EMA and skips repeats', () => {
    let h = emptyHistory();
    h = appendProgress(h, batch(1, [4, 4, 4], { val: { step: 3, loss: 3.9 } }));
    expect(h.steps).toEqual([1, 2, 3]);
    expect(h.smooth[0]).toBeCloseTo(4, 12); // bias-corrected: the first value itself
    expect(h.smooth[2]).toBeCloseTo(4, 12);
    h = appendProgress(h, batch(3, [9, 2]));
    expect(h.steps).toEqual([1, 2, 3, 4]);
    expect(h.val).toEqual([{ step: 3, loss: 3.9 }]);
    expect(clippedShare(h)).toBe(0.75); // gradient norm 2·loss: above 5 but for step 4
  });

  it('makes a new history on every change and leaves the old one as it was', () => {
    const empty = emptyHistory();
    const one = appendProgress(empty, batch(1, [4, 3]));
    expect(one).not.toBe(empty);
    expect(empty.steps).toEqual([]);
    expect(empty.ema).toEqual({ value: 0, weight: 0 });
    // Several batches at once give the same curves as one after the other.
    const both = appendProgress(
      empty,
      batch(1, [4, 3]),
      batch(3, [2], { val: { step: 3, loss: 2.5 } }),
    );
    const stepwise = appendProgress(one, batch(3, [2], { val: { step: 3, loss: 2.5 } }));
    expect(both).toEqual(stepwise);
    expect(one.steps).toEqual([1, 2]);
    expect(one.val).toEqual([]);
    // Nothing new: the same value, so charts do not redraw.
    expect(appendProgress(one, batch(1, [4, 3]))).toBe(one);
    const withVal = addValidation(one, { step: 2, loss: 3.3 });
    expect(withVal.val).toEqual([{ step: 2, loss: 3.3 }]);
    expect(one.val).toEqual([]);
    expect(addValidation(withVal, { step: 2, loss: 3.1 })).toBe(withVal);
  });

  it('truncates to a restored step and recomputes the EMA', () => {
    const h = appendProgress(
      emptyHistory(),
      batch(1, [4, 3, 2, 1, 9], { val: { step: 4, loss: 1 } }),
    );
    const t = truncateHistory(h, 3);
    expect(t.steps).toEqual([1, 2, 3]);
    expect(t.smooth).toEqual(h.smooth.slice(0, 3));
    expect(t.val).toEqual([]);
    const next = appendProgress(t, batch(4, [1]));
    expect(next.smooth[3]).toBeCloseTo(h.smooth[3]!, 12);
  });

  it('describes a divergence by step, loss and gradient spike', () => {
    let h = appendProgress(emptyHistory(), batch(1, [3, 40]));
    const b = batch(3, [NaN], { diverged: true, lastGoodStep: 0 });
    h = appendProgress(h, b);
    const d = divergenceOf(h, b, 10, 'none');
    expect(d.step).toBe(3);
    expect(Number.isNaN(d.loss)).toBe(true);
    expect(d.gradNorm).toBeNaN();
    expect(d).toMatchObject({ lr: 10, clipMode: 'none', lastGoodStep: 0 });
  });

  it('writes a CSV with the validation loss on its step', () => {
    const h = appendProgress(emptyHistory(), batch(1, [4, 3], { val: { step: 2, loss: 3.5 } }));
    const lines = historyCsv(h).trim().split('\n');
    expect(lines[0]).toMatch(/^step,loss_nats,smoothed_nats,val_loss_nats/);
    expect(lines[1]!.split(',')[3]).toBe('');
    expect(lines[2]!.split(',')[3]).toBe('3.5');
  });

  it('writes the task’s validation metrics as columns of their own', () => {
    const recall = { key: 'recall', label: 'recall after 20 steps', value: 0.25, chance: 0.1 };
    const h = appendProgress(
      emptyHistory(),
      batch(1, [4, 3], { val: { step: 2, loss: 3.5, metrics: [recall] } }),
    );
    expect(h.val).toEqual([{ step: 2, loss: 3.5, metrics: [recall] }]);
    const lines = historyCsv(h).trim().split('\n');
    expect(lines[0]).toBe(
      'step,loss_nats,smoothed_nats,val_loss_nats,val_recall,grad_norm_before,grad_norm_after,clipped',
    );
    expect(lines[1]!.split(',').slice(3, 5)).toEqual(['', '']);
    expect(lines[2]!.split(',').slice(3, 5)).toEqual(['3.5', '0.25']);
  });
});

describe('training config in the URL', () => {
  it('round-trips every setting through the address', () => {
    const config = {
      ...initialConfig(),
      corpus: 'copy20' as const,
      cell: 'gru' as const,
      hiddenSize: 96,
      numLayers: 2,
      seqLen: 40,
      batchSize: 8,
      optimizer: 'rmsprop' as const,
      lr: 0.002,
      clipMode: 'value' as const,
      clipThreshold: 1,
      init: 'orthogonal' as const,
      gateBias: 1,
      seed: 42,
    };
    const hash = serialiseHash({ view: 'train', params: paramsFromConfig(config) });
    expect(hash).toBe(
      '#/train?corpus=copy20&cell=gru&hidden=96&layers=2&init=orthogonal&bias=1&seed=42&seq=40&batch=8&opt=rmsprop&lr=0.002&clip=value&clipAt=1',
    );
    const { route, problems } = parseHash(hash);
    expect(problems).toEqual([]);
    expect(configFromParams(route.params)).toEqual(config);
  });

  it('accepts the Gradient flow view’s “Train it” links and rejects bad values', () => {
    expect(
      configFromParams(parseHash('#/train?corpus=copy50&cell=lstm').route.params),
    ).toMatchObject({
      corpus: 'copy50',
      cell: 'lstm',
    });
    const { route, problems } = parseHash('#/train?lr=1e9&hidden=0&layers=9');
    expect(route.params).toEqual({});
    expect(problems).toHaveLength(3);
    expect(parseHash('#/train?lr=1e-4').route.params).toEqual({ lr: 1e-4 });
  });

  it('the defaults are valid engine settings; only architecture changes need a new model', () => {
    const c = initialConfig();
    expect(() => validateSettings(settingsOf(c))).not.toThrow();
    expect(needsNewModel(c, { ...c, lr: 0.1, clipMode: 'none', batchSize: 4 })).toBe(false);
    expect(needsNewModel(c, { ...c, hiddenSize: 32 })).toBe(true);
    expect(needsNewModel(c, { ...c, corpus: 'tang' })).toBe(true);
  });
});
