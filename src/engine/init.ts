// Parameter initialisation. Default as PyTorch: every weight and bias of the recurrent layers
// ~ U(−1/√H, 1/√H); nn.Linear ~ U(−1/√fan_in, 1/√fan_in). Options: orthogonal, scaled-identity or
// Gaussian N(0, s²/H) recurrent blocks (Saxe et al. 2013; Le et al. 2015; the Gradient flow view's
// W_hh = s·Q and N(0, g²/H)), forget-gate bias (LSTM), update-gate bias (GRU).

import type { Rng } from './rng.ts';

export const RECURRENT_INITS = ['default', 'orthogonal', 'identity', 'normal'] as const;
export type RecurrentInit = (typeof RECURRENT_INITS)[number];

export interface InitOptions {
  /** How each H×H gate block of W_hh starts. */
  readonly recurrent?: RecurrentInit;
  /** Gain of orthogonal blocks, scale of identity blocks, s of N(0, s²/H) blocks (default 1). */
  readonly recurrentScale?: number;
  /** LSTM: b_ih of the f block is set to this and b_hh of the f block to 0 (only the sum matters). */
  readonly forgetBias?: number;
  /** GRU: the same for the z block. */
  readonly updateBias?: number;
}

export function fillUniform(a: Float64Array, bound: number, rng: Rng): void {
  for (let k = 0; k < a.length; k++) a[k] = rng.uniform(-bound, bound);
}

/**
 * A random orthogonal n×n matrix (row-major) by Gram–Schmidt on a Gaussian matrix, with the sign
 * convention of torch.nn.init.orthogonal_ (Q·sign(diag R)), times gain.
 */
export function randomOrthogonal(n: number, rng: Rng, gain = 1): Float64Array {
  const q = new Float64Array(n * n);
  for (let k = 0; k < n * n; k++) q[k] = rng.normal();
  // Modified Gram–Schmidt on columns: column j of q becomes orthonormal to columns < j.
  for (let j = 0; j < n; j++) {
    for (let k = 0; k < j; k++) {
      let dot = 0;
      for (let r = 0; r < n; r++) dot += q[r * n + k]! * q[r * n + j]!;
      for (let r = 0; r < n; r++) q[r * n + j]! -= dot * q[r * n + k]!;
    }
    let norm = 0;
    for (let r = 0; r < n; r++) norm += q[r * n + j]! * q[r * n + j]!;
    norm = Math.sqrt(norm);
    for (let r = 0; r < n; r++) q[r * n + j]! /= norm;
  }
  if (gain !== 1) for (let k = 0; k < n * n; k++) q[k]! *= gain;
  return q;
}

/** Writes an H×H block into rows [k·H, (k+1)·H) of a [G·H, H] matrix. */
export function setBlock(W: Float64Array, H: number, k: number, block: Float64Array): void {
  W.set(block, k * H * H);
}

/** An n×n matrix of N(0, scale²/n) entries, drawn row by row. */
export function gaussianBlock(n: number, rng: Rng, scale: number): Float64Array {
  const m = new Float64Array(n * n);
  const sd = scale / Math.sqrt(n);
  for (let k = 0; k < n * n; k++) m[k] = sd * rng.normal();
  return m;
}

export function scaledIdentity(n: number, scale: number): Float64Array {
  const m = new Float64Array(n * n);
  for (let i = 0; i < n; i++) m[i * n + i] = scale;
  return m;
}
