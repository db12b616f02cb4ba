// The affine maps every cell shares: A = W_ih·x + b_ih and A = W_hh·h + b_hh for B streams, and
// their backward products (dW += dA·xᵀ, db += dA, dx = Wᵀ·dA). These are the engine's hot loops.
// Shapes: W [R, C] row-major, A and dA [B, R], x [B, C] (or one-hot ids), all Float64Array.
// All products go through one register-tiled loop (gemm below), or through the WebAssembly kernel
// (kernels.ts) inside a kernel pass once it is installed. Every output element is one accumulator
// that adds its products in a fixed order, so both paths give identical results.

import type { LayerInput } from './cell.ts';
import {
  kernelBackprop,
  kernelOuter,
  kernelProject,
  kernelRecorder,
  kernelsActive,
} from './kernels.ts';

/** K is cut into chunks of KC steps so that the rows being read stay in cache. */
const KC = 256;

/**
 * The operands of one product C += A·B, each read through strides:
 * A(m, k) = A[a0 + m·am + k·ak], B(k, n) = B[b0 + k·bk + n·bn], C[m, n] = C[c0 + m·cm + n].
 */
interface Product {
  readonly A: Float64Array;
  readonly a0: number;
  readonly am: number;
  readonly ak: number;
  readonly B: Float64Array;
  readonly b0: number;
  readonly bk: number;
  readonly bn: number;
  readonly C: Float64Array;
  readonly c0: number;
  readonly cm: number;
}

/**
 * C[m, n] += Σ_k A(m, k)·B(k, n) for m < M, n < N, k < K. Tiles of 4 × 4 outputs are held in
 * registers while k runs, so each value loaded feeds four products; every output still adds its
 * products one by one in k order, starting from its value in C.
 */
function gemm(p: Product, M: number, N: number, K: number): void {
  for (let k0 = 0; k0 < K; k0 += KC) {
    const kc = Math.min(KC, K - k0);
    const a = p.a0 + k0 * p.ak;
    const b = p.b0 + k0 * p.bk;
    let m = 0;
    for (; m + 4 <= M; m += 4) {
      const am = a + m * p.am;
      const cm = p.c0 + m * p.cm;
      let n = 0;
      for (; n + 4 <= N; n += 4) tile4x4(p, kc, am, b + n * p.bn, cm + n);
      for (; n < N; n++) {
        for (let r = 0; r < 4; r++) dot1(p, kc, am + r * p.am, b + n * p.bn, cm + r * p.cm + n);
      }
    }
    for (; m < M; m++) {
      const am = a + m * p.am;
      const cm = p.c0 + m * p.cm;
      let n = 0;
      for (; n + 4 <= N; n += 4) tile1x4(p, kc, am, b + n * p.bn, cm + n);
      for (; n < N; n++) dot1(p, kc, am, b + n * p.bn, cm + n);
    }
  }
}

/** C [M, N] (row stride cm, from c0) = each row a copy of `row`, or zeros when row is null. */
function fillRows(
  C: Float64Array,
  c0: number,
  cm: number,
  M: number,
  N: number,
  row: Float64Array | null,
) {
  for (let m = 0; m < M; m++) {
    const c = c0 + m * cm;
    if (row) for (let n = 0; n < N; n++) C[c + n] = row[n]!;
    else C.fill(0, c, c + N);
  }
}

/** 4 rows × 4 columns of C at c, with A from a and B from b. */
function tile4x4(p: Product, K: number, a: number, b: number, c: number): void {
  const { A, am, ak, B, bk, bn, C, cm } = p;
  const c1 = c + cm;
  const c2 = c1 + cm;
  const c3 = c2 + cm;
  let s00 = C[c]!;
  let s01 = C[c + 1]!;
  let s02 = C[c + 2]!;
  let s03 = C[c + 3]!;
  let s10 = C[c1]!;
  let s11 = C[c1 + 1]!;
  let s12 = C[c1 + 2]!;
  let s13 = C[c1 + 3]!;
  let s20 = C[c2]!;
  let s21 = C[c2 + 1]!;
  let s22 = C[c2 + 2]!;
  let s23 = C[c2 + 3]!;
  let s30 = C[c3]!;
  let s31 = C[c3 + 1]!;
  let s32 = C[c3 + 2]!;
  let s33 = C[c3 + 3]!;
  const am2 = 2 * am;
  const am3 = 3 * am;
  const bn2 = 2 * bn;
  const bn3 = 3 * bn;
  for (let k = 0; k < K; k++) {
    const x0 = A[a]!;
    const x1 = A[a + am]!;
    const x2 = A[a + am2]!;
    const x3 = A[a + am3]!;
    const w0 = B[b]!;
    const w1 = B[b + bn]!;
    const w2 = B[b + bn2]!;
    const w3 = B[b + bn3]!;
    s00 += x0 * w0;
    s01 += x0 * w1;
    s02 += x0 * w2;
    s03 += x0 * w3;
    s10 += x1 * w0;
    s11 += x1 * w1;
    s12 += x1 * w2;
    s13 += x1 * w3;
    s20 += x2 * w0;
    s21 += x2 * w1;
    s22 += x2 * w2;
    s23 += x2 * w3;
    s30 += x3 * w0;
    s31 += x3 * w1;
    s32 += x3 * w2;
    s33 += x3 * w3;
    a += ak;
    b += bk;
  }
  C[c] = s00;
  C[c + 1] = s01;
  C[c + 2] = s02;
  C[c + 3] = s03;
  C[c1] = s10;
  C[c1 + 1] = s11;
  C[c1 + 2] = s12;
  C[c1 + 3] = s13;
  C[c2] = s20;
  C[c2 + 1] = s21;
  C[c2 + 2] = s22;
  C[c2 + 3] = s23;
  C[c3] = s30;
  C[c3 + 1] = s31;
  C[c3 + 2] = s32;
  C[c3 + 3] = s33;
}

/** 1 row × 4 columns of C (matrix–vector products). */
function tile1x4(p: Product, K: number, a: number, b: number, c: number): void {
  const { A, ak, B, bk, bn, C } = p;
  let s0 = C[c]!;
  let s1 = C[c + 1]!;
  let s2 = C[c + 2]!;
  let s3 = C[c + 3]!;
  const bn2 = 2 * bn;
  const bn3 = 3 * bn;
  for (let k = 0; k < K; k++) {
    const x = A[a]!;
    s0 += x * B[b]!;
    s1 += x * B[b + bn]!;
    s2 += x * B[b + bn2]!;
    s3 += x * B[b + bn3]!;
    a += ak;
    b += bk;
  }
  C[c] = s0;
  C[c + 1] = s1;
  C[c + 2] = s2;
  C[c + 3] = s3;
}

/** One element of C. */
function dot1(p: Product, K: number, a: number, b: number, c: number): void {
  const { A, ak, B, bk, C } = p;
  let s = C[c]!;
  for (let k = 0; k < K; k++) {
    s += A[a]! * B[b]!;
    a += ak;
    b += bk;
  }
  C[c] = s;
}

/** A[b, :] = W·x_b + bias for dense rows x_b = X[xOff + b·C, +C). */
function project(
  W: Float64Array,
  bias: Float64Array,
  R: number,
  C: number,
  X: Float64Array,
  xOff: number,
  B: number,
  A: Float64Array,
): void {
  if (kernelsActive() && kernelProject(W, bias, R, C, X, xOff, B, A)) return;
  // A [B, R] = bias + X [B, C] · Wᵀ [C, R]
  fillRows(A, 0, R, B, R, bias);
  gemm({ A: X, a0: xOff, am: C, ak: 1, B: W, b0: 0, bk: 1, bn: C, C: A, c0: 0, cm: R }, B, R, C);
}

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
  if (x.kind === 'dense') {
    project(W, bias, R, C, x.x, x.off, B, A);
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
  W: Float64Array,
  bias: Float64Array,
  R: number,
  C: number,
  h: Float64Array,
  B: number,
  A: Float64Array,
): void {
  project(W, bias, R, C, h, 0, B, A);
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
  dW: Float64Array,
  R: number,
  C: number,
  X: Float64Array,
  xOff: number,
  B: number,
  dA: Float64Array,
): void {
  const recorder = deferred.get(dW);
  if (recorder) return recorder.record(X, xOff, dA, B);
  if (kernelsActive() && kernelOuter(dW, R, C, X, xOff, B, dA)) return;
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
    accumulateOuter(dW, R, C, x.x, x.off, B, dA);
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
  dW: Float64Array,
  db: Float64Array,
  R: number,
  C: number,
  h: Float64Array,
  B: number,
  dA: Float64Array,
): void {
  accumulateBias(db, R, B, dA);
  accumulateOuter(dW, R, C, h, 0, B, dA);
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
  if (kernelsActive() && kernelBackprop(W, R, C, dA, B, out, accumulate)) return;
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

interface Recorder {
  record(X: Float64Array, xOff: number, dA: Float64Array, B: number): void;
  flush(dW: Float64Array): void;
}

/** The dW arrays whose outer products are being recorded, with their recorders. */
const deferred = new Map<Float64Array, Recorder>();

/** Recording buffers of the plain-JS path, kept per gradient array for reuse across chunks. */
const buffers = new WeakMap<Float64Array, { dA: Float64Array; x: Float64Array }>();

function jsRecorder(dW: Float64Array, R: number, C: number, rows: number): Recorder {
  let buf = buffers.get(dW);
  if (!buf || buf.dA.length < rows * R || buf.x.length < rows * C) {
    buf = { dA: new Float64Array(rows * R), x: new Float64Array(rows * C) };
    buffers.set(dW, buf);
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
  targets: readonly { readonly dW: Float64Array; readonly R: number; readonly C: number }[],
  rows: number,
): DeferredGrads {
  for (const { dW, R, C } of targets) {
    if (deferred.has(dW)) throw new Error('deferWeightGrads: this gradient is already deferred');
    const inWasm = kernelsActive() ? kernelRecorder(R, C, rows) : null;
    deferred.set(dW, inWasm ?? jsRecorder(dW, R, C, rows));
  }
  return {
    flush() {
      for (const { dW } of targets) {
        const recorder = deferred.get(dW);
        deferred.delete(dW);
        recorder?.flush(dW);
      }
    },
  };
}
