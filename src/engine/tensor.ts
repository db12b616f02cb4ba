// Small helpers on flat row-major Float64Arrays, the only numeric type the engine uses: a matrix
// [rows, cols] stores element (r, c) at r * cols + c. The products themselves live in linear.ts.

/** Euclidean norm of a[off, off + n). */
export function norm2(a: Float64Array, off = 0, n = a.length - off): number {
  let s = 0;
  for (let i = off; i < off + n; i++) s += a[i]! * a[i]!;
  return Math.sqrt(s);
}

/** The logistic sigmoid, without overflow for large |x|. */
export function sigmoid(x: number): number {
  return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
}
