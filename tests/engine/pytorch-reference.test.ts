// The engine against real PyTorch: small nn.RNN / nn.LSTM / nn.GRU models, stacked, bidirectional
// or not, with a softmax (cross-entropy) or linear (MSELoss) head, run in float64 by
// scripts/pytorch_fixtures.py (PyTorch 2.13). Same weights, same inputs: the engine must give the
// same outputs, final states, loss and every parameter gradient, up to rounding.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { finalState, layerOutput } from '../../src/engine/bptt.ts';
import type { CellKind } from '../../src/engine/cell.ts';
import { allocateModel, namedTensors } from '../../src/engine/model.ts';
import { lossAndGradients, zeroGrads, type Batch } from '../../src/engine/network.ts';

interface Case {
  name: string;
  cell: CellKind;
  numLayers: number;
  bidirectional: boolean;
  input: 'onehot' | 'dense';
  inputSize: number;
  head: 'softmax' | 'linear';
  outputSize: number;
  tensors: Record<string, { shape: number[]; data: number[] }>;
  inputs: number[];
  targets: number[];
  output: number[];
  logits: number[];
  h_n: number[];
  loss: number;
  grads: Record<string, number[]>;
}

const fixture = JSON.parse(
  readFileSync(new URL('./fixtures/pytorch.json', import.meta.url), 'utf8'),
) as { T: number; B: number; H: number; torch: string; cases: Case[] };
const { T, B, H } = fixture;

/** |a − b| ≤ 1e-12 + 1e-9·|b| elementwise: float64 on both sides, other summation orders. */
function expectNear(actual: ArrayLike<number>, expected: readonly number[], what: string): void {
  expect(actual.length, what).toBe(expected.length);
  for (let k = 0; k < expected.length; k++) {
    const a = actual[k]!;
    const e = expected[k]!;
    if (!(Math.abs(a - e) <= 1e-12 + 1e-9 * Math.abs(e))) {
      throw new Error(`${what}[${k}]: engine ${a}, PyTorch ${e}`);
    }
  }
}

describe(`the engine against PyTorch ${fixture.torch}`, () => {
  it('the fixture covers bidirectional and stacked layers, both heads and every cell', () => {
    const cases = fixture.cases;
    expect(new Set(cases.map((c) => c.cell))).toEqual(new Set(['rnn', 'lstm', 'gru']));
    expect(cases.some((c) => c.bidirectional && c.numLayers === 2)).toBe(true);
    expect(new Set(cases.map((c) => c.head))).toEqual(new Set(['softmax', 'linear']));
  });

  it.each(fixture.cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const model = allocateModel({
      cell: c.cell,
      nonlinearity: 'tanh',
      hiddenSize: H,
      numLayers: c.numLayers,
      bidirectional: c.bidirectional,
      input: c.input,
      inputSize: c.inputSize,
      outputSize: c.outputSize,
      head: c.head,
    });
    const tensors = namedTensors(model);
    // PyTorch's state_dict order and names, exactly.
    expect(tensors.map((t) => t.name)).toEqual(Object.keys(c.tensors));
    for (const t of tensors) {
      expect(t.shape, t.name).toEqual(c.tensors[t.name]!.shape);
      t.data.set(c.tensors[t.name]!.data);
    }
    const batch: Batch = {
      T,
      B,
      input:
        c.input === 'onehot'
          ? { kind: 'onehot', ids: Int32Array.from(c.inputs) }
          : { kind: 'dense', x: Float64Array.from(c.inputs) },
      targets: c.head === 'softmax' ? Int32Array.from(c.targets) : Float64Array.from(c.targets),
    };
    const grads = zeroGrads(model);
    const { loss, pass } = lossAndGradients(model, grads, batch, null);
    const L = c.numLayers;
    const top = Array.from({ length: T }, (_, t) => [...layerOutput(pass.stack, L - 1, t)]).flat();
    expectNear(top, c.output, 'output of the top layer');
    expectNear(
      pass.outputs.flatMap((y) => [...y]),
      c.logits,
      'head outputs',
    );
    expectNear(
      finalState(pass.stack).h.flatMap((h) => [...h]),
      c.h_n,
      'h_n',
    );
    expectNear([loss], [c.loss], 'loss');
    for (const g of namedTensors(grads)) expectNear(g.data, c.grads[g.name]!, `d${g.name}`);
  });
});
