// Series for the time-series lesson, and how they are prepared: synthetic ones (a sum of sines with
// a trend and noise; the logistic map; Mackey–Glass), each seeded; the split by time; the
// normalisation with the mean and standard deviation of the training part only
// (docs/beyond-characters.md §3), or with a model's stored ones; and the changes of a series.

import { Problem } from '../problem.ts';
import { createRng } from '../rng.ts';

/** A sum of sines Σ a_i sin(2πt / p_i), a linear trend and Gaussian noise, t = 0 … n−1. */
export function sinesSeries(
  n: number,
  opts: {
    periods: readonly number[];
    amplitudes: readonly number[];
    trend?: number;
    noise?: number;
    seed?: number;
  },
): Float64Array {
  const rng = createRng(opts.seed ?? 1);
  const trend = opts.trend ?? 0;
  const noise = opts.noise ?? 0;
  return Float64Array.from({ length: n }, (_, t) => {
    let v = trend * t;
    opts.periods.forEach(
      (p, i) => (v += (opts.amplitudes[i] ?? 1) * Math.sin((2 * Math.PI * t) / p)),
    );
    return v + (noise > 0 ? noise * rng.normal() : 0);
  });
}

/** The logistic map x_{t+1} = r·x_t (1 − x_t) from x_0 (chaotic for r near 4). */
export function logisticSeries(n: number, r = 3.9, x0 = 0.4): Float64Array {
  const out = new Float64Array(n);
  let x = x0;
  for (let t = 0; t < n; t++) {
    out[t] = x;
    x = r * x * (1 - x);
  }
  return out;
}

/**
 * Mackey–Glass, dx/dt = β x(t−τ) / (1 + x(t−τ)^10) − γ x(t), by Euler steps of dt, sampled every
 * `every` steps (chaotic for τ = 17, β = 0.2, γ = 0.1).
 */
export function mackeyGlassSeries(n: number, tau = 17, dt = 0.1, every = 10): Float64Array {
  const beta = 0.2;
  const gamma = 0.1;
  const lag = Math.round(tau / dt);
  const steps = n * every + lag;
  const x = new Float64Array(steps + 1).fill(1.2);
  for (let k = lag; k < steps; k++) {
    const d = x[k - lag]!;
    x[k + 1] = x[k]! + dt * ((beta * d) / (1 + d ** 10) - gamma * x[k]!);
  }
  return Float64Array.from({ length: n }, (_, t) => x[lag + t * every]!);
}

/** A series split by time and normalised with the training part's mean and scale. */
export interface PreparedSeries {
  /** Normalised values: train = z[0, cut), validation = z[cut, n). */
  readonly z: Float64Array;
  readonly cut: number;
  readonly mean: number;
  readonly scale: number;
}

/**
 * Splits at ⌊n·(1 − valFraction)⌋ (validation strictly after training) and normalises every
 * value with the mean and standard deviation of the training part only.
 */
export function prepareSeries(values: Float64Array, valFraction = 0.2): PreparedSeries {
  const n = values.length;
  const cut = Math.floor(n * (1 - valFraction));
  if (cut < 2 || n - cut < 2) throw new Problem('series.tooShortToSplit', { values: n });
  let mean = 0;
  for (let k = 0; k < cut; k++) mean += values[k]!;
  mean /= cut;
  let v = 0;
  for (let k = 0; k < cut; k++) v += (values[k]! - mean) ** 2;
  const scale = Math.sqrt(v / cut) || 1;
  return { z: normaliseWith(values, mean, scale), cut, mean, scale };
}

/** (v − mean) / scale of every value: with a model's stored preparation, never re-fitted. */
export function normaliseWith(values: Float64Array, mean: number, scale: number): Float64Array {
  return values.map((x) => (x - mean) / scale);
}

/** The changes v_t − v_{t−1}, t = 1 … n−1: [n − 1]. */
export function changesOf(values: Float64Array): Float64Array {
  return values.subarray(1).map((v, k) => v - values[k]!);
}
