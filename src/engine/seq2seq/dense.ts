// Small dense maps for the encoder–decoder's attention and output layers: the sizes there are
// small (a few hundred numbers), so plain loops.

/** out[b] = W x[b] (+ bias): W [R, C], x [B, C] from column `xOff` of rows `xStride` wide. */
export function affine(
  W: Float64Array,
  R: number,
  C: number,
  x: Float64Array,
  B: number,
  bias: Float64Array | null,
  xStride = C,
  xOff = 0,
): Float64Array {
  const out = new Float64Array(B * R);
  for (let b = 0; b < B; b++)
    for (let r = 0; r < R; r++) {
      let acc = bias ? bias[r]! : 0;
      const w0 = r * C;
      const x0 = b * xStride + xOff;
      for (let c = 0; c < C; c++) acc += W[w0 + c]! * x[x0 + c]!;
      out[b * R + r] = acc;
    }
  return out;
}

/** dx[b] += Wᵀ dy[b] (into columns from `off` of rows `stride` wide); dW += dy[b] ⊗ x[b]. */
export function affineBack(
  W: Float64Array,
  dW: Float64Array,
  R: number,
  C: number,
  x: Float64Array,
  dy: Float64Array,
  B: number,
  dx: Float64Array | null,
  stride = C,
  off = 0,
  db: Float64Array | null = null,
): void {
  for (let b = 0; b < B; b++)
    for (let r = 0; r < R; r++) {
      const g = dy[b * R + r]!;
      if (g === 0) continue;
      if (db) db[r]! += g;
      const w0 = r * C;
      const x0 = b * stride + off;
      for (let c = 0; c < C; c++) {
        dW[w0 + c]! += g * x[x0 + c]!;
        if (dx) dx[x0 + c]! += g * W[w0 + c]!;
      }
    }
}

/** Row-wise softmax of [B, K] in place. */
export function softmaxRows(v: Float64Array, B: number, K: number): void {
  for (let b = 0; b < B; b++) {
    let max = -Infinity;
    for (let k = 0; k < K; k++) max = Math.max(max, v[b * K + k]!);
    let sum = 0;
    for (let k = 0; k < K; k++) sum += v[b * K + k] = Math.exp(v[b * K + k]! - max);
    for (let k = 0; k < K; k++) v[b * K + k]! /= sum;
  }
}
