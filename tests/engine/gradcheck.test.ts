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
