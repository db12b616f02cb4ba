// What a gradient-flow experiment returns (types only): the curves k ↦ ‖∂h_T/∂h_k‖ with the exact
// values theory gives, the Pascanu bound (γ·σ_max(W_hh))^{T−k}, the spectrum, the (t, k) map, and
// the clipping (ĝ = g·min(1, θ/‖g‖)) and truncation summaries.

import type { Eigenvalues } from '../spectrum.ts';
import type { ClipMode, GradientParams } from './params.ts';

export type SeriesStyle = 'main' | 'cell' | 'gate' | 'loss' | 'reference' | 'truncated';

/** One curve over the unrolled sequence: values[k] for k = 0…T (h_0 is the initial state). */
export interface FlowSeries {
  readonly id: string;
  readonly label: string;
  readonly values: Float64Array;
  readonly style: SeriesStyle;
  /** The exact value theory gives, when this setup has one (else null). */
  readonly expected: Float64Array | null;
}

/** A figure the experiment must reproduce exactly, with what was measured. */
export interface IdentityCheck {
  /** The formula; for an identity written partly in words, `words` says which (the page translates it). */
  readonly label: string;
  readonly words?: 'zeroStates' | 'cosine' | 'powerNorm';
  readonly expected: number;
  readonly measured: number;
}

export interface ClipResult {
  readonly mode: ClipMode;
  readonly threshold: number;
  readonly normBefore: number;
  readonly normAfter: number;
  /** cos(ĝ, g) over all parameters. */
  readonly cosine: number;
  readonly clipped: boolean;
  /** Fraction of the gradient's elements that clipping changed. */
  readonly changedFraction: number;
  /** Elements of dL/dW_hh before and after (at most 1024 of them), for the scatter. */
  readonly before: Float64Array;
  readonly after: Float64Array;
  /** Per-tensor norms before and after, in state_dict order. */
  readonly tensors: { name: string; before: number; after: number }[];
}

export interface TruncationResult {
  readonly K: number;
  readonly delay: number;
  /** The state index the dependency sits at (T − d), or −1 if it is before the sequence. */
  readonly dependency: number;
  /** First state the truncated gradient reaches. */
  readonly reach: number;
  readonly full: number;
  readonly truncated: number;
}

export interface GradientResult {
  readonly params: GradientParams;
  readonly T: number;
  readonly H: number;
  /** Curves for the main chart. */
  readonly series: FlowSeries[];
  /** (γ·σ_max(W_hh))^{T−k}, RNN only. */
  readonly bound: Float64Array | null;
  readonly gamma: number | null;
  /** The matrix whose spectrum is shown: W_hh (RNN) or the last one-step Jacobian (gated). */
  readonly matrixLabel: 'W_hh' | 'J_T';
  readonly matrixSize: number;
  readonly eigen: Eigenvalues;
  readonly spectralRadius: number;
  readonly sigmaMax: number;
  readonly sigmaMin: number;
  /** σ_max(W_hh) used in the bound (RNN; gated: of the whole [G·H, H] W_hh). */
  readonly sigmaMaxWhh: number;
  /** ‖u_tᵀ ∂h_t/∂h_k‖ for sampled rows t (1…T) and every k = 0…T (NaN above the diagonal). */
  readonly heatmap: { readonly rows: Int32Array; readonly values: Float64Array };
  readonly clip: ClipResult | null;
  readonly truncation: TruncationResult | null;
  readonly identities: IdentityCheck[];
}
