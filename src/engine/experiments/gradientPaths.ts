// The measurements along the unrolled path: ∂s_T/∂s_k = J_T ⋯ J_{k+1} (J read off each cell's
// own backward pass) and its per-lag norms, the carousel gate products ∏ f and ∏ z, the Pascanu
// bound (γ·σ_max)^{T−k}, the spectrum of a matrix and the (t, k) map ‖u_tᵀ ∂h_t/∂h_k‖.

import type { StackForward } from '../bptt.ts';
import type { LayerInput, Nonlinearity } from '../cell.ts';
import { matmulSquare, stepJacobian } from '../jacobian.ts';
import type { Model } from '../model.ts';
import { createRng } from '../rng.ts';
import { eigenvalues, singularValues, spectralRadius } from '../spectrum.ts';

/** Upper bound of every activation derivative: γ = 1 (tanh, ReLU, linear), ¼ (sigmoid). */
export function gammaOf(f: Nonlinearity): number {
  return f === 'sigmoid' ? 0.25 : 1;
}

/** Most rows the (t, k) map computes (rows are sampled evenly, always including t = T). */
export const HEATMAP_MAX_ROWS = 64;

/**
 * Largest singular value of the r×c block at (r0, c0) of an S×S matrix, by power iteration on
 * BᵀB warm-started from `v` (updated in place). Exact after one step when all singular values are
 * equal (s·Q products, diagonal gate products with equal gates); otherwise run to a relative
 * change below 1e-12 or 400 iterations (then an estimate from below; the warm start from the
 * previous k usually points close to the top singular vector already).
 */
function blockNorm(
  P: Float64Array,
  S: number,
  r0: number,
  c0: number,
  n: number,
  v: Float64Array,
): number {
  // Scale the block by a power of two (exact) so its largest entry is about 1: squares of entries
  // near 1e-185 would underflow to 0 in the power iteration below.
  let big = 0;
  for (let i = 0; i < n; i++) {
    const row = (r0 + i) * S + c0;
    for (let j = 0; j < n; j++) big = Math.max(big, Math.abs(P[row + j]!));
  }
  if (big === 0) return 0;
  if (!Number.isFinite(big)) return big;
  const e = Math.floor(Math.log2(big));
  const B = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const row = (r0 + i) * S + c0;
    for (let j = 0; j < n; j++) B[i * n + j] = timesPow2(P[row + j]!, -e);
  }
  return timesPow2(unitBlockNorm(B, n, v), e);
}

/** x·2^e, exact unless the result leaves the range of a double (two steps: 2^e alone may). */
export function timesPow2(x: number, e: number): number {
  const half = Math.trunc(e / 2);
  return x * 2 ** half * 2 ** (e - half);
}

/** blockNorm's power iteration on an n×n block B [n·n] whose largest entry is about 1. */
function unitBlockNorm(B: Float64Array, n: number, v: Float64Array): number {
  const u = new Float64Array(n);
  let sigma = -1;
  // Blend a fixed generic vector into the warm start, so a top direction that has moved to
  // another coordinate since the previous k is still found (a pure warm start can miss it).
  let wn = 0;
  for (let j = 0; j < n; j++) wn += v[j]! * v[j]!;
  wn = Math.sqrt(wn);
  if (wn > 0 && Number.isFinite(wn)) {
    for (let j = 0; j < n; j++)
      v[j] = v[j]! / wn + (0.1 * (1 + 0.1 * Math.sin(1 + 7 * j))) / Math.sqrt(n);
  }
  for (let it = 0; it < 400; it++) {
    let vn = 0;
    for (let j = 0; j < n; j++) vn += v[j]! * v[j]!;
    vn = Math.sqrt(vn);
    if (!(vn > 0) || !Number.isFinite(vn)) {
      // restart from a generic vector (a zero product has norm 0)
      for (let j = 0; j < n; j++) v[j] = 1 + 0.1 * Math.sin(1 + 7 * j);
      if (it > 0) return vn === 0 ? 0 : NaN;
      continue;
    }
    for (let j = 0; j < n; j++) v[j]! /= vn;
    let un = 0;
    for (let i = 0; i < n; i++) {
      let s = 0;
      const row = i * n;
      for (let j = 0; j < n; j++) s += B[row + j]! * v[j]!;
      u[i] = s;
      un += s * s;
    }
    const next = Math.sqrt(un);
    if (next === 0) return 0;
    if (!Number.isFinite(next)) return next;
    // v ← Bᵀu
    v.fill(0);
    for (let i = 0; i < n; i++) {
      const ui = u[i]!;
      const row = i * n;
      for (let j = 0; j < n; j++) v[j]! += B[row + j]! * ui;
    }
    if (Math.abs(next - sigma) <= 1e-12 * next) return next;
    sigma = next;
  }
  return sigma;
}

export interface FlowNorms {
  /** ‖∂h_T/∂h_k‖₂, k = 0…T. */
  readonly h: Float64Array;
  /** ‖∂c_T/∂c_k‖₂ (LSTM), else null. */
  readonly c: Float64Array | null;
  /** One-step Jacobians: J[k − 1] = ∂s_k/∂s_{k−1}, S×S, k = 1…T. */
  readonly J: Float64Array[];
  readonly S: number;
}

/** The products ∂s_T/∂s_k from k = T (identity) down to 0, P ← P·J_{k+1}, and their norms. */
export function flowNorms(m: Model, fwd: StackForward, x: Float64Array): FlowNorms {
  const T = fwd.T;
  const H = m.config.hiddenSize;
  const I = m.config.inputSize;
  const hasC = m.cell.hasCellState;
  const S = hasC ? 2 * H : H;
  const J: Float64Array[] = [];
  for (let t = 0; t < T; t++) {
    const input: LayerInput = { kind: 'dense', x, off: t * I };
    J.push(stepJacobian(m, fwd, input, 0, t, 0));
  }
  const h = new Float64Array(T + 1);
  const c = hasC ? new Float64Array(T + 1) : null;
  const vh = new Float64Array(H).map((_, j) => 1 + 0.1 * Math.sin(1 + 7 * j));
  const vc = Float64Array.from(vh);
  // The product is carried as P·2^e (its exponent in log space), P rescaled by a power of two
  // (exact) after each step, so it neither underflows nor overflows on the way: only a final norm
  // beyond the range of a double does.
  let P: Float64Array = new Float64Array(S * S);
  let e = 0;
  for (let i = 0; i < S; i++) P[i * S + i] = 1;
  for (let k = T; k >= 0; k--) {
    if (k < T) {
      P = matmulSquare(P, J[k]!, S); // ∂s_T/∂s_k = ∂s_T/∂s_{k+1} · J_{k+1}
      let big = 0;
      for (let i = 0; i < P.length; i++) big = Math.max(big, Math.abs(P[i]!));
      if (big > 0 && Number.isFinite(big)) {
        const shift = Math.floor(Math.log2(big));
        for (let i = 0; i < P.length; i++) P[i] = timesPow2(P[i]!, -shift);
        e += shift;
      }
    }
    h[k] = timesPow2(blockNorm(P, S, 0, 0, H, vh), e);
    if (c) c[k] = timesPow2(blockNorm(P, S, H, H, H, vc), e);
  }
  return { h, c, J, S };
}

/** max_j ∏_{i=k+1}^{T} gate_{i,j} for k = 0…T: the norm of the diagonal carousel product. */
export function gateProduct(m: Model, fwd: StackForward, gate: 'f' | 'z'): Float64Array {
  const H = m.config.hiddenSize;
  const T = fwd.T;
  const out = new Float64Array(T + 1);
  const prod = new Float64Array(H).fill(1);
  out[T] = 1;
  for (let k = T - 1; k >= 0; k--) {
    const g = m.cell.named(fwd.caches[0]![k]!, H, 0)[gate]!; // gate of math step k + 1
    let mx = 0;
    for (let j = 0; j < H; j++) mx = Math.max(mx, (prod[j]! *= g[j]!));
    out[k] = mx;
  }
  return out;
}

/**
 * ‖u_tᵀ ∂h_t/∂h_k‖ for a random unit probe u_t per sampled row t: the gradient that a loss
 * ℓ_t = u_t·h_t sends back to h_k, an estimate of ‖∂h_t/∂h_k‖₂ from below (exact when all singular
 * values of the product are equal). Vector–Jacobian products with the stored J: O(rows·T·S²).
 * `reach(t)`: first state the backward pass from t may reach (truncated BPTT); before it, exact 0.
 */
export function jacobianMap(
  J: readonly Float64Array[],
  S: number,
  H: number,
  T: number,
  seed: number,
  reach: (t: number) => number = () => 0,
): { rows: Int32Array; values: Float64Array } {
  const stride = Math.max(1, Math.ceil(T / HEATMAP_MAX_ROWS));
  const rowList: number[] = [];
  for (let t = T; t >= 1; t -= stride) rowList.push(t);
  rowList.reverse();
  const rows = Int32Array.from(rowList);
  const values = new Float64Array(rows.length * (T + 1)).fill(NaN);
  const rng = createRng(seed * 31 + 5);
  let v = new Float64Array(S);
  let w = new Float64Array(S);
  rows.forEach((t, r) => {
    v.fill(0);
    let n = 0;
    for (let j = 0; j < H; j++) n += (v[j] = rng.normal()) ** 2;
    n = Math.sqrt(n);
    for (let j = 0; j < H; j++) v[j]! /= n;
    const base = r * (T + 1);
    const stop = reach(t);
    for (let k = t; k >= 0; k--) {
      if (k < stop) {
        values[base + k] = 0; // truncated: the backward pass never reaches h_k
        continue;
      }
      let hn = 0;
      for (let j = 0; j < H; j++) hn += v[j]! * v[j]!;
      values[base + k] = Math.sqrt(hn);
      if (k === 0) break;
      // vᵀ ← vᵀ J_k
      const Jk = J[k - 1]!;
      w.fill(0);
      for (let i = 0; i < S; i++) {
        const vi = v[i]!;
        if (vi === 0) continue;
        const off = i * S;
        for (let j = 0; j < S; j++) w[j]! += vi * Jk[off + j]!;
      }
      [v, w] = [w, v];
    }
  });
  return { rows, values };
}

/** Eigenvalues, spectral radius and extreme singular values of an n×n matrix M [n·n]. */
export function spectrumOf(M: Float64Array, n: number) {
  const eigen = eigenvalues(M, n);
  const sv = singularValues(M, n, n);
  return { eigen, radius: spectralRadius(eigen), max: sv[0] ?? 0, min: sv[n - 1] ?? 0 };
}

/** base^{T−k} for k = 0…T [T + 1]. */
export const powers = (base: number, T: number): Float64Array =>
  Float64Array.from({ length: T + 1 }, (_, k) => base ** (T - k));
