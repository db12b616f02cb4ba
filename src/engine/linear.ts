// The affine maps every cell shares: A = W_ih·x + b_ih and A = W_hh·h + b_hh for B streams, and
// their backward products (dW += dA·xᵀ, db += dA, dx = Wᵀ·dA). These are the engine's hot loops.
// Shapes: W [R, C] row-major, A and dA [B, R], x [B, C] (or one-hot ids), all Float64Array.

import type { LayerInput } from './cell.ts';

/** A[b, :] = W·x_b + bias, with x given by a LayerInput of width C. */
export function projectInput(
  W: Float64Array,
  bias: Float64Array,
  R: number,
  C: number,
  x: LayerInput,
  B: number,
  A: Float64Array,
): void {
  for (let b = 0; b < B; b++) {
    const a0 = b * R;
    if (x.kind === 'onehot') {
      // One-hot input: W·e_k is column k of W.
      const k = x.ids[x.off + b]!;
      if (k < 0) {
        for (let r = 0; r < R; r++) A[a0 + r] = bias[r]!;
      } else {
        for (let r = 0; r < R; r++) A[a0 + r] = bias[r]! + W[r * C + k]!;
      }
    } else {
      const x0 = x.off + b * C;
      const xs = x.x;
      for (let r = 0; r < R; r++) {
        let s = bias[r]!;
        const w0 = r * C;
        for (let c = 0; c < C; c++) s += W[w0 + c]! * xs[x0 + c]!;
        A[a0 + r] = s;
      }
    }
  }
}

/** A[b, :] = W·h_b + bias for h [B, C] (overwrites A). */
export function projectDense(
  W: Float64Array,
  bias: Float64Array,
  R: number,
  C: number,
  h: Float64Array,
  B: number,
  A: Float64Array,
): void {
  for (let b = 0; b < B; b++) {
    const a0 = b * R;
    const h0 = b * C;
    for (let r = 0; r < R; r++) {
      let s = bias[r]!;
      const w0 = r * C;
      for (let c = 0; c < C; c++) s += W[w0 + c]! * h[h0 + c]!;
      A[a0 + r] = s;
    }
  }
}

/** dW += Σ_b dA_b·x_bᵀ and db += Σ_b dA_b, for x given by a LayerInput of width C. */
export function accumulateInputGrads(
  dW: Float64Array,
  db: Float64Array,
  R: number,
  C: number,
  x: LayerInput,
  B: number,
  dA: Float64Array,
): void {
  for (let b = 0; b < B; b++) {
    const a0 = b * R;
    for (let r = 0; r < R; r++) db[r]! += dA[a0 + r]!;
    if (x.kind === 'onehot') {
      const k = x.ids[x.off + b]!;
      if (k < 0) continue;
      for (let r = 0; r < R; r++) dW[r * C + k]! += dA[a0 + r]!;
    } else {
      const x0 = x.off + b * C;
      const xs = x.x;
      for (let r = 0; r < R; r++) {
        const d = dA[a0 + r]!;
        if (d === 0) continue;
        const w0 = r * C;
        for (let c = 0; c < C; c++) dW[w0 + c]! += d * xs[x0 + c]!;
      }
    }
  }
}

/** dW += Σ_b dA_b·h_bᵀ and db += Σ_b dA_b for dense h [B, C]. */
export function accumulateDenseGrads(
  dW: Float64Array,
  db: Float64Array,
  R: number,
  C: number,
  h: Float64Array,
  B: number,
  dA: Float64Array,
): void {
  for (let b = 0; b < B; b++) {
    const a0 = b * R;
    const h0 = b * C;
    for (let r = 0; r < R; r++) {
      const d = dA[a0 + r]!;
      db[r]! += d;
      if (d === 0) continue;
      const w0 = r * C;
      for (let c = 0; c < C; c++) dW[w0 + c]! += d * h[h0 + c]!;
    }
  }
}

/** out[b, :] (+)= Wᵀ·dA_b for W [R, C], dA [B, R], out [B, C]; accumulate=false overwrites. */
export function backpropDense(
  W: Float64Array,
  R: number,
  C: number,
  dA: Float64Array,
  B: number,
  out: Float64Array,
  accumulate: boolean,
): void {
  if (!accumulate) out.fill(0, 0, B * C);
  for (let b = 0; b < B; b++) {
    const a0 = b * R;
    const o0 = b * C;
    for (let r = 0; r < R; r++) {
      const d = dA[a0 + r]!;
      if (d === 0) continue;
      const w0 = r * C;
      for (let c = 0; c < C; c++) out[o0 + c]! += W[w0 + c]! * d;
    }
  }
}
