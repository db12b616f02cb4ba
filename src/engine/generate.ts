// Text generation from a character model: read the prime text (warming up the state), then
// repeatedly sample x_{t+1} ~ softmax(y_t / τ) (or greedy, or top-k) and feed it back in.

import type { StackState } from './bptt.ts';
import { finalState } from './bptt.ts';
import type { Model } from './model.ts';
import { forwardModel } from './network.ts';
import { Problem } from './problem.ts';
import type { Rng } from './rng.ts';
import { sampleIndex, type SampleOptions } from './sample.ts';

/**
 * Generates `length` ids after `prime` (ids, each in [0, V)). With an empty prime the first
 * character is sampled from the output of a zero input from a zero state.
 */
export function generateIds(
  m: Model,
  prime: Int32Array,
  length: number,
  opts: SampleOptions,
  rng: Rng,
): Int32Array {
  const c = m.config;
  if (c.head !== 'softmax' || c.input !== 'onehot' || c.inputSize !== c.outputSize)
    throw new Problem('generate.notCharModel');
  if (c.bidirectional) throw new Problem('generate.bidirectional');
  if (!Number.isInteger(length) || length < 0)
    throw new Problem('generate.length', { length: String(length) });
  const V = m.config.outputSize;
  const out = new Int32Array(length);
  let state: StackState | null = null;
  let logits: Float64Array;
  const run = (ids: Int32Array): Float64Array => {
    const pass = forwardModel(
      m,
      {
        T: ids.length,
        B: 1,
        input: { kind: 'onehot', ids },
        targets: new Int32Array(ids.length).fill(-1),
      },
      state,
    );
    state = finalState(pass.stack);
    return pass.outputs[ids.length - 1]!;
  };
  logits = run(prime.length > 0 ? prime : Int32Array.of(-1));
  const scratch = new Float64Array(V);
  const one = new Int32Array(1);
  for (let k = 0; k < length; k++) {
    const next = sampleIndex(logits, 0, V, opts, rng, scratch);
    out[k] = next;
    if (k + 1 < length) {
      one[0] = next;
      logits = run(one);
    }
  }
  return out;
}

/**
 * Free-running continuation of a real-valued sequence by a model whose output is its next input
 * (linear head, O = I, forward only): read `prime` [T·I] from a zero state, then feed each
 * prediction ŷ_t back as x_{t+1}. Returns `length` steps [length·I].
 */
export function generateValues(m: Model, prime: Float64Array, length: number): Float64Array {
  const c = m.config;
  if (c.input !== 'dense' || c.head !== 'linear' || c.inputSize !== c.outputSize)
    throw new Problem('generate.notOwnInput');
  if (c.bidirectional) throw new Problem('generate.bidirectional');
  if (!Number.isInteger(length) || length < 0)
    throw new Problem('generate.length', { length: String(length) });
  const I = c.inputSize;
  if (prime.length === 0 || prime.length % I !== 0)
    throw new Problem('generate.startValues', { size: I });
  const out = new Float64Array(length * I);
  let state: StackState | null = null;
  const run = (x: Float64Array): Float64Array => {
    const T = x.length / I;
    const pass = forwardModel(
      m,
      { T, B: 1, input: { kind: 'dense', x }, targets: new Float64Array(T * I) },
      state,
    );
    state = finalState(pass.stack);
    return pass.outputs[T - 1]!;
  };
  let y = run(prime);
  for (let k = 0; k < length; k++) {
    out.set(y.subarray(0, I), k * I);
    if (k + 1 < length) y = run(y.slice(0, I));
  }
  return out;
}
