// Gradient clipping with PyTorch's semantics, returning diagnostics for the UI.
// Norm (clip_grad_norm_): ‖g‖ = √(Σ_k ‖g_k‖²), c = maxNorm/(‖g‖ + 1e-6), g ← c·g when c < 1 (direction kept).
// Value (clip_grad_value_, min-char-rnn's np.clip): g_i ← clamp(g_i, −v, v) (direction may change).

import { norm2 } from './tensor.ts';

export interface ClipReport {
  /** Global L2 norm of all gradients before clipping (non-finite when the gradients diverged). */
  readonly normBefore: number;
  /** Global L2 norm after clipping (equal to normBefore when nothing changed). */
  readonly normAfter: number;
  /** Whether any gradient was changed. */
  readonly clipped: boolean;
}

/** The global L2 norm over all tensors, √(Σ_k ‖g_k‖²), as PyTorch computes it (norm of the norms). */
export function globalNorm(grads: readonly Float64Array[]): number {
  let s = 0;
  for (const g of grads) {
    const n = norm2(g);
    s += n * n;
  }
  return Math.sqrt(s);
}

function checkThreshold(value: number, name: string): void {
  if (!(value > 0)) {
    throw new Error(`Invalid ${name}: ${value} (must be a number > 0).`);
  }
}

/**
 * torch.nn.utils.clip_grad_norm_: scales every gradient (arrays of any length, in place) by
 * maxNorm/(total + 1e-6) when that is below 1, so normAfter = total·maxNorm/(total + 1e-6), just under
 * maxNorm. A non-finite total norm leaves the gradients untouched and is reported as normBefore
 * (= normAfter) so the caller can treat it as divergence. (PyTorch would multiply by NaN or 0 instead.)
 */
export function clipGradNorm(grads: readonly Float64Array[], maxNorm: number): ClipReport {
  checkThreshold(maxNorm, 'maximum gradient norm');
  const total = globalNorm(grads);
  if (!Number.isFinite(total)) return { normBefore: total, normAfter: total, clipped: false };
  const coef = maxNorm / (total + 1e-6);
  if (!(coef < 1)) return { normBefore: total, normAfter: total, clipped: false };
  for (const g of grads) {
    for (let i = 0; i < g.length; i++) g[i] = g[i]! * coef;
  }
  return { normBefore: total, normAfter: total * coef, clipped: true };
}

/**
 * torch.nn.utils.clip_grad_value_: clamps every element (in place) to [−clipValue, clipValue]; NaN
 * elements stay NaN, as with torch.clamp. clipped = any element changed; both norms are measured.
 */
export function clipGradValue(grads: readonly Float64Array[], clipValue: number): ClipReport {
  checkThreshold(clipValue, 'gradient clip value');
  const normBefore = globalNorm(grads);
  let clipped = false;
  for (const g of grads) {
    for (let i = 0; i < g.length; i++) {
      const x = g[i]!;
      if (x > clipValue) {
        g[i] = clipValue;
        clipped = true;
      } else if (x < -clipValue) {
        g[i] = -clipValue;
        clipped = true;
      }
    }
  }
  return { normBefore, normAfter: clipped ? globalNorm(grads) : normBefore, clipped };
}
