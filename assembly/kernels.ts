// The engine's WebAssembly SIMD kernel, in AssemblyScript (compiled by scripts/build-wasm.mjs).
// One general matrix product, C[m, n] = init + Σ_k A(m, k)·B[k, n], two f64 lanes at a time, and a
// transpose. Each C element is one accumulator that adds its products in k order (no fused
// multiply-add), so the results are bit-identical to the plain-JS loops in src/engine/linear.ts.
// Pointers are byte addresses in this module's memory (managed by src/engine/kernels.ts).

/** C starts from bias[n] (the same bias row for every m). */
const INIT_BIAS: i32 = 0;
/** C starts from its own values: C += A·B. */
const INIT_C: i32 = 1;
/** C starts from 0: C = A·B. */
const INIT_ZERO: i32 = 2;

/** K is cut into chunks of KC steps so that the A strip and the B panel stay in cache. */
const KC: i32 = 256;

// Register tiles: R rows × W columns of C. `a` walks A(m, k) with byte strides am (rows) and ak (k);
// `b` walks B's rows with stride ldb. The initial values come from `s` (row stride ss: ldc for C,
// 0 for a bias row) unless `zero`.

/** 4 rows × 8 columns: 16 f64x2 accumulators. */
function tile4x8(
  K: i32,
  a: usize,
  am: usize,
  ak: usize,
  b: usize,
  ldb: usize,
  c: usize,
  ldc: usize,
  s: usize,
  ss: usize,
  zero: bool,
): void {
  const z = f64x2.splat(0);
  const s1 = s + ss;
  const s2 = s1 + ss;
  const s3 = s2 + ss;
  let c00 = zero ? z : v128.load(s);
  let c01 = zero ? z : v128.load(s, 16);
  let c02 = zero ? z : v128.load(s, 32);
  let c03 = zero ? z : v128.load(s, 48);
  let c10 = zero ? z : v128.load(s1);
  let c11 = zero ? z : v128.load(s1, 16);
  let c12 = zero ? z : v128.load(s1, 32);
  let c13 = zero ? z : v128.load(s1, 48);
  let c20 = zero ? z : v128.load(s2);
  let c21 = zero ? z : v128.load(s2, 16);
  let c22 = zero ? z : v128.load(s2, 32);
  let c23 = zero ? z : v128.load(s2, 48);
  let c30 = zero ? z : v128.load(s3);
  let c31 = zero ? z : v128.load(s3, 16);
  let c32 = zero ? z : v128.load(s3, 32);
  let c33 = zero ? z : v128.load(s3, 48);
  const am2 = am + am;
  const am3 = am2 + am;
  for (let k = 0; k < K; k++) {
    const b0 = v128.load(b);
    const b1 = v128.load(b, 16);
    const b2 = v128.load(b, 32);
    const b3 = v128.load(b, 48);
    let x = f64x2.splat(load<f64>(a));
    c00 = f64x2.add(c00, f64x2.mul(x, b0));
    c01 = f64x2.add(c01, f64x2.mul(x, b1));
    c02 = f64x2.add(c02, f64x2.mul(x, b2));
    c03 = f64x2.add(c03, f64x2.mul(x, b3));
    x = f64x2.splat(load<f64>(a + am));
    c10 = f64x2.add(c10, f64x2.mul(x, b0));
    c11 = f64x2.add(c11, f64x2.mul(x, b1));
    c12 = f64x2.add(c12, f64x2.mul(x, b2));
    c13 = f64x2.add(c13, f64x2.mul(x, b3));
    x = f64x2.splat(load<f64>(a + am2));
    c20 = f64x2.add(c20, f64x2.mul(x, b0));
    c21 = f64x2.add(c21, f64x2.mul(x, b1));
    c22 = f64x2.add(c22, f64x2.mul(x, b2));
    c23 = f64x2.add(c23, f64x2.mul(x, b3));
    x = f64x2.splat(load<f64>(a + am3));
    c30 = f64x2.add(c30, f64x2.mul(x, b0));
    c31 = f64x2.add(c31, f64x2.mul(x, b1));
    c32 = f64x2.add(c32, f64x2.mul(x, b2));
    c33 = f64x2.add(c33, f64x2.mul(x, b3));
    a += ak;
    b += ldb;
  }
  const r1 = c + ldc;
  const r2 = r1 + ldc;
  const r3 = r2 + ldc;
  v128.store(c, c00);
  v128.store(c, c01, 16);
  v128.store(c, c02, 32);
  v128.store(c, c03, 48);
  v128.store(r1, c10);
  v128.store(r1, c11, 16);
  v128.store(r1, c12, 32);
  v128.store(r1, c13, 48);
  v128.store(r2, c20);
  v128.store(r2, c21, 16);
  v128.store(r2, c22, 32);
  v128.store(r2, c23, 48);
  v128.store(r3, c30);
  v128.store(r3, c31, 16);
  v128.store(r3, c32, 32);
  v128.store(r3, c33, 48);
}

/** 4 rows × 2 columns: 4 accumulators. */
function tile4x2(
  K: i32,
  a: usize,
  am: usize,
  ak: usize,
  b: usize,
  ldb: usize,
  c: usize,
  ldc: usize,
  s: usize,
  ss: usize,
  zero: bool,
): void {
  const z = f64x2.splat(0);
  let c0 = zero ? z : v128.load(s);
  let c1 = zero ? z : v128.load(s + ss);
  let c2 = zero ? z : v128.load(s + 2 * ss);
  let c3 = zero ? z : v128.load(s + 3 * ss);
  for (let k = 0; k < K; k++) {
    const b0 = v128.load(b);
    c0 = f64x2.add(c0, f64x2.mul(f64x2.splat(load<f64>(a)), b0));
    c1 = f64x2.add(c1, f64x2.mul(f64x2.splat(load<f64>(a + am)), b0));
    c2 = f64x2.add(c2, f64x2.mul(f64x2.splat(load<f64>(a + 2 * am)), b0));
    c3 = f64x2.add(c3, f64x2.mul(f64x2.splat(load<f64>(a + 3 * am)), b0));
    a += ak;
    b += ldb;
  }
  v128.store(c, c0);
  v128.store(c + ldc, c1);
  v128.store(c + 2 * ldc, c2);
  v128.store(c + 3 * ldc, c3);
}

/** R rows (1 to 4) × 1 column, scalar. */
function tileRx1(
  R: i32,
  K: i32,
  a: usize,
  am: usize,
  ak: usize,
  b: usize,
  ldb: usize,
  c: usize,
  ldc: usize,
  s: usize,
  ss: usize,
  zero: bool,
): void {
  for (let r = 0; r < R; r++) {
    let acc = zero ? 0.0 : load<f64>(s + <usize>r * ss);
    let ap = a + <usize>r * am;
    let bp = b;
    for (let k = 0; k < K; k++) {
      acc += load<f64>(ap) * load<f64>(bp);
      ap += ak;
      bp += ldb;
    }
    store<f64>(c + <usize>r * ldc, acc);
  }
}

/** 1 row × 16 columns: 8 accumulators (matrix–vector products). */
function tile1x16(
  K: i32,
  a: usize,
  ak: usize,
  b: usize,
  ldb: usize,
  c: usize,
  s: usize,
  zero: bool,
): void {
  const z = f64x2.splat(0);
  let c0 = zero ? z : v128.load(s);
  let c1 = zero ? z : v128.load(s, 16);
  let c2 = zero ? z : v128.load(s, 32);
  let c3 = zero ? z : v128.load(s, 48);
  let c4 = zero ? z : v128.load(s, 64);
  let c5 = zero ? z : v128.load(s, 80);
  let c6 = zero ? z : v128.load(s, 96);
  let c7 = zero ? z : v128.load(s, 112);
  for (let k = 0; k < K; k++) {
    const x = f64x2.splat(load<f64>(a));
    c0 = f64x2.add(c0, f64x2.mul(x, v128.load(b)));
    c1 = f64x2.add(c1, f64x2.mul(x, v128.load(b, 16)));
    c2 = f64x2.add(c2, f64x2.mul(x, v128.load(b, 32)));
    c3 = f64x2.add(c3, f64x2.mul(x, v128.load(b, 48)));
    c4 = f64x2.add(c4, f64x2.mul(x, v128.load(b, 64)));
    c5 = f64x2.add(c5, f64x2.mul(x, v128.load(b, 80)));
    c6 = f64x2.add(c6, f64x2.mul(x, v128.load(b, 96)));
    c7 = f64x2.add(c7, f64x2.mul(x, v128.load(b, 112)));
    a += ak;
    b += ldb;
  }
  v128.store(c, c0);
  v128.store(c, c1, 16);
  v128.store(c, c2, 32);
  v128.store(c, c3, 48);
  v128.store(c, c4, 64);
  v128.store(c, c5, 80);
  v128.store(c, c6, 96);
  v128.store(c, c7, 112);
}

/** 1 row × 2 columns. */
function tile1x2(
  K: i32,
  a: usize,
  ak: usize,
  b: usize,
  ldb: usize,
  c: usize,
  s: usize,
  zero: bool,
): void {
  let c0 = zero ? f64x2.splat(0) : v128.load(s);
  for (let k = 0; k < K; k++) {
    c0 = f64x2.add(c0, f64x2.mul(f64x2.splat(load<f64>(a)), v128.load(b)));
    a += ak;
    b += ldb;
  }
  v128.store(c, c0);
}

/**
 * C[m, n] = init + Σ_{k<K} A(m, k)·B[k, n] for m < M, n < N, where A(m, k) = a[m·am + k·ak],
 * B[k, n] = b[k·ldb + n], C[m, n] = c[m·ldc + n] (strides in f64 elements), and init is bias[n],
 * C[m, n] or 0 (INIT_BIAS, INIT_C, INIT_ZERO). Any M, N, K ≥ 0.
 */
export function gemm(
  M: i32,
  N: i32,
  K: i32,
  a: usize,
  am: i32,
  ak: i32,
  b: usize,
  ldb: i32,
  c: usize,
  ldc: i32,
  bias: usize,
  init: i32,
): void {
  const amB = (<usize>am) << 3;
  const akB = (<usize>ak) << 3;
  const ldbB = (<usize>ldb) << 3;
  const ldcB = (<usize>ldc) << 3;
  if (K === 0) {
    // Nothing to add: C = init.
    for (let m = 0; m < M; m++) {
      for (let n = 0; n < N; n++) {
        const p = c + <usize>m * ldcB + ((<usize>n) << 3);
        if (init === INIT_BIAS) store<f64>(p, load<f64>(bias + ((<usize>n) << 3)));
        else if (init === INIT_ZERO) store<f64>(p, 0.0);
      }
    }
    return;
  }
  for (let k0 = 0; k0 < K; k0 += KC) {
    const kc = min(KC, K - k0);
    // The first chunk starts from init; later chunks add to what the earlier ones stored in C.
    const mode = k0 === 0 ? init : INIT_C;
    const zero = mode === INIT_ZERO;
    const ss: usize = mode === INIT_C ? ldcB : 0;
    const ak0 = a + <usize>k0 * akB;
    const bk0 = b + <usize>k0 * ldbB;
    let m = 0;
    for (; m + 4 <= M; m += 4) {
      const am0 = ak0 + <usize>m * amB;
      const cm = c + <usize>m * ldcB;
      const sm = mode === INIT_BIAS ? bias : cm;
      let n = 0;
      for (; n + 8 <= N; n += 8) {
        const o = (<usize>n) << 3;
        tile4x8(kc, am0, amB, akB, bk0 + o, ldbB, cm + o, ldcB, sm + o, ss, zero);
      }
      for (; n + 2 <= N; n += 2) {
        const o = (<usize>n) << 3;
        tile4x2(kc, am0, amB, akB, bk0 + o, ldbB, cm + o, ldcB, sm + o, ss, zero);
      }
      if (n < N) {
        const o = (<usize>n) << 3;
        tileRx1(4, kc, am0, amB, akB, bk0 + o, ldbB, cm + o, ldcB, sm + o, ss, zero);
      }
    }
    for (; m < M; m++) {
      const am0 = ak0 + <usize>m * amB;
      const cm = c + <usize>m * ldcB;
      const sm = mode === INIT_BIAS ? bias : cm;
      let n = 0;
      for (; n + 16 <= N; n += 16) {
        const o = (<usize>n) << 3;
        tile1x16(kc, am0, akB, bk0 + o, ldbB, cm + o, sm + o, zero);
      }
      for (; n + 2 <= N; n += 2) {
        const o = (<usize>n) << 3;
        tile1x2(kc, am0, akB, bk0 + o, ldbB, cm + o, sm + o, zero);
      }
      if (n < N) {
        const o = (<usize>n) << 3;
        tileRx1(1, kc, am0, amB, akB, bk0 + o, ldbB, cm + o, ldcB, sm + o, ss, zero);
      }
    }
  }
}

/** dst[c, r] = src[r, c] for a rows × cols row-major matrix (dst is cols × rows). */
export function transpose(src: usize, rows: i32, cols: i32, dst: usize): void {
  const TB = 8;
  for (let r0 = 0; r0 < rows; r0 += TB) {
    const r1 = min(r0 + TB, rows);
    for (let c0 = 0; c0 < cols; c0 += TB) {
      const c1 = min(c0 + TB, cols);
      for (let r = r0; r < r1; r++) {
        for (let c = c0; c < c1; c++) {
          store<f64>(
            dst + ((<usize>c * rows + r) << 3),
            load<f64>(src + ((<usize>r * cols + c) << 3)),
          );
        }
      }
    }
  }
}
