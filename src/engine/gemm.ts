// The plain-JavaScript matrix product every affine map in linear.ts goes through: C += A·B over
// strided operands, 4 × 4 output tiles held in registers. Each output adds its products one by one
// in k order from its value in C, the same order as the WebAssembly kernel (kernels.ts), so the
// two paths agree bit for bit.

/** K is cut into chunks of KC steps so that the rows being read stay in cache. */
const KC = 256;

/**
 * The operands of one product C += A·B, each read through strides:
 * A(m, k) = A[a0 + m·am + k·ak], B(k, n) = B[b0 + k·bk + n·bn], C[m, n] = C[c0 + m·cm + n].
 */
export interface Product {
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
export function gemm(p: Product, M: number, N: number, K: number): void {
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
export function fillRows(
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
