// Shared builders for engine tests: small random models and batches; what a call throws.
import type { CellKind, Nonlinearity } from '../../src/engine/cell.ts';
import type { Batch } from '../../src/engine/network.ts';
import { createModel, type Model } from '../../src/engine/model.ts';
import { createRng, type Rng } from '../../src/engine/rng.ts';

export function smallModel(
  cell: CellKind,
  opts: {
    H?: number;
    L?: number;
    V?: number;
    nonlinearity?: Nonlinearity;
    seed?: number;
    head?: 'softmax' | 'linear';
    I?: number;
    bidirectional?: boolean;
  } = {},
): Model {
  const V = opts.V ?? 5;
  const head = opts.head ?? 'softmax';
  return createModel(
    {
      cell,
      nonlinearity: opts.nonlinearity ?? 'tanh',
      hiddenSize: opts.H ?? 3,
      numLayers: opts.L ?? 1,
      bidirectional: opts.bidirectional ?? false,
      input: head === 'softmax' ? 'onehot' : 'dense',
      inputSize: head === 'softmax' ? V : (opts.I ?? 2),
      outputSize: V,
      head,
    },
    createRng(opts.seed ?? 1),
  );
}

export function charBatch(rng: Rng, T: number, B: number, V: number): Batch {
  const ids = new Int32Array(T * B).map(() => rng.int(V));
  const targets = new Int32Array(T * B).map(() => rng.int(V));
  return { T, B, input: { kind: 'onehot', ids }, targets };
}

export function denseBatch(rng: Rng, T: number, B: number, I: number, O: number): Batch {
  const x = new Float64Array(T * B * I).map(() => rng.normal());
  const targets = new Float64Array(T * B * O).map(() => rng.normal());
  return { T, B, input: { kind: 'dense', x }, targets };
}

/** Central difference of f at a[k]. */
export function centralDiff(a: Float64Array, k: number, f: () => number, eps = 1e-6): number {
  const old = a[k]!;
  a[k] = old + eps;
  const up = f();
  a[k] = old - eps;
  const down = f();
  a[k] = old;
  return (up - down) / (2 * eps);
}

/** |a − n| ≤ atol + rtol·max(|a|, |n|) for every element; returns the worst relative error seen. */
export function expectClose(
  analytic: number,
  numeric: number,
  what: string,
  rtol = 1e-6,
  atol = 1e-9,
): void {
  const err = Math.abs(analytic - numeric);
  if (!(err <= atol + rtol * Math.max(Math.abs(analytic), Math.abs(numeric)))) {
    throw new Error(`${what}: analytic ${analytic} vs numeric ${numeric} (error ${err})`);
  }
}

/** What `f` throws (it must throw). */
export function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error('expected a throw');
}
