// The matrix products of linear.ts on both paths, against the naive loops they replaced: the
// register-tiled plain-JS path and the WebAssembly SIMD kernel give the same numbers bit for bit
// (each output is one accumulator adding the same products in the same order), whole training
// passes agree, and the finite-difference gradient check passes with the kernel installed.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CellKind, LayerInput } from '../../src/engine/cell.ts';
import {
  createCompute,
  createKernel,
  type Compute,
  type Kernel,
} from '../../src/engine/kernels.ts';
import {
  accumulateDenseGrads,
  accumulateInputGrads,
  backpropDense,
  deferWeightGrads,
  projectDense,
  projectInput,
} from '../../src/engine/linear.ts';
import { createModel, namedTensors, withCompute, type Model } from '../../src/engine/model.ts';
import { forwardModel, lossAndGradients, zeroGrads, type Batch } from '../../src/engine/network.ts';
import { createRng, type Rng } from '../../src/engine/rng.ts';
import { charSource, createTrainer } from '../../src/engine/trainer.ts';
import { centralDiff, charBatch, denseBatch, expectClose } from './helpers.ts';

const wasmFile = fileURLToPath(new URL('../../build/wasm/kernels.wasm', import.meta.url));
let bytes: Uint8Array;
let kernel: Kernel;

beforeAll(() => {
  // `npm test` builds it first (pretest); a bare `vitest run` on a fresh clone builds it here.
  if (!existsSync(wasmFile)) {
    const script = fileURLToPath(new URL('../../scripts/build-wasm.mjs', import.meta.url));
    execFileSync(process.execPath, [script]);
  }
  bytes = readFileSync(wasmFile);
  const k = createKernel(bytes);
  expect(k).not.toBeNull();
  kernel = k!;
});

/** A Compute on the plain-JS path, or with the kernel. */
const plain = (): Compute => createCompute();
const withKernel = (): Compute => createCompute(kernel);

/** Runs fn on the plain-JS path, then with the kernel inside a kernel pass; returns both results. */
function bothPaths<T>(fn: (c: Compute) => T): [T, T] {
  const js = fn(plain());
  const c = withKernel();
  const wasm = kernel.pass(() => fn(c));
  return [js, wasm];
}

const rand = (rng: Rng, n: number) => new Float64Array(n).map(() => rng.uniform(-1, 1));

// The naive loops linear.ts started from: the oracle.
const naive = {
  project(W: Float64Array, bias: Float64Array, R: number, C: number, x: LayerInput, B: number) {
    const A = new Float64Array(B * R);
    for (let b = 0; b < B; b++) {
      for (let r = 0; r < R; r++) {
        let s = bias[r]!;
        if (x.kind === 'onehot') {
          const k = x.ids[x.off + b]!;
          if (k >= 0) s += W[r * C + k]!;
        } else {
          for (let c = 0; c < C; c++) s += W[r * C + c]! * x.x[x.off + b * C + c]!;
        }
        A[b * R + r] = s;
      }
    }
    return A;
  },
  grads(
    dW: Float64Array,
    db: Float64Array,
    R: number,
    C: number,
    x: LayerInput,
    B: number,
    dA: Float64Array,
  ) {
    for (let b = 0; b < B; b++) {
      for (let r = 0; r < R; r++) {
        const d = dA[b * R + r]!;
        db[r]! += d;
        if (x.kind === 'onehot') {
          const k = x.ids[x.off + b]!;
          if (k >= 0) dW[r * C + k]! += d;
        } else {
          for (let c = 0; c < C; c++) dW[r * C + c]! += d * x.x[x.off + b * C + c]!;
        }
      }
    }
  },
  backprop(W: Float64Array, R: number, C: number, dA: Float64Array, B: number, out: Float64Array) {
    for (let b = 0; b < B; b++) {
      for (let r = 0; r < R; r++) {
        for (let c = 0; c < C; c++) out[b * C + c]! += W[r * C + c]! * dA[b * R + r]!;
      }
    }
  },
};

// Shapes [B, R, C] around the tile edges (4 × 4 in JS; 4 × 8, 1 × 16 and K chunks of 256 in wasm).
const shapes: [number, number, number][] = [
  [1, 1, 1],
  [1, 7, 3],
  [3, 5, 9],
  [4, 8, 4],
  [5, 17, 13],
  [1, 512, 128],
  [9, 65, 33],
  [2, 20, 300],
  [6, 300, 7],
];

describe('linear.ts: both paths against the naive loops, bit for bit', () => {
  it.each(shapes)('B = %i, R = %i, C = %i', (B, R, C) => {
    const rng = createRng(B * 1000 + R * 10 + C);
    const W = rand(rng, R * C);
    const bias = rand(rng, R);
    const h = rand(rng, B * C + 3);
    const dA = rand(rng, B * R);
    dA[0] = 0; // the naive loops skipped zeros; the products must not care
    const dense: LayerInput = { kind: 'dense', x: h, off: 3 };
    const ids = new Int32Array(B + 2).map(() => rng.int(C + 1) - 1);
    const onehot: LayerInput = { kind: 'onehot', ids, off: 2 };
    const dW0 = rand(rng, R * C);
    const db0 = rand(rng, R);
    const out0 = rand(rng, B * C);

    for (const x of [dense, onehot]) {
      const want = naive.project(W, bias, R, C, x, B);
      const [js, wasm] = bothPaths((c) => {
        const A = new Float64Array(B * R);
        projectInput(c, W, bias, R, C, x, B, A);
        return A;
      });
      expect(js).toEqual(want);
      expect(wasm).toEqual(want);

      const wantW = dW0.slice();
      const wantB = db0.slice();
      naive.grads(wantW, wantB, R, C, x, B, dA);
      const [jsG, wasmG] = bothPaths((c) => {
        const dW = dW0.slice();
        const db = db0.slice();
        accumulateInputGrads(c, dW, db, R, C, x, B, dA);
        return [dW, db];
      });
      expect(jsG).toEqual([wantW, wantB]);
      expect(wasmG).toEqual([wantW, wantB]);
    }

    const hRows = h.slice(3, 3 + B * C);
    const [jsA, wasmA] = bothPaths((c) => {
      const A = new Float64Array(B * R);
      projectDense(c, W, bias, R, C, hRows, B, A);
      return A;
    });
    expect(jsA).toEqual(naive.project(W, bias, R, C, { kind: 'dense', x: hRows, off: 0 }, B));
    expect(wasmA).toEqual(jsA);

    for (const accumulate of [false, true]) {
      const want = accumulate ? out0.slice() : new Float64Array(B * C);
      naive.backprop(W, R, C, dA, B, want);
      const [js, wasm] = bothPaths((c) => {
        const out = out0.slice();
        backpropDense(c, W, R, C, dA, B, out, accumulate);
        return out;
      });
      expect(js).toEqual(want);
      expect(wasm).toEqual(want);
    }

    const wantW = dW0.slice();
    const wantB = db0.slice();
    naive.grads(wantW, wantB, R, C, { kind: 'dense', x: hRows, off: 0 }, B, dA);
    const [jsD, wasmD] = bothPaths((c) => {
      const dW = dW0.slice();
      const db = db0.slice();
      accumulateDenseGrads(c, dW, db, R, C, hRows, B, dA);
      return [dW, db];
    });
    expect(jsD).toEqual([wantW, wantB]);
    expect(wasmD).toEqual([wantW, wantB]);
  });

  it('deferred weight gradients add the same terms as immediate ones', () => {
    const rng = createRng(4);
    const [R, C, B, steps] = [12, 10, 3, 5];
    const rows = Array.from({ length: steps }, () => ({
      h: rand(rng, B * C),
      dA: rand(rng, B * R),
    }));
    const dW0 = rand(rng, R * C);
    const want = dW0.slice();
    const db = new Float64Array(R);
    for (const { h, dA } of rows)
      naive.grads(want, db, R, C, { kind: 'dense', x: h, off: 0 }, B, dA);
    const [js, wasm] = bothPaths((c) => {
      const dW = dW0.slice();
      const dbs = new Float64Array(R);
      const deferred = deferWeightGrads(c, [{ dW, R, C }], steps * B);
      for (const { h, dA } of rows) accumulateDenseGrads(c, dW, dbs, R, C, h, B, dA);
      expect(dW).toEqual(dW0); // nothing added until flush
      deferred.flush();
      expect(dbs).toEqual(db);
      return dW;
    });
    expect(js).toEqual(want);
    expect(wasm).toEqual(want);
  });
});

function model(
  cell: CellKind,
  L: number,
  head: 'softmax' | 'linear',
  H: number,
  V: number,
  bidirectional = false,
  compute: Compute = plain(),
) {
  return createModel(
    {
      cell,
      nonlinearity: 'tanh',
      hiddenSize: H,
      numLayers: L,
      bidirectional,
      input: head === 'softmax' ? 'onehot' : 'dense',
      inputSize: head === 'softmax' ? V : 3,
      outputSize: V,
      head,
    },
    createRng(L * 7 + H),
    {},
    compute,
  );
}

function everyGradient(m: Model, batch: Batch) {
  const grads = zeroGrads(m);
  const { loss, back } = lossAndGradients(m, grads, batch, null);
  return { loss, grads: namedTensors(grads).map((t) => t.data), dLdh: back.dLdh.flat() };
}

const cells: CellKind[] = ['rnn', 'lstm', 'gru'];

describe('whole passes: the same loss and gradients with and without the kernel', () => {
  describe.each(cells)('%s', (cell) => {
    it.each([
      [1, 'softmax', 16, 4, 6, false],
      [2, 'softmax', 37, 3, 9, false],
      [2, 'linear', 20, 5, 4, false],
      [2, 'softmax', 19, 3, 7, true],
      [1, 'linear', 16, 2, 5, true],
    ] as const)(
      '%i layer(s), %s head, H = %i, B = %i, T = %i, both ways: %s',
      (L, head, H, B, T, bi) => {
        const V = 11;
        const m = model(cell, L, head, H, V, bi);
        const rng = createRng(H + T);
        const batch = head === 'softmax' ? charBatch(rng, T, B, V) : denseBatch(rng, T, B, 3, V);
        const js = everyGradient(m, batch);
        const wasm = everyGradient(withCompute(m, withKernel()), batch);
        expect(wasm).toEqual(js);
      },
    );
  });

  it('large enough to grow the kernel memory mid-pass', () => {
    const m = model('lstm', 2, 'softmax', 200, 40);
    const batch = charBatch(createRng(1), 12, 8, 40);
    const js = everyGradient(m, batch);
    const wasm = everyGradient(withCompute(m, withKernel()), batch);
    // Compared as one array: toEqual on a million elements one by one is slow.
    const flat = (r: typeof js) => Float64Array.from([r.loss, ...r.grads.flatMap((g) => [...g])]);
    const [a, b] = [flat(js), flat(wasm)];
    expect(b.findIndex((v, k) => v !== a[k])).toBe(-1);
  });

  it('sees weights that changed between passes (nothing stale is kept)', () => {
    const m = model('gru', 1, 'softmax', 8, 5, false, withKernel());
    const batch = charBatch(createRng(2), 4, 2, 5);
    const before = forwardModel(m, batch, null).loss;
    m.layers[0]!.Whh[3]! += 0.5;
    const after = forwardModel(m, batch, null).loss;
    expect(after).not.toBe(before);
    expect(forwardModel(withCompute(m, plain()), batch, null).loss).toBe(after);
  });

  it('trains identically over many steps (Adam, clipping, carried state)', () => {
    const ids = new Int32Array(3000).map((_, k) => (k * 7 + (k >> 3)) % 13);
    const run = (compute: Compute) => {
      const m = model('lstm', 1, 'softmax', 24, 13, false, compute);
      const trainer = createTrainer(
        m,
        charSource(ids, 4, 10),
        { kind: 'adam', lr: 1e-2 },
        { mode: 'norm', threshold: 1 },
      );
      return Array.from({ length: 30 }, () => trainer.step().loss);
    };
    const js = run(plain());
    const wasm = run(withKernel());
    expect(wasm).toEqual(js);
  });
});

describe('compiling', () => {
  it('leaves what does not fit in its memory budget to the plain-JS path, with the same results', () => {
    const m = model('lstm', 2, 'softmax', 48, 20);
    const batch = charBatch(createRng(6), 8, 3, 20);
    const js = everyGradient(m, batch);
    // 150 KB: room for some operands (the head, the input layer's products) but not for all.
    const small = createKernel(bytes, { maxMemoryBytes: 150_000 });
    expect(small).not.toBeNull();
    const wasm = everyGradient(withCompute(m, createCompute(small)), batch);
    expect(wasm).toEqual(js);
  });

  it('refuses bytes that are not the kernel, and the engine keeps working', () => {
    const none = createKernel(new Uint8Array([0, 1, 2, 3]));
    expect(none).toBeNull();
    const m = model('rnn', 1, 'softmax', 4, 5, false, createCompute(none));
    expect(Number.isFinite(forwardModel(m, charBatch(createRng(3), 3, 2, 5), null).loss)).toBe(
      true,
    );
  });
});

describe.each(cells)('gradient check with the kernel: %s', (cell) => {
  it.each([1, 2])('%i layer(s), both heads: every parameter', (L) => {
    for (const head of ['softmax', 'linear'] as const) {
      const V = 4;
      const m = model(cell, L, head, 3, V, false, withKernel());
      for (const t of namedTensors(m)) for (let k = 0; k < t.data.length; k++) t.data[k]! *= 2.5;
      const rng = createRng(11);
      const batch = head === 'softmax' ? charBatch(rng, 4, 3, V) : denseBatch(rng, 4, 3, 3, V);
      const grads = zeroGrads(m);
      lossAndGradients(m, grads, batch, null);
      const loss = () => forwardModel(m, batch, null).loss;
      const analytic = namedTensors(grads);
      namedTensors(m).forEach((t, i) => {
        for (let k = 0; k < t.data.length; k++) {
          expectClose(analytic[i]!.data[k]!, centralDiff(t.data, k, loss), `${t.name}[${k}]`);
        }
      });
    }
  });
});
