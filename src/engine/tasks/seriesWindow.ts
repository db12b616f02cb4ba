// One window of a prepared series, traced for the Forward pass view: the first steps of the
// validation part, read from a zero state exactly as the validation loss reads them
// (series.ts `predictSeries`), with each step's input x_t, its target and the prediction in the
// series' units: ŷ_{t+h} = mean + scale · x̂_{t+h} (learning the changes: ŷ_{t+1} = y_t + that).

import type { Model } from '../model.ts';
import { Problem } from '../problem.ts';
import { traceSequence, type Trace } from '../trace.ts';
import type { PreparedSeries } from './seriesData.ts';

/** The most steps the window holds. */
export const WINDOW_STEPS = 24;

/** What the window reads and predicts, step by step (index t of each array is step t). */
export interface SeriesWindow {
  /** The z position of the first input: the validation cut. */
  readonly from: number;
  /** x_t, the normalised input fed to the model (a value, or a change when `difference`). */
  readonly x: number[];
  /** x_{t+h}, the normalised target the squared error compares x̂_{t+h} with. */
  readonly target: number[];
  /** y_t: the last value of the series the input covers, and its index in the series. */
  readonly read: number[];
  readonly readIndex: number[];
  /** y_{−1}: the value before the first one read (learning the changes, x_0 = y_0 − y_{−1}). */
  readonly readBefore: number;
  /** y_{t+h}: the value predicted, as it was measured, and its index in the series. */
  readonly actual: number[];
  readonly actualIndex: number[];
  /** ŷ_{t+h}: the prediction in the series' units. */
  readonly predicted: number[];
  /** The normalisation of the training part: x = (value − mean) / scale. */
  readonly mean: number;
  readonly scale: number;
  readonly horizon: number;
  /** The model reads and predicts the changes y_t − y_{t−1}. */
  readonly difference: boolean;
}

/**
 * Traces the first up-to-`steps` positions of the validation part. `values`: the series in its
 * own units [N] (z has N positions, or N − 1 changes). Throws when the validation part is too
 * short to predict anything.
 */
export function traceSeriesWindow(
  model: Model,
  prepared: PreparedSeries,
  values: Float64Array,
  horizon: number,
  difference: boolean,
  steps = WINDOW_STEPS,
): { trace: Trace; window: SeriesWindow } {
  const { z, cut, mean, scale } = prepared;
  const from = cut;
  const T = Math.min(steps, z.length - horizon - from);
  if (T < 1) throw new Problem('series.windowTooShort');
  const x = z.slice(from, from + T);
  const target = z.slice(from + horizon, from + horizon + T);
  const trace = traceSequence(model, x, target);
  // z position k is value k, or (changes) value k + 1 minus value k.
  const offset = difference ? 1 : 0;
  const readIndex = Array.from({ length: T }, (_, t) => from + t + offset);
  const actualIndex = readIndex.map((i) => i + horizon);
  const predicted = trace.outputs.map((out, t) => {
    const unit = out[0]! * scale + mean;
    return difference ? values[readIndex[t]!]! + unit : unit;
  });
  return {
    trace,
    window: {
      from,
      x: Array.from(x),
      target: Array.from(target),
      read: readIndex.map((i) => values[i]!),
      readIndex,
      readBefore: values[from + offset - 1] ?? Number.NaN,
      actual: actualIndex.map((i) => values[i]!),
      actualIndex,
      predicted,
      mean,
      scale,
      horizon,
      difference,
    },
  };
}
