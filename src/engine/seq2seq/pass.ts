// What the encoder–decoder's forward pass keeps (network.ts): the batch, the encoder's run, and
// every decoder step's intermediates, named as in the equations, for the views and the backward pass.

import type { StackForward } from '../bptt.ts';
import type { StepCacheBase } from '../cell.ts';

/** B examples with one source length S; targets padded to T with −1 (index t·B + b). */
export interface Seq2SeqBatch {
  readonly B: number;
  readonly S: number;
  /** Source ids [S·B], index s·B + b. */
  readonly src: Int32Array;
  readonly T: number;
  /** Target ids [T·B], index t·B + b, ending with the end mark 0; −1 pads. */
  readonly tgt: Int32Array;
}

/** What the encoder gives every decoder step. */
export interface EncoderRun {
  readonly enc: StackForward;
  /** h_s, [B, E] for each source position s. */
  readonly hs: readonly Float64Array[];
  /** Additive: U_a h_s [B, A]; general: W_a h_s [B, H]; dot: h_s; none: empty. */
  readonly keys: readonly Float64Array[];
  /** The decoder's initial state s_0 (and c_0), [B, H]. */
  readonly s0: Float64Array;
  readonly c0: Float64Array | null;
  /** Bidirectional: [h→_S; h←_1], what the bridge reads, [B, 2H]. */
  readonly last: Float64Array | null;
}

/** One decoder step, every intermediate named as in the equations. */
export interface DecoderStep {
  /** The decoder's input [y_{t−1}; c_t] or [y_{t−1}; h̃_{t−1}] or y_{t−1}, [B, I]. */
  readonly x: Float64Array;
  readonly cache: StepCacheBase;
  /** Additive: tanh(W_a s_{t−1} + U_a h_s) per s, [B, A]. */
  readonly th: readonly Float64Array[] | null;
  /** e_{t,s}: scores [B, S]; α_{t,s}: their softmax over s, [B, S]. */
  readonly e: Float64Array | null;
  readonly alpha: Float64Array | null;
  /** c_t = Σ_s α_{t,s} h_s, [B, E]. */
  readonly ctx: Float64Array | null;
  /** Luong: h̃_t = tanh(W_c [c_t; s_t]), [B, H]. */
  readonly ht: Float64Array | null;
  /** p_t = softmax(W_o · + b_o), [B, V]. */
  readonly p: Float64Array;
}

export interface Seq2SeqPass {
  readonly batch: Seq2SeqBatch;
  readonly run: EncoderRun;
  readonly steps: readonly DecoderStep[];
  /** Mean −ln p_t[y_t] over the target characters. */
  readonly loss: number;
  readonly count: number;
}
