// The optional WebAssembly SIMD kernel behind linear.ts (its source: assembly/kernels.ts). The engine
// never loads it itself: the worker, the CLI and the tests hand its bytes to createKernel() and give
// the kernel to the models that should use it (a Compute, linear.ts). Without one, or where
// WebAssembly SIMD is missing, linear.ts runs its plain-JS loops, which give the same results bit for
// bit. Inside a kernel pass (one forward or backward over a chunk, during which the weights do not
// change) each weight matrix is copied into wasm memory once and stays there; a call then copies only
// its [B, ·] rows in and out. All of a kernel's state lives in the object createKernel returns.

/** The parts of the WebAssembly API we use (the engine's tsconfig has no DOM or wasm typings). */
interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}

interface KernelExports {
  readonly memory: WasmMemory;
  /** See assembly/kernels.ts: C[m, n] = init + Σ_k A(m, k)·B[k, n]. */
  gemm(
    M: number,
    N: number,
    K: number,
    a: number,
    am: number,
    ak: number,
    b: number,
    ldb: number,
    c: number,
    ldc: number,
    bias: number,
    init: number,
  ): void;
  transpose(src: number, rows: number, cols: number, dst: number): void;
}

interface WasmApi {
  Module: new (bytes: ArrayBuffer | Uint8Array) => object;
  Instance: new (module: object, imports: object) => { readonly exports: unknown };
}

// Initial values of the kernel's C (the constants of assembly/kernels.ts).
const INIT_BIAS = 0;
const INIT_C = 1;
const INIT_ZERO = 2;

const PAGE = 65536;

export interface KernelOptions {
  /**
   * Most wasm memory the kernel may use, in bytes (default 1 GiB). Work whose operands do not fit
   * runs on the plain-JS path instead.
   */
  readonly maxMemoryBytes?: number;
}

/** Rows of dA [·, R] and x [·, C] gathered to be summed as dAᵀ·x in one product (linear.ts has a plain-JS one). */
export interface KernelRecorder {
  record(x: Float64Array, xOff: number, dA: Float64Array, B: number): void;
  /** dW += Σ over the recorded rows, then forget them. */
  flush(dW: Float64Array): void;
}

/**
 * The compiled kernel and its memory. The products return false, having done nothing, when wasm
 * memory cannot hold their operands; linear.ts then runs the plain-JS loop instead.
 */
export interface Kernel {
  /** True inside a pass: linear.ts then calls the products below. */
  readonly active: boolean;
  /**
   * Runs fn as one kernel pass: weights are copied into wasm memory on first use and reused until
   * the outermost pass ends, so they must not change while fn runs. Passes nest.
   */
  pass<T>(fn: () => T): T;
  /** A[b, :] = W·x_b + bias for W [R, C] and rows x_b = X[xOff + b·C, +C), b < B. */
  project(
    W: Float64Array,
    bias: Float64Array,
    R: number,
    C: number,
    X: Float64Array,
    xOff: number,
    B: number,
    A: Float64Array,
  ): boolean;
  /** out[b, :] (+)= Wᵀ·dA_b for W [R, C], dA [B, R], out [B, C]. */
  backprop(
    W: Float64Array,
    R: number,
    C: number,
    dA: Float64Array,
    B: number,
    out: Float64Array,
    accumulate: boolean,
  ): boolean;
  /** dW [R, C] += Σ_n dA_nᵀ·x_n for dA [N, R] and rows x_n = X[xOff + n·C, +C). */
  outer(
    dW: Float64Array,
    R: number,
    C: number,
    X: Float64Array,
    xOff: number,
    N: number,
    dA: Float64Array,
  ): boolean;
  /** A recorder for up to `rows` rows, living until the current pass ends (null if no room). */
  recorder(R: number, C: number, rows: number): KernelRecorder | null;
}

/** What a model computes with. One per model (or per trainer); never shared between threads. */
export interface Compute {
  /** The WebAssembly kernel, or null for linear.ts's plain-JS loops (the same numbers, bit for bit). */
  readonly kernel: Kernel | null;
  /** The dW arrays whose outer products are being recorded (linear.ts), with their recorders. */
  readonly deferred: Map<Float64Array, KernelRecorder>;
  /** Recording buffers of the plain-JS path, kept per gradient array for reuse across chunks. */
  readonly buffers: WeakMap<Float64Array, { dA: Float64Array; x: Float64Array }>;
}

/** A Compute over the kernel (plain JS when null). */
export function createCompute(kernel: Kernel | null = null): Compute {
  return { kernel, deferred: new Map(), buffers: new WeakMap() };
}

/** Runs fn as one kernel pass of c's kernel (weights uploaded once), or just runs it. */
export function computePass<T>(c: Compute, fn: () => T): T {
  return c.kernel ? c.kernel.pass(fn) : fn();
}

/**
 * Compiles the kernel from the bytes of kernels.wasm (built by `npm run build:wasm`). Returns null
 * when WebAssembly or its SIMD extension is missing or the bytes are not a valid kernel. Compiles
 * synchronously: call it in a worker or Node.
 */
export function createKernel(
  bytes: Uint8Array | ArrayBuffer,
  options: KernelOptions = {},
): Kernel | null {
  const api = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
  if (!api) return null;
  let wasm: KernelExports;
  try {
    const instance = new api.Instance(new api.Module(bytes), {
      env: {
        abort: () => {
          throw new Error('kernels.wasm aborted');
        },
      },
    });
    const exports = instance.exports as Partial<KernelExports>;
    if (!exports.memory || !exports.gemm || !exports.transpose) return null;
    wasm = exports as KernelExports;
  } catch {
    return null;
  }
  /** A Float64Array over all of wasm memory, renewed after the memory grows. */
  let heap = new Float64Array(wasm.memory.buffer);
  /** Next free byte address: a bump allocator, rewound after each call and at the end of a pass. */
  let top = wasm.memory.buffer.byteLength;
  /** The most memory alloc() may use (KernelOptions.maxMemoryBytes). */
  const limit = options.maxMemoryBytes ?? 2 ** 30;
  /** Depth of nested kernel passes; the kernel runs only inside one. */
  let depth = 0;
  /** Weights resident for the current pass: W as stored ([R, C]), and transposed ([C, R]). */
  const asStored = new Map<Float64Array, number>();
  const transposed = new Map<Float64Array, number>();

  /** The heap view, renewed if the memory grew (growing detaches the old buffer). */
  function f64(): Float64Array {
    if (heap.buffer !== wasm.memory.buffer) heap = new Float64Array(wasm.memory.buffer);
    return heap;
  }

  /**
   * Reserves n doubles (16-byte aligned) and returns the byte address, or −1 when the memory cannot
   * grow that far (the caller then rewinds and leaves the work to the plain-JS path).
   */
  function alloc(n: number): number {
    const p = top;
    const end = p + ((n * 8 + 15) & ~15);
    if (end > limit) return -1;
    const have = wasm.memory.buffer.byteLength;
    if (end > have) {
      try {
        wasm.memory.grow(Math.ceil((end - have) / PAGE));
      } catch {
        return -1;
      }
    }
    top = end;
    return p;
  }

  /** Copies src[off, off + n) to byte address p. */
  function put(src: Float64Array, off: number, n: number, p: number): void {
    const h = f64();
    const d = p >> 3;
    if (n < 64) for (let k = 0; k < n; k++) h[d + k] = src[off + k]!;
    else h.set(off === 0 && n === src.length ? src : src.subarray(off, off + n), d);
  }

  /** Copies n doubles at byte address p to dst[0, n). */
  function get(p: number, n: number, dst: Float64Array): void {
    const h = f64();
    const s = p >> 3;
    if (n < 64) for (let k = 0; k < n; k++) dst[k] = h[s + k]!;
    else dst.set(h.subarray(s, s + n));
  }

  /** W [R, C] resident in wasm memory as stored (−1 if there is no room). */
  function stored(W: Float64Array, n: number): number {
    let p = asStored.get(W);
    if (p === undefined) {
      p = alloc(n);
      if (p < 0) return -1;
      put(W, 0, n, p);
      asStored.set(W, p);
    }
    return p;
  }

  /** Wᵀ [C, R] resident in wasm memory (−1 if there is no room). */
  function storedTransposed(W: Float64Array, R: number, C: number): number {
    let p = transposed.get(W);
    if (p === undefined) {
      const mark = top;
      p = alloc(R * C);
      const src = alloc(R * C);
      if (p < 0 || src < 0) {
        top = mark;
        return -1;
      }
      put(W, 0, R * C, src);
      wasm.transpose(src, R, C, p);
      top = src;
      transposed.set(W, p);
    }
    return p;
  }

  /** A[b, :] = W·x_b + bias for W [R, C] and rows x_b = X[xOff + b·C, +C), b < B. */
  const project: Kernel['project'] = (W, bias, R, C, X, xOff, B, A) => {
    const w = storedTransposed(W, R, C);
    const pb = w < 0 ? -1 : stored(bias, R);
    const mark = top;
    const x = alloc(B * C);
    const a = alloc(B * R);
    if (pb < 0 || x < 0 || a < 0) return rewind(mark);
    put(X, xOff, B * C, x);
    // A [B, R] = X [B, C] · Wᵀ [C, R], each row starting from the bias.
    wasm.gemm(B, R, C, x, C, 1, w, R, a, R, pb, INIT_BIAS);
    get(a, B * R, A);
    top = mark;
    return true;
  };

  /** out[b, :] (+)= Wᵀ·dA_b for W [R, C], dA [B, R], out [B, C]. */
  const backprop: Kernel['backprop'] = (W, R, C, dA, B, out, accumulate) => {
    const w = stored(W, R * C);
    const mark = top;
    const d = alloc(B * R);
    const o = alloc(B * C);
    if (w < 0 || d < 0 || o < 0) return rewind(mark);
    put(dA, 0, B * R, d);
    if (accumulate) put(out, 0, B * C, o);
    // out [B, C] (+)= dA [B, R] · W [R, C]
    wasm.gemm(B, C, R, d, R, 1, w, C, o, C, 0, accumulate ? INIT_C : INIT_ZERO);
    get(o, B * C, out);
    top = mark;
    return true;
  };

  /** dW [R, C] += Σ_n dA_nᵀ·x_n for dA [N, R] and rows x_n = X[xOff + n·C, +C). */
  const outerRows: Kernel['outer'] = (dW, R, C, X, xOff, N, dA) => {
    const mark = top;
    const d = alloc(N * R);
    const x = alloc(N * C);
    const g = alloc(R * C);
    if (d < 0 || x < 0 || g < 0) return rewind(mark);
    put(dA, 0, N * R, d);
    put(X, xOff, N * C, x);
    outer(dW, R, C, x, N, d, g);
    top = mark;
    return true;
  };

  /** dW += dᵀ·x for d [N, R] and x [N, C] in wasm memory, using g [R, C] there for dW. */
  function outer(
    dW: Float64Array,
    R: number,
    C: number,
    x: number,
    N: number,
    d: number,
    g: number,
  ) {
    put(dW, 0, R * C, g);
    // dW [R, C] += dᵀ [R, N] · x [N, C]: A(m, k) = d[k·R + m]
    wasm.gemm(R, C, N, d, 1, R, x, C, g, C, 0, INIT_C);
    get(g, R * C, dW);
  }

  function rewind(mark: number): false {
    top = mark;
    return false;
  }

  /** A recorder for up to `rows` rows, living until the current pass ends (null if no room). */
  function recorder(R: number, C: number, rows: number): KernelRecorder | null {
    const mark = top;
    const d = alloc(rows * R);
    const x = alloc(rows * C);
    const g = alloc(R * C);
    if (d < 0 || x < 0 || g < 0) {
      rewind(mark);
      return null;
    }
    let n = 0;
    return {
      record(X, xOff, dA, B) {
        if (n + B > rows) throw new Error('kernelRecorder: more rows than reserved');
        put(dA, 0, B * R, d + n * R * 8);
        put(X, xOff, B * C, x + n * C * 8);
        n += B;
      },
      flush(dW) {
        if (n > 0) outer(dW, R, C, x, n, d, g);
        n = 0;
      },
    };
  }

  function pass<T>(fn: () => T): T {
    const start = top;
    depth++;
    try {
      return fn();
    } finally {
      depth--;
      if (depth === 0) {
        asStored.clear();
        transposed.clear();
        top = start;
      }
    }
  }

  return {
    get active() {
      return depth > 0;
    },
    pass,
    project,
    backprop,
    outer: outerRows,
    recorder,
  };
}
