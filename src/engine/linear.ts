// The affine maps every cell shares: A = W_ih·x + b_ih and A = W_hh·h + b_hh for B streams, and
// their backward products (dW += dA·xᵀ, db += dA, dx = Wᵀ·dA). These are the engine's hot loops.
// Shapes: W [R, C] row-major, A and dA [B, R], x [B, C] (or one-hot ids), all Float64Array.
// All products go through one register-tiled loop (gemm.ts), or through the WebAssembly kernel
// (kernels.ts) inside a kernel pass when the Compute given has one. Every output element is one
// accumulator that adds its products in a fixed order, so both paths give identical results.
// A Compute is what a model computes with (model.ts): the kernel, if any, and the weight gradients
// being deferred; nothing here keeps state of its own.

import type { LayerInput } from './cell.ts';
import { fillRows, gemm } from './gemm.ts';
import type { Compute, Kernel, KernelRecorder } from './kernels.ts';

export { computePass, createCompute, type Compute } from './kernels.ts';

/** The kernel when it is in a pass, else null. */
function active(c: Compute): Kernel | null {
  return c.kernel !== null && c.kernel.active ? c.kernel : null;
}

/** A[b, :] = W·x_b + bias for dense rows x_b = X[xOff + b·C, +C). */
function project(
  c: Compute,
  W: Float64Array,
  bias: Float64Array,
  R: number,
  C: number,
  X: Float64Array,
  xOff: number,
  B: number,
  A: Float64Array,
): void {
  if (active(c)?.project(W, bias, R, C, X, xOff, B, A)) return;
  // A [B, R] = bias + X [B, C] · Wᵀ [C, R]
  fillRows(A, 0, R, B, R, bias);
  gemm({ A: X, a0: xOff, am: C, ak: 1, B: W, b0: 0, bk: 1, bn: C, C: A, c0: 0, cm: R }, B, R, C);
}

/** A[b, :] = W·x_b + bias, with x given by a LayerInput of width C. */
export function projectInput(
  c: Compute,
  W: Float64Array,
  bias: Float64Array,
  R: number,
  C: number,
  x: LayerInput,
  B: number,
  A: Float64Array,
): void {
  if (x.kind === 'dense') {
    project(c, W, bias, R, C, x.x, x.off, B, A);
    return;
  }
  for (let b = 0; b < B; b++) {
    const a0 = b * R;
    // One-hot input: W·e_k is column k of W.
    const k = x.ids[x.off + b]!;
    if (k < 0) {
      for (let r = 0; r < R; r++) A[a0 + r] = bias[r]!;
    } else {
      for (let r = 0; r < R; r++) A[a0 + r] = bias[r]! + W[r * C + k]!;
    }
  }
}

/** A[b, :] = W·h_b + bias for h [B, C] (overwrites A). */
export function projectDense(
  c: Compute,
  W: Float64Array,
  bias: Float64Array,
  R: number,
  C: number,
  h: Float64Array,
  B: number,
  A: Float64Array,
): void {
  project(c, W, bias, R, C, h, 0, B, A);
}

/** db += Σ_b dA_b. */
function accumulateBias(db: Float64Array, R: number, B: number, dA: Float64Array): void {
  for (let b = 0; b < B; b++) {
    const a0 = b * R;
    for (let r = 0; r < R; r++) db[r]! += dA[a0 + r]!;
  }
}

/** dW += Σ_b dA_b·x_bᵀ for dense rows x_b = X[xOff + b·C, +C), recorded instead while deferred. */
function accumulateOuter(
  c: Compute,
  dW: Float64Array,
  R: number,
  C: number,
  X: Float64Array,
  xOff: number,
  B: number,
  dA: Float64Array,
): void {
  const recorder = c.deferred.get(dW);
  if (recorder) return recorder.record(X, xOff, dA, B);
  if (active(c)?.outer(dW, R, C, X, xOff, B, dA)) return;
  addOuterProducts(dW, R, C, dA, X, xOff, B);
}

/** dW [R, C] += dAᵀ [R, N] · X [N, C], with dA [N, R] and X's rows from xOff. */
function addOuterProducts(
  dW: Float64Array,
  R: number,
  C: number,
  dA: Float64Array,
  X: Float64Array,
  xOff: number,
  N: number,
): void {
  gemm({ A: dA, a0: 0, am: 1, ak: R, B: X, b0: xOff, bk: C, bn: 1, C: dW, c0: 0, cm: C }, R, C, N);
}

/** dW += Σ_b dA_b·x_bᵀ and db += Σ_b dA_b, for x given by a LayerInput of width C. */
export function accumulateInputGrads(
  c: Compute,
  dW: Float64Array,
  db: Float64Array,
  R: number,
  C: number,
  x: LayerInput,
  B: number,
  dA: Float64Array,
): void {
  accumulateBias(db, R, B, dA);
  if (x.kind === 'dense') {
    accumulateOuter(c, dW, R, C, x.x, x.off, B, dA);
    return;
  }
  for (let b = 0; b < B; b++) {
    const a0 = b * R;
    // One-hot input: only column k of dW receives dA_b.
    const k = x.ids[x.off + b]!;
    if (k < 0) continue;
    for (let r = 0; r < R; r++) dW[r * C + k]! += dA[a0 + r]!;
  }
}

/** dW += Σ_b dA_b·h_bᵀ and db += Σ_b dA_b for dense h [B, C]. */
export function accumulateDenseGrads(
  c: Compute,
  dW: Float64Array,
  db: Float64Array,
  R: number,
  C: number,
  h: Float64Array,
  B: number,
  dA: Float64Array,
): void {
  accumulateBias(db, R, B, dA);
  accumulateOuter(c, dW, R, C, h, 0, B, dA);
}

/** out[b, :] (+)= Wᵀ·dA_b for W [R, C], dA [B, R], out [B, C]; accumulate=false overwrites. */
export function backpropDense(
  c: Compute,
  W: Float64Array,
  R: number,
  C: number,
  dA: Float64Array,
  B: number,
  out: Float64Array,
  accumulate: boolean,
): void {
  if (active(c)?.backprop(W, R, C, dA, B, out, accumulate)) return;
  // out [B, C] (+)= dA [B, R] · W [R, C]
  if (!accumulate) fillRows(out, 0, C, B, C, null);
  gemm({ A: dA, a0: 0, am: R, ak: 1, B: W, b0: 0, bk: C, bn: 1, C: out, c0: 0, cm: C }, B, C, R);
}

/**
 * A reusable scratch array for values that do not outlive one call (never part of a cache):
 * work(n) returns an array of at least n elements, reallocated only when n grows.
 */
export function workspace(): (n: number) => Float64Array {
  let buf = new Float64Array(0);
  return (n) => (buf.length >= n ? buf : (buf = new Float64Array(n)));
}

// Deferred weight gradients. Over a chunk, dW_hh receives one outer product per step: T passes over
// dW with B rows each. Recording the rows and summing them at the end as one [R, T·B]·[T·B, C]
// product reads and writes dW once, and adds the same terms in the same order.

/** The plain-JS twin of kernelRecorder: the same rows, gathered in reusable JS buffers. */
function jsRecorder(
  c: Compute,
  dW: Float64Array,
  R: number,
  C: number,
  rows: number,
): KernelRecorder {
  let buf = c.buffers.get(dW);
  if (!buf || buf.dA.length < rows * R || buf.x.length < rows * C) {
    buf = { dA: new Float64Array(rows * R), x: new Float64Array(rows * C) };
    c.buffers.set(dW, buf);
  }
  const { dA: dAs, x: xs } = buf;
  let n = 0;
  return {
    record(X, xOff, dA, B) {
      if (n + B > rows) throw new Error('deferWeightGrads: more rows than reserved');
      dAs.set(dA.subarray(0, B * R), n * R);
      xs.set(X.subarray(xOff, xOff + B * C), n * C);
      n += B;
    },
    flush(dW) {
      if (n > 0) addOuterProducts(dW, R, C, dAs, xs, 0, n);
      n = 0;
    },
  };
}

export interface DeferredGrads {
  /** Adds the recorded products into their dW and ends the deferral. */
  flush(): void;
}

/**
 * Until flush(), the outer products that accumulateInputGrads / accumulateDenseGrads would add into
 * each target dW [R, C] are recorded instead (at most `rows` rows per target; bias gradients are
 * still added at once). flush() adds them as one product per target, in the order recorded.
 */
export function deferWeightGrads(
  c: Compute,
  targets: readonly { readonly dW: Float64Array; readonly R: number; readonly C: number }[],
  rows: number,
): DeferredGrads {
  for (const { dW, R, C } of targets) {
    if (c.deferred.has(dW)) throw new Error('deferWeightGrads: this gradient is already deferred');
    const inWasm = active(c)?.recorder(R, C, rows) ?? null;
    c.deferred.set(dW, inWasm ?? jsRecorder(c, dW, R, C, rows));
  }
  return {
    flush() {
      for (const { dW } of targets) {
        const recorder = c.deferred.get(dW);
        c.deferred.delete(dW);
        recorder?.flush(dW);
      }
    },
  };
}
