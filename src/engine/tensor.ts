// Small dense linear algebra on flat row-major Float64Arrays: the only numeric type the engine uses.
// A matrix [rows, cols] stores element (r, c) at r * cols + c. Hot loops index the arrays directly.

/** A named parameter or gradient with its shape, as in a PyTorch state_dict. */
export interface Tensor {
  readonly shape: readonly number[];
  readonly data: Float64Array;
}

export function zeros(n: number): Float64Array {
  return new Float64Array(n);
}

/** y[rows] += W[rows, cols] · x[cols] (offsets let callers use slices of larger arrays). */
export function gemvAdd(
  W: Float64Array,
  rows: number,
  cols: number,
  x: Float64Array,
  xOff: number,
  y: Float64Array,
  yOff: number,
): void {
  for (let r = 0; r < rows; r++) {
    let s = 0;
    const base = r * cols;
    for (let c = 0; c < cols; c++) s += W[base + c]! * x[xOff + c]!;
    y[yOff + r]! += s;
  }
}

/** y[cols] += Wᵀ · d, for W[rows, cols] and d[rows]. */
export function gemvTAdd(
  W: Float64Array,
  rows: number,
  cols: number,
  d: Float64Array,
  dOff: number,
  y: Float64Array,
  yOff: number,
): void {
  for (let r = 0; r < rows; r++) {
    const dr = d[dOff + r]!;
    if (dr === 0) continue;
    const base = r * cols;
    for (let c = 0; c < cols; c++) y[yOff + c]! += W[base + c]! * dr;
  }
}

/** G[rows, cols] += d[rows] · x[cols]ᵀ (outer product accumulation). */
export function gerAdd(
  G: Float64Array,
  rows: number,
  cols: number,
  d: Float64Array,
  dOff: number,
  x: Float64Array,
  xOff: number,
): void {
  for (let r = 0; r < rows; r++) {
    const dr = d[dOff + r]!;
    if (dr === 0) continue;
    const base = r * cols;
    for (let c = 0; c < cols; c++) G[base + c]! += dr * x[xOff + c]!;
  }
}

/** Euclidean norm of a[off, off + n). */
export function norm2(a: Float64Array, off = 0, n = a.length - off): number {
  let s = 0;
  for (let i = off; i < off + n; i++) s += a[i]! * a[i]!;
  return Math.sqrt(s);
}

export function sigmoid(x: number): number {
  return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
}
