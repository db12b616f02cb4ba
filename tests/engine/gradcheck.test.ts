// Finite-difference checks of every gradient the engine computes: all parameters, the initial
// state, and the total dL/dh_t, for each cell, 1 and 2 layers, batch > 1, both heads.
import { describe, expect, it } from 'vitest';
import { zeroState, type StackState } from '../../src/engine/bptt.ts';
import type { CellKind, Nonlinearity } from '../../src/engine/cell.ts';
import { namedTensors } from '../../src/engine/model.ts';
import { forwardModel, lossAndGradients, zeroGrads } from '../../src/engine/network.ts';
import { createRng } from '../../src/engine/rng.ts';
import { centralDiff, charBatch, denseBatch, expectClose, smallModel } from './helpers.ts';

const cases: { cell: CellKind; nonlinearity?: Nonlinearity }[] = [
  { cell: 'rnn', nonlinearity: 'tanh' },
  { cell: 'rnn', nonlinearity: 'relu' },
  { cell: 'rnn', nonlinearity: 'sigmoid' },
  { cell: 'lstm' },
  { cell: 'gru' },
];

function randomState(L: number, B: number, H: number, withCell: boolean, seed: number): StackState {
  const rng = createRng(seed);
  const s = zeroState(L, B, H, withCell);
  for (const a of [...s.h, ...(s.c ?? [])])
    for (let k = 0; k < a.length; k++) a[k] = rng.uniform(-0.8, 0.8);
  return s;
}

describe.each(cases)('gradient check: $cell $nonlinearity', ({ cell, nonlinearity }) => {
  describe.each([1, 2])('%i layer(s)', (L) => {
    it.each(['softmax', 'linear'] as const)(
      '%s head: every parameter and the initial state',
      (head) => {
        const H = 3;
        const V = 4;
        const B = 3;
        const T = 4;
        const m = smallModel(cell, {
          H,
          L,
          V,
          head,
          I: 2,
          seed: 7,
          ...(nonlinearity ? { nonlinearity } : {}),
        });
        // Move weights away from the default scale so gates are not all near 0.5.
        for (const t of namedTensors(m)) for (let k = 0; k < t.data.length; k++) t.data[k]! *= 2.5;
        const rng = createRng(11);
        const batch = head === 'softmax' ? charBatch(rng, T, B, V) : denseBatch(rng, T, B, 2, V);
        const init = randomState(L, B, H, cell === 'lstm', 3);
        const grads = zeroGrads(m);
        const { back } = lossAndGradients(m, grads, batch, init);
        const loss = () => forwardModel(m, batch, init).loss;
        const analytic = namedTensors(grads);
        let checked = 0;
        namedTensors(m).forEach((t, i) => {
          for (let k = 0; k < t.data.length; k++) {
            expectClose(analytic[i]!.data[k]!, centralDiff(t.data, k, loss), `${t.name}[${k}]`);
            checked++;
          }
        });
        expect(checked).toBe(namedTensors(m).reduce((s, t) => s + t.data.length, 0));
        for (let l = 0; l < L; l++) {
          for (let k = 0; k < B * H; k++) {
            expectClose(
              back.dInitial.h[l]![k]!,
              centralDiff(init.h[l]!, k, loss),
              `dh0[${l}][${k}]`,
            );
            if (init.c)
              expectClose(
                back.dInitial.c![l]![k]!,
                centralDiff(init.c[l]!, k, loss),
                `dc0[${l}][${k}]`,
              );
          }
        }
      },
    );

    it('total dL/dh_t at every layer and step', () => {
      const H = 3;
      const V = 4;
      const B = 2;
      const T = 4;
      const m = smallModel(cell, { H, L, V, seed: 5, ...(nonlinearity ? { nonlinearity } : {}) });
      const batch = charBatch(createRng(2), T, B, V);
      const { back } = lossAndGradients(m, zeroGrads(m), batch, null);
      for (let l = 0; l < L; l++) {
        for (let t = 0; t < T; t++) {
          for (let k = 0; k < B * H; k++) {
            // Perturb h_t of layer l right after it is computed, before anything reads it.
            const delta = (eps: number) =>
              forwardModel(m, batch, null, (ll, tt, cache) => {
                if (ll === l && tt === t) cache.h[k]! += eps;
              }).loss;
            const numeric = (delta(1e-6) - delta(-1e-6)) / 2e-6;
            expectClose(back.dLdh[l]![t]![k]!, numeric, `dL/dh[${l}][${t}][${k}]`);
          }
        }
      }
    });
  });
});

// Bidirectional layers: the reverse direction reads the sequence backwards, the layer's output is
// [h→_t; h←_t], and the next layer (or the head) reads both halves.
describe.each(cases)('gradient check, both ways: $cell $nonlinearity', ({ cell, nonlinearity }) => {
  describe.each([1, 2])('%i layer(s)', (L) => {
    it.each(['softmax', 'linear'] as const)(
      '%s head: every parameter, both directions, and the initial states',
      (head) => {
        const H = 3;
        const V = 4;
        const B = 2;
        const T = 4;
        const m = smallModel(cell, {
          H,
          L,
          V,
          head,
          I: 2,
          seed: 17,
          bidirectional: true,
          ...(nonlinearity ? { nonlinearity } : {}),
        });
        expect(m.layers).toHaveLength(2 * L);
        for (const t of namedTensors(m)) for (let k = 0; k < t.data.length; k++) t.data[k]! *= 2.5;
        const rng = createRng(21);
        const batch = head === 'softmax' ? charBatch(rng, T, B, V) : denseBatch(rng, T, B, 2, V);
        const init = randomState(2 * L, B, H, cell === 'lstm', 4);
        const grads = zeroGrads(m);
        const { back } = lossAndGradients(m, grads, batch, init);
        const loss = () => forwardModel(m, batch, init).loss;
        const analytic = namedTensors(grads);
        const names: string[] = [];
        namedTensors(m).forEach((t, i) => {
          names.push(t.name);
          for (let k = 0; k < t.data.length; k++) {
            expectClose(analytic[i]!.data[k]!, centralDiff(t.data, k, loss), `${t.name}[${k}]`);
          }
        });
        expect(names).toContain(`rnn.weight_hh_l${L - 1}_reverse`);
        for (let k = 0; k < 2 * L; k++) {
          for (let j = 0; j < B * H; j++) {
            expectClose(back.dInitial.h[k]![j]!, centralDiff(init.h[k]!, j, loss), `dh0[${k}]`);
            if (init.c)
              expectClose(back.dInitial.c![k]![j]!, centralDiff(init.c[k]!, j, loss), `dc0[${k}]`);
          }
        }
      },
    );

    it('total dL/dh_t of each direction at every layer and step', () => {
      const H = 2;
      const V = 4;
      const B = 2;
      const T = 3;
      const m = smallModel(cell, {
        H,
        L,
        V,
        seed: 8,
        bidirectional: true,
        ...(nonlinearity ? { nonlinearity } : {}),
      });
      const batch = charBatch(createRng(5), T, B, V);
      const { back } = lossAndGradients(m, zeroGrads(m), batch, null);
      for (let k = 0; k < 2 * L; k++) {
        for (let t = 0; t < T; t++) {
          for (let j = 0; j < B * H; j++) {
            const delta = (eps: number) =>
              forwardModel(m, batch, null, (kk, tt, cache) => {
                if (kk === k && tt === t) cache.h[j]! += eps;
              }).loss;
            const numeric = (delta(1e-6) - delta(-1e-6)) / 2e-6;
            expectClose(back.dLdh[k]![t]![j]!, numeric, `dL/dh[${k}][${t}][${j}]`);
          }
        }
      }
    });
  });
});

describe('a bidirectional layer', () => {
  it('runs its reverse direction from the last step: h←_t depends only on x_t … x_T', () => {
    const m = smallModel('gru', { H: 3, V: 5, bidirectional: true, seed: 3 });
    const ids = Int32Array.from([1, 2, 3, 4]);
    const targets = Int32Array.from([0, 0, 0, 0]);
    const run = (input: Int32Array) =>
      forwardModel(m, { T: 4, B: 1, input: { kind: 'onehot', ids: input }, targets }, null);
    const a = run(ids);
    const b = run(Int32Array.from([1, 2, 3, 0])); // only x_4 differs
    // forward direction: h→_1…h→_3 unchanged; reverse: every h←_t changes (it read x_4 first)
    for (let t = 0; t < 3; t++) expect(b.stack.caches[0]![t]!.h).toEqual(a.stack.caches[0]![t]!.h);
    for (let t = 0; t < 4; t++)
      expect(b.stack.caches[1]![t]!.h).not.toEqual(a.stack.caches[1]![t]!.h);
    // the output the head reads is [h→_t; h←_t]
    const out = a.stack.outputs![0]![2]!;
    expect([...out]).toEqual([...a.stack.caches[0]![2]!.h, ...a.stack.caches[1]![2]!.h]);
  });

  it('names its parameters as PyTorch does, the reverse direction after the forward one', () => {
    const m = smallModel('lstm', { H: 2, L: 2, V: 3, bidirectional: true });
    expect(namedTensors(m).map((t) => `${t.name} ${t.shape.join('x')}`)).toEqual([
      'rnn.weight_ih_l0 8x3',
      'rnn.weight_hh_l0 8x2',
      'rnn.bias_ih_l0 8',
      'rnn.bias_hh_l0 8',
      'rnn.weight_ih_l0_reverse 8x3',
      'rnn.weight_hh_l0_reverse 8x2',
      'rnn.bias_ih_l0_reverse 8',
      'rnn.bias_hh_l0_reverse 8',
      'rnn.weight_ih_l1 8x4',
      'rnn.weight_hh_l1 8x2',
      'rnn.bias_ih_l1 8',
      'rnn.bias_hh_l1 8',
      'rnn.weight_ih_l1_reverse 8x4',
      'rnn.weight_hh_l1_reverse 8x2',
      'rnn.bias_ih_l1_reverse 8',
      'rnn.bias_hh_l1_reverse 8',
      'decoder.weight 3x4',
      'decoder.bias 3',
    ]);
  });
});
