// Single-thread matrix-product speed of this machine in plain JavaScript: C = A·B for 256×256
// Float64Arrays, with a few loop orders; the best is the ceiling a plain-JS engine can hope for.

import { computePass, type Compute } from '../src/engine/kernels.ts';
import { projectDense } from '../src/engine/linear.ts';

const N = 256;

type MatMul = (A: Float64Array, B: Float64Array, C: Float64Array, n: number) => void;

/** i-k-j order: the inner loop is an axpy over a row of B. */
const ikj: MatMul = (A, B, C, n) => {
  C.fill(0);
  for (let i = 0; i < n; i++) {
    const c0 = i * n;
    for (let k = 0; k < n; k++) {
      const a = A[i * n + k]!;
      const b0 = k * n;
      for (let j = 0; j < n; j++) C[c0 + j]! += a * B[b0 + j]!;
    }
  }
};

/** 4 rows × 4 columns of C held in registers, k innermost. */
const tiled4x4: MatMul = (A, B, C, n) => {
  for (let i = 0; i < n; i += 4) {
    for (let j = 0; j < n; j += 4) {
      let c00 = 0,
        c01 = 0,
        c02 = 0,
        c03 = 0,
        c10 = 0,
        c11 = 0,
        c12 = 0,
        c13 = 0;
      let c20 = 0,
        c21 = 0,
        c22 = 0,
        c23 = 0,
        c30 = 0,
        c31 = 0,
        c32 = 0,
        c33 = 0;
      const a0 = i * n;
      const a1 = a0 + n;
      const a2 = a1 + n;
      const a3 = a2 + n;
      for (let k = 0; k < n; k++) {
        const b = k * n + j;
        const b0 = B[b]!;
        const b1 = B[b + 1]!;
        const b2 = B[b + 2]!;
        const b3 = B[b + 3]!;
        const x0 = A[a0 + k]!;
        const x1 = A[a1 + k]!;
        const x2 = A[a2 + k]!;
        const x3 = A[a3 + k]!;
        c00 += x0 * b0;
        c01 += x0 * b1;
        c02 += x0 * b2;
        c03 += x0 * b3;
        c10 += x1 * b0;
        c11 += x1 * b1;
        c12 += x1 * b2;
        c13 += x1 * b3;
        c20 += x2 * b0;
        c21 += x2 * b1;
        c22 += x2 * b2;
        c23 += x2 * b3;
        c30 += x3 * b0;
        c31 += x3 * b1;
        c32 += x3 * b2;
        c33 += x3 * b3;
      }
      const c = i * n + j;
      C[c] = c00;
      C[c + 1] = c01;
      C[c + 2] = c02;
      C[c + 3] = c03;
      C[c + n] = c10;
      C[c + n + 1] = c11;
      C[c + n + 2] = c12;
      C[c + n + 3] = c13;
      C[c + 2 * n] = c20;
      C[c + 2 * n + 1] = c21;
      C[c + 2 * n + 2] = c22;
      C[c + 2 * n + 3] = c23;
      C[c + 3 * n] = c30;
      C[c + 3 * n + 1] = c31;
      C[c + 3 * n + 2] = c32;
      C[c + 3 * n + 3] = c33;
    }
  }
};

/** Dot products against Bᵀ (rows of A with rows of Bᵀ), 4 accumulators. */
const dotT: MatMul = (A, B, C, n) => {
  const Bt = new Float64Array(n * n);
  for (let k = 0; k < n; k++) for (let j = 0; j < n; j++) Bt[j * n + k] = B[k * n + j]!;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let s0 = 0,
        s1 = 0,
        s2 = 0,
        s3 = 0;
      const a = i * n;
      const b = j * n;
      for (let k = 0; k < n; k += 4) {
        s0 += A[a + k]! * Bt[b + k]!;
        s1 += A[a + k + 1]! * Bt[b + k + 1]!;
        s2 += A[a + k + 2]! * Bt[b + k + 2]!;
        s3 += A[a + k + 3]! * Bt[b + k + 3]!;
      }
      C[i * n + j] = s0 + s1 + s2 + s3;
    }
  }
};

export const plainLoops: Record<string, MatMul> = { ikj, tiled4x4, dotT };

/** GFLOP/s of mm on 256×256 (best of several timed runs). */
export function gflops(mm: MatMul, minMs = 400): number {
  const A = new Float64Array(N * N).map((_, k) => Math.sin(k));
  const B = new Float64Array(N * N).map((_, k) => Math.cos(k));
  const C = new Float64Array(N * N);
  for (let w = 0; w < 3; w++) mm(A, B, C, N);
  let best = Infinity;
  const start = performance.now();
  while (performance.now() - start < minMs) {
    const t0 = performance.now();
    mm(A, B, C, N);
    best = Math.min(best, performance.now() - t0);
  }
  return (2 * N ** 3) / best / 1e6;
}

/** The best plain-JS loop and its speed. */
export function plainJsGflops(): { name: string; gflops: number } {
  let best = { name: '', gflops: 0 };
  for (const [name, mm] of Object.entries(plainLoops)) {
    const g = gflops(mm);
    if (g > best.gflops) best = { name, gflops: g };
  }
  return best;
}

/**
 * GFLOP/s of the engine's own product, A = X·Wᵀ + b through projectDense with 256 rows of 256 inputs
 * and 256 outputs, inside a kernel pass (with the kernel installed: the wasm path, copies included).
 */
export function engineGflops(compute: Compute, minMs = 400): number {
  const W = new Float64Array(N * N).map((_, k) => Math.sin(k));
  const X = new Float64Array(N * N).map((_, k) => Math.cos(k));
  const bias = new Float64Array(N);
  const A = new Float64Array(N * N);
  return computePass(compute, () => {
    // Warm up long enough for the JIT to optimise the plain-JS loops.
    const warm = performance.now();
    while (performance.now() - warm < minMs / 2) projectDense(compute, W, bias, N, N, X, N, A);
    let best = Infinity;
    const start = performance.now();
    while (performance.now() - start < minMs) {
      const t0 = performance.now();
      projectDense(compute, W, bias, N, N, X, N, A);
      best = Math.min(best, performance.now() - t0);
    }
    return (2 * N ** 3) / best / 1e6;
  });
}
