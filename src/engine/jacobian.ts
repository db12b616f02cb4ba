// Jacobians of the recurrence for the gradient views. The one-step Jacobian J_t = ∂s_t/∂s_{t−1}
// (s = h, or [h; c] for an LSTM) is read off the cell's own backward pass, one row per unit vector,
// so no cell's derivative is written twice. Products ∂s_T/∂s_k = J_T ⋯ J_{k+1} and their norms follow.

import type { StackForward } from './bptt.ts';
import type { LayerInput } from './cell.ts';
import type { Model } from './model.ts';

/** Row-major square matrix product C = A·B (n×n). */
export function matmulSquare(A: Float64Array, B: Float64Array, n: number): Float64Array {
  const C = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < n; k++) {
      const a = A[i * n + k]!;
      if (a === 0) continue;
      for (let j = 0; j < n; j++) C[i * n + j]! += a * B[k * n + j]!;
    }
  }
  return C;
}

/**
 * Largest singular value of an m×n row-major matrix by power iteration on MᵀM, from a fixed start
 * vector. A documented estimate: it converges geometrically at rate (σ₂/σ₁)², is exact when all
 * singular values are equal (orthogonal products), and never exceeds the true σ_max.
 */
export function spectralNorm(M: Float64Array, m: number, n: number, iterations = 200): number {
  let v: Float64Array = new Float64Array(n);
  for (let j = 0; j < n; j++) v[j] = 1 + 0.1 * Math.sin(1 + 7 * j); // fixed, generic start
  let sigma = 0;
  const u = new Float64Array(m);
  for (let it = 0; it < iterations; it++) {
    let vn = 0;
    for (let j = 0; j < n; j++) vn += v[j]! * v[j]!;
    vn = Math.sqrt(vn);
    if (vn === 0 || !Number.isFinite(vn)) return vn === 0 ? 0 : NaN;
    for (let j = 0; j < n; j++) v[j]! /= vn;
    // u = M v, σ ≈ ‖u‖
    let un = 0;
    for (let i = 0; i < m; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) s += M[i * n + j]! * v[j]!;
      u[i] = s;
      un += s * s;
    }
    const next = Math.sqrt(un);
    // v = Mᵀ u
    const w = new Float64Array(n);
    for (let i = 0; i < m; i++) {
      const ui = u[i]!;
      for (let j = 0; j < n; j++) w[j]! += M[i * n + j]! * ui;
    }
    v = w;
    if (Math.abs(next - sigma) <= 1e-13 * next) return next;
    sigma = next;
  }
  return sigma;
}

/** The square sub-block [r0, r0+n) × [c0, c0+n) of an S×S matrix. */
export function block(M: Float64Array, S: number, r0: number, c0: number, n: number): Float64Array {
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) out.set(M.subarray((r0 + i) * S + c0, (r0 + i) * S + c0 + n), i * n);
  return out;
}

/**
 * J_t = ∂s_t/∂s_{t−1} for stream b of layer l at step t (0-based; s_{−1} is the initial state),
 * as an S×S row-major matrix, S = H (or 2H for an LSTM, ordered [h; c]). Inputs from the layer
 * below are held fixed.
 */
export function stepJacobian(
  m: Model,
  fwd: StackForward,
  input: LayerInput,
  l: number,
  t: number,
  b: number,
): Float64Array {
  const { B, caches, initial } = fwd;
  const H = m.config.hiddenSize;
  const hasC = m.cell.hasCellState;
  const S = hasC ? 2 * H : H;
  const I = l === 0 ? m.config.inputSize : H;
  const hPrev = t === 0 ? initial.h[l]! : caches[l]![t - 1]!.h;
  const cPrev = initial.c ? (t === 0 ? initial.c[l]! : caches[l]![t - 1]!.c) : null;
  const J = new Float64Array(S * S);
  const dh = new Float64Array(B * H);
  const dc = hasC ? new Float64Array(B * H) : null;
  const out = {
    dhPrev: new Float64Array(B * H),
    dcPrev: hasC ? new Float64Array(B * H) : null,
    dc: hasC ? new Float64Array(B * H) : null,
    dx: null,
  };
  for (let row = 0; row < S; row++) {
    dh.fill(0);
    dc?.fill(0);
    // Row `row` of J is e_rowᵀ J: backprop a unit gradient on h_t[j] (or c_t[j]).
    if (row < H) dh[b * H + row] = 1;
    else dc![b * H + row - H] = 1;
    m.cell.backward(
      m.layers[l]!,
      null,
      { B, H, I },
      input,
      hPrev,
      cPrev,
      caches[l]![t]!,
      dh,
      dc,
      out,
      m.compute,
    );
    for (let j = 0; j < H; j++) {
      J[row * S + j] = out.dhPrev[b * H + j]!;
      if (hasC) J[row * S + H + j] = out.dcPrev![b * H + j]!;
    }
  }
  return J;
}

export interface JacobianNorms {
  /** ‖∂h_T/∂h_k‖₂ for k = 0…T (k = 0: the initial state; k = T: 1), per layer. */
  readonly h: number[][];
  /** ‖∂c_T/∂c_k‖₂ (LSTM), per layer, else null. */
  readonly c: number[][] | null;
  /** ‖∂s_T/∂s_k‖₂ of the whole state ([h; c] for an LSTM), per layer. */
  readonly state: number[][];
}

/** Norms of the Jacobian products from every state back to the initial one, for stream b. */
export function jacobianNorms(
  m: Model,
  fwd: StackForward,
  inputAt: (l: number, t: number) => LayerInput,
  b = 0,
): JacobianNorms {
  const L = m.config.numLayers;
  const H = m.config.hiddenSize;
  const hasC = m.cell.hasCellState;
  const S = hasC ? 2 * H : H;
  const T = fwd.T;
  const h: number[][] = [];
  const c: number[][] | null = hasC ? [] : null;
  const state: number[][] = [];
  for (let l = 0; l < L; l++) {
    const hl = new Array<number>(T + 1);
    const cl = new Array<number>(T + 1);
    const sl = new Array<number>(T + 1);
    // P = ∂s_T/∂s_k, built from k = T (identity) down to 0: P ← P·J_{k+1}.
    let P: Float64Array = new Float64Array(S * S);
    for (let i = 0; i < S; i++) P[i * S + i] = 1;
    for (let k = T; k >= 0; k--) {
      if (k < T) P = matmulSquare(P, stepJacobian(m, fwd, inputAt(l, k), l, k, b), S);
      sl[k] = spectralNorm(P, S, S);
      hl[k] = hasC ? spectralNorm(block(P, S, 0, 0, H), H, H) : sl[k]!;
      if (hasC) cl[k] = spectralNorm(block(P, S, H, H, H), H, H);
    }
    h.push(hl);
    state.push(sl);
    c?.push(cl);
  }
  return { h, c, state };
}
