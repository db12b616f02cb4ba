// Truncated BPTT, seen from one loss: the gradient of ℓ_t (the loss at step t) with respect to every
// state h_k when the sequence is cut into chunks of K steps, each chunk starting from the carried
// (detached) state with dh^next = 0. Runs the engine's own chunked backward pass; states outside
// t's chunk get exactly zero, so ∂ℓ_t/∂h_k = 0 whenever t − k ≥ K (docs/equations.md §4.5, §6 E7).

import { lossAndGradients, zeroGrads, type Batch } from './network.ts';
import type { StackState } from './bptt.ts';
import type { Model } from './model.ts';
import { norm2 } from './tensor.ts';

export interface TruncatedGradient {
  /** ‖∂ℓ_t/∂h_k‖ for k = 0…T (h_0: the initial state, h_k: the state after step k). */
  readonly norms: Float64Array;
  /**
   * The first state t's chunk reaches: its start + 1, or 0 for the first chunk (whose input h_0
   * gets its gradient). Every h_k with k < reach gets exactly 0; every h_k with reach ≤ k ≤ t gets
   * the same gradient as full BPTT.
   */
  readonly reach: number;
}

/**
 * Loss at step `t` (1-based, 1…T) of a character-head model reading dense input x [T·I], with
 * target class `target`; every other step is unscored. Chunks of K steps: steps jK+1 … (j+1)K.
 * K ≥ T gives full BPTT.
 */
export function truncatedGradient(
  m: Model,
  x: Float64Array,
  T: number,
  K: number,
  t: number,
  target = 0,
): TruncatedGradient {
  if (m.config.head !== 'softmax') throw new Error('truncatedGradient needs a character head.');
  if (!(Number.isInteger(K) && K >= 1)) throw new RangeError('The truncation length must be ≥ 1.');
  if (!(Number.isInteger(t) && t >= 1 && t <= T))
    throw new RangeError('The loss step is out of range.');
  const I = m.config.inputSize;
  const H = m.config.hiddenSize;
  const norms = new Float64Array(T + 1);
  const grads = zeroGrads(m);
  let carried: StackState | null = null;
  for (let start = 0; start < T; start += K) {
    const len = Math.min(K, T - start);
    const targets = new Int32Array(len).fill(-1);
    // math step t is engine step t − 1
    if (t - 1 >= start && t - 1 < start + len) targets[t - 1 - start] = target;
    const batch: Batch = {
      T: len,
      B: 1,
      input: { kind: 'dense', x: x.subarray(start * I, (start + len) * I) },
      targets,
    };
    const { back, final } = lossAndGradients(m, grads, batch, carried);
    // dL/dh after engine step start + τ is the gradient of the math state h_{start+τ+1}
    for (let tau = 0; tau < len; tau++) norms[start + tau + 1] = norm2(back.dLdh[0]![tau]!, 0, H);
    // The first chunk's initial state is h_0; later chunks' initial states are detached copies
    // of the previous chunk's last state, whose gradient is thrown away.
    if (start === 0) norms[0] = norm2(back.dInitial.h[0]!, 0, H);
    carried = final;
  }
  const chunkStart = Math.floor((t - 1) / K) * K;
  const reach = chunkStart === 0 ? 0 : chunkStart + 1;
  return { norms, reach };
}
