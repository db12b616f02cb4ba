// The time-series task: read a measured series one value per step and predict the value h steps
// ahead, scored by squared error (PyTorch's MSELoss: mean((ŷ − y)²), no ½; docs/beyond-characters.md
// §3). Real-valued input and a linear head. The series is split by time and normalised with the
// training part's mean and scale; windows of T steps are independent. Baselines: persistence,
// seasonal persistence (when the series has a season) and AR(p) fitted by least squares.

import { generateValues } from '../generate.ts';
import type { Model } from '../model.ts';
import { layerOutput } from '../bptt.ts';
import { Problem } from '../problem.ts';
import type { ModelLabels } from '../modelfile.ts';
import { forwardModel } from '../network.ts';
import type { BatchSource } from '../trainer.ts';
import { arMse, constantMse, fitAr, persistenceMse, seasonalMse } from './seriesBaselines.ts';
import { changesOf, prepareSeries, type PreparedSeries } from './seriesData.ts';
import type { Baseline, Metric, Task } from './task.ts';
import { windowBatches } from './windows.ts';

/** Window length for validation. */
const EVAL_T = 64;

export interface SeriesTask extends Task {
  readonly prepared: PreparedSeries;
  readonly horizon: number;
  /** The model learns the changes v_t − v_{t−1} rather than the values. */
  readonly difference: boolean;
}

/** Windows over t in [0, cut − h): inputs z[t], targets z[t + h] (the training part only). */
function seriesSource(
  z: Float64Array,
  cut: number,
  h: number,
  batchSize: number,
  T: number,
): BatchSource {
  return windowBatches(cut - h, batchSize, T, (start, B) => {
    const x = new Float64Array(T * B);
    const targets = new Float64Array(T * B);
    for (let t = 0; t < T; t++) {
      for (let b = 0; b < B; b++) {
        x[t * B + b] = z[start(b) + t]!;
        targets[t * B + b] = z[start(b) + t + h]!;
      }
    }
    return { T, B, input: { kind: 'dense', x }, targets };
  });
}

/** The model's one-step predictions ŷ_{t+h} for t in [from, to), windows of EVAL_T from zero. */
export function predictSeries(model: Model, z: Float64Array, from: number, to: number, h: number) {
  const end = Math.min(to, z.length - h);
  const out = new Float64Array(Math.max(0, end - from));
  for (let s = from; s < end; s += EVAL_T) {
    const len = Math.min(EVAL_T, end - s);
    const pass = forwardModel(
      model,
      {
        T: len,
        B: 1,
        input: { kind: 'dense', x: z.slice(s, s + len) },
        targets: z.slice(s + h, s + h + len),
      },
      null,
    );
    for (let t = 0; t < len; t++) out[s - from + t] = pass.outputs[t]![0]!;
  }
  return out;
}

/**
 * Mean of (out[k] − z[from + k + h])² over the predictions out (from predictSeries(model, z, from,
 * …, h)): the loss the engine trains with, PyTorch's MSELoss, no ½. NaN when there are none.
 */
export function predictionMse(out: Float64Array, z: Float64Array, from: number, h: number) {
  let total = 0;
  out.forEach((v, k) => (total += (v - z[from + k + h]!) ** 2));
  return out.length > 0 ? total / out.length : NaN;
}

/**
 * "Last value" (ŷ_{t+h} = y_t) scored on the positions [from, to) of z, and for changes also "last
 * change": each MSE in z's normalised units. On changes the last value is the prediction d = 0,
 * z = −mean/scale of the changes' preparation.
 */
export function persistenceBaselines(
  z: Float64Array,
  from: number,
  to: number,
  h: number,
  prep: { readonly difference: boolean; readonly mean: number; readonly scale: number },
): Baseline[] {
  const persistence = prep.difference
    ? constantMse(z, from, to, h, -prep.mean / prep.scale)
    : persistenceMse(z, from, to, h);
  const baselines: Baseline[] = [{ key: 'persistence', label: 'last value', value: persistence }];
  if (prep.difference)
    baselines.push({
      key: 'lastChange',
      label: 'last change',
      value: persistenceMse(z, from, to, h),
    });
  return baselines;
}

/** A series model file's labels: the task's, and how the inputs of `column` were prepared. */
export function seriesLabels(task: SeriesTask, column: string): ModelLabels {
  const { mean, scale } = task.prepared;
  const { difference, horizon } = task;
  return { ...task.labels, series: { column, mean, scale, difference, horizon } };
}

/**
 * The top layer's state h_t after reading z[0 … t], for t in [from, to), windows of EVAL_T from
 * zero as predictSeries reads them: [H·D, to − from], unit by unit (row-major).
 */
export function hiddenOverSeries(model: Model, z: Float64Array, from: number, to: number) {
  const S = (model.config.bidirectional ? 2 : 1) * model.config.hiddenSize;
  const L = model.config.numLayers;
  const n = Math.max(0, Math.min(to, z.length) - from);
  const out = new Float64Array(S * n);
  for (let s = from; s < from + n; s += EVAL_T) {
    const len = Math.min(EVAL_T, from + n - s);
    const pass = forwardModel(
      model,
      {
        T: len,
        B: 1,
        input: { kind: 'dense', x: z.slice(s, s + len) },
        targets: new Float64Array(len),
      },
      null,
    );
    for (let t = 0; t < len; t++) {
      const h = layerOutput(pass.stack, L - 1, t);
      for (let u = 0; u < S; u++) out[u * n + (s - from + t)] = h[u]!;
    }
  }
  return { data: out, units: S, count: n };
}

/**
 * The AR(p) baseline's validation MSE, or null when least squares has no unique fit (a series
 * that is exactly a line or a constant makes the lags collinear): then the chart omits it.
 */
function arBaseline(z: Float64Array, cut: number, n: number, p: number, h: number): number | null {
  try {
    return arMse(z, fitAr(z, cut, p, h), cut, n, h);
  } catch (e) {
    if (e instanceof Error && /singular/.test(e.message)) return null;
    throw e;
  }
}

export function createSeriesTask(opts: {
  name: string;
  values: Float64Array;
  valFraction?: number;
  horizon?: number;
  /** The season m (e.g. 12 for monthly data), or null. */
  season?: number | null;
  /** The order p of the AR baseline. */
  arOrder?: number;
  /**
   * Learn the changes d_t = y_t − y_{t−1} instead of the values (one step ahead only): a series
   * with a trend leaves the training range, and a tanh network cannot extrapolate, while its
   * changes stay in range. ŷ_{t+1} = y_t + d̂_{t+1}, so the squared error of the change is the
   * squared error of the value, and "last value" is the prediction d̂ = 0.
   */
  difference?: boolean;
}): SeriesTask {
  const h = opts.horizon ?? 1;
  if (!Number.isInteger(h) || h < 1 || h > 50)
    throw new Problem('series.horizon', { min: 1, max: 50, got: String(h) });
  const difference = opts.difference ?? false;
  if (difference && h !== 1) throw new Problem('series.changesOneStep');
  const values = difference ? changesOf(opts.values) : opts.values;
  const prepared = prepareSeries(values, opts.valFraction ?? 0.2);
  const { z, cut, scale } = prepared;
  const n = z.length;
  const p = opts.arOrder ?? 3;
  // "Last value": ŷ_{t+h} = y_t, i.e. on the changes the prediction d = 0 (z = −mean/scale).
  const baselines = persistenceBaselines(z, cut, n, h, { ...prepared, difference });
  const persistence = baselines[0]!.value;
  if (opts.season)
    baselines.push({
      key: 'seasonal',
      label: `value one season (${opts.season}) back`,
      value: seasonalMse(z, cut, n, h, opts.season),
    });
  const ar = arBaseline(z, cut, n, p, h);
  if (ar !== null) baselines.push({ key: 'ar', label: `AR(${p})`, value: ar });
  const valMse = (model: Model, maxPositions: number) => {
    const to = Math.min(n, cut + maxPositions);
    return predictionMse(predictSeries(model, z, cut, to, h), z, cut, h);
  };
  return {
    kind: 'series',
    name: opts.name,
    shape: { input: 'dense', inputSize: 1, head: 'linear', outputSize: 1 },
    labels: { vocab: null, classes: null, task: 'series' },
    lossUnit: 'squared error (normalised)',
    baselines,
    prepared,
    horizon: h,
    difference,
    source: (batchSize, seqLen) => seriesSource(z, cut, h, batchSize, seqLen),
    evaluate: valMse,
    metrics(model, maxPositions): Metric[] {
      const m = valMse(model, maxPositions);
      return [
        { key: 'rmse', label: 'RMSE in the series’ units', value: Math.sqrt(m) * scale },
        { key: 'vsPersistence', label: 'MSE ÷ last-value MSE', value: m / persistence },
      ];
    },
    diverged: (loss, finite) => !finite || loss > 1e3,
    sample(model) {
      if (model.config.bidirectional || h !== 1) return '';
      const start = z.slice(Math.max(0, cut - EVAL_T), cut);
      const ahead = generateValues(model, start, 20);
      return Array.from(ahead, (v) => (v * scale + prepared.mean).toPrecision(4)).join(', ');
    },
  };
}
