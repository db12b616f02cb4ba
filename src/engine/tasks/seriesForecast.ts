// Forecasting by running free: read the series up to a start s, then feed each prediction back as
// the next input for k steps, and measure how the error grows with k. From many starts in the
// validation part, next to the last value carried forward. One step ahead this is the teacher-
// forced prediction; further on the model meets its own errors (docs/beyond-characters.md §3).

import { generateValues } from '../generate.ts';
import { Problem } from '../problem.ts';
import { quantiles } from '../quantile.ts';
import type { Model } from '../model.ts';
import type { SeriesTask } from './series.ts';

/** How much of the past the model reads before it runs free (its evaluation window). */
const PRIME = 64;

/** The quantiles of the error over the starts that make the cone: 10 %, the median, 90 %. */
export const CONE_QUANTILES = [0.1, 0.5, 0.9] as const;

/** The spread of the signed error (forecast − actual) over the starts, at each k. */
export interface ErrorCone {
  readonly q10: readonly number[];
  readonly median: readonly number[];
  readonly q90: readonly number[];
}

export interface ForecastErrors {
  /** k = 1 … maxK. */
  readonly ks: readonly number[];
  /** Root mean squared error at each k, in the series' units: the model, and the last value. */
  readonly model: readonly number[];
  readonly persistence: readonly number[];
  /** The cone of error: the signed error's 10 %, 50 % and 90 % quantiles over the starts. */
  readonly cone: { readonly model: ErrorCone; readonly persistence: ErrorCone };
  /** How many starts were averaged. */
  readonly starts: number;
  /** One run from the last start: its start index and the values forecast for s+1 … s+maxK. */
  readonly example: { readonly start: number; readonly values: readonly number[] };
}

/**
 * Free-running errors of a one-step model over `values` (the series in its units; `difference`:
 * the task learns the changes, so value s+k is value s plus the forecast changes).
 */
export function forecastErrors(
  model: Model,
  task: SeriesTask,
  values: Float64Array,
  difference: boolean,
  maxK = 20,
  maxStarts = 40,
): ForecastErrors {
  if (task.horizon !== 1) throw new Problem('series.runFreeOneStep');
  const { z, cut, mean, scale } = task.prepared;
  // Value index of position p of z: the changes start at value 1.
  const offset = difference ? 1 : 0;
  const first = cut + offset;
  const last = values.length - 1 - maxK;
  const ks = Array.from({ length: maxK }, (_, k) => k + 1);
  const sse = new Float64Array(maxK);
  const pse = new Float64Array(maxK);
  // Signed errors per k, one per start.
  const modelErr: number[][] = ks.map(() => []);
  const lastErr: number[][] = ks.map(() => []);
  let starts = 0;
  let example = { start: first, values: [] as number[] };
  if (last >= first) {
    const count = Math.min(maxStarts, last - first + 1);
    for (let j = 0; j < count; j++) {
      const s = first + Math.round((j * (last - first)) / Math.max(1, count - 1));
      const p = s - offset; // z position of value s
      const prime = z.slice(Math.max(0, p - PRIME + 1), p + 1);
      const ahead = generateValues(model, prime, maxK);
      const forecast: number[] = [];
      let level = values[s]!;
      for (let k = 0; k < maxK; k++) {
        const unit = ahead[k]! * scale + mean;
        level = difference ? level + unit : unit;
        forecast.push(level);
        const e = level - values[s + k + 1]!;
        const still = values[s]! - values[s + k + 1]!;
        sse[k]! += e ** 2;
        pse[k]! += still ** 2;
        modelErr[k]!.push(e);
        lastErr[k]!.push(still);
      }
      starts++;
      example = { start: s, values: forecast };
    }
  }
  const rms = (a: Float64Array) => Array.from(a, (v) => (starts > 0 ? Math.sqrt(v / starts) : NaN));
  const cone = (errors: number[][]): ErrorCone => {
    const q = errors.map((e) => quantiles(e, CONE_QUANTILES));
    return { q10: q.map((v) => v[0]!), median: q.map((v) => v[1]!), q90: q.map((v) => v[2]!) };
  };
  return {
    ks,
    model: rms(sse),
    persistence: rms(pse),
    cone: { model: cone(modelErr), persistence: cone(lastErr) },
    starts,
    example,
  };
}
