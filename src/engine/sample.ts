// Turning logits into a next character: p = softmax(y/τ) computed stably as exp((y_i − max y)/τ)/Σ,
// optionally restricted to the k largest logits and renormalised (nanoGPT's top-k), then one draw by
// inverse CDF; greedy decoding takes argmax y (the lowest index on ties).

import type { Rng } from './rng.ts';

export type SampleOptions = { temperature?: number; topK?: number; greedy?: boolean };

function checkTemperature(temperature: number): void {
  if (!(Number.isFinite(temperature) && temperature > 0)) {
    throw new Error(`Invalid temperature: ${temperature} (must be a finite number > 0).`);
  }
}

/**
 * out[outOff + i] = softmax(logits[off, off + n) / temperature)_i for i in [0, n), subtracting the
 * maximum first so no exp overflows.
 */
export function softmaxInto(
  logits: Float64Array,
  off: number,
  n: number,
  out: Float64Array,
  temperature = 1,
  outOff = 0,
): void {
  checkTemperature(temperature);
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const y = logits[off + i]!;
    if (y > max) max = y;
  }
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const e = Math.exp((logits[off + i]! - max) / temperature);
    out[outOff + i] = e;
    sum += e;
  }
  const inv = 1 / sum;
  for (let i = 0; i < n; i++) out[outOff + i] = out[outOff + i]! * inv;
}

/** Index of the largest of logits[off, off + n), the lowest on ties. */
export function argmax(logits: Float64Array, off: number, n: number): number {
  let best = 0;
  let max = logits[off]!;
  for (let i = 1; i < n; i++) {
    const y = logits[off + i]!;
    if (y > max) {
      max = y;
      best = i;
    }
  }
  return best;
}

/**
 * Draws an index in [0, n) from logits[off, off + n). Greedy: argmax, no randomness used. Otherwise
 * softmax(logits/τ), restricted to the logits ≥ the k-th largest when topK is set (ties at the k-th
 * value are all kept, as in nanoGPT), and exactly one `rng.next()` consumed. `scratch` (length ≥ n)
 * avoids an allocation per call. Throws on NaN or +∞ logits (a diverged model) and bad options.
 */
export function sampleIndex(
  logits: Float64Array,
  off: number,
  n: number,
  opts: SampleOptions,
  rng: Rng,
  scratch?: Float64Array,
): number {
  const temperature = opts.temperature ?? 1;
  const topK = opts.topK;
  checkTemperature(temperature);
  if (topK !== undefined && !(Number.isInteger(topK) && topK >= 1)) {
    throw new Error(`Invalid top-k: ${topK} (must be an integer ≥ 1).`);
  }
  if (!(n >= 1)) throw new Error(`Cannot sample from ${n} logits.`);
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const y = logits[off + i]!;
    if (Number.isNaN(y) || y === Infinity) {
      throw new Error(`Cannot sample: logit ${i} is ${y} (the model has diverged).`);
    }
    if (y > max) max = y;
  }
  if (max === -Infinity) throw new Error('Cannot sample: every logit is -Infinity.');
  if (opts.greedy === true) return argmax(logits, off, n);

  const w = scratch !== undefined && scratch.length >= n ? scratch : new Float64Array(n);
  // The k-th largest logit: sort a copy (n is a vocabulary size, a few thousand at most).
  let threshold = -Infinity;
  if (topK !== undefined && topK < n) {
    for (let i = 0; i < n; i++) w[i] = logits[off + i]!;
    const sorted = w.subarray(0, n).sort();
    threshold = sorted[n - topK]!;
  }
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const y = logits[off + i]!;
    const e = y >= threshold ? Math.exp((y - max) / temperature) : 0;
    w[i] = e;
    sum += e;
  }
  // Inverse CDF: the first index whose cumulative weight exceeds u·Σ.
  const u = rng.next() * sum;
  let cum = 0;
  let last = 0;
  for (let i = 0; i < n; i++) {
    const e = w[i]!;
    if (e === 0) continue;
    cum += e;
    last = i;
    if (u < cum) return i;
  }
  return last; // u·Σ rounded up to the total: the last index with nonzero weight.
}
