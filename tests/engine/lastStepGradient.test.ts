// ∂ℓ_T/∂h_t, the gradient of the last step's loss alone, against central differences: h_t is
// perturbed in the state carried into the rest of the chunk and ℓ_T recomputed.
import { describe, expect, it } from 'vitest';
import { finalState } from '../../src/engine/bptt.ts';
import type { CellKind } from '../../src/engine/cell.ts';
import { lastStepGradient, lastStepGradientNorms } from '../../src/engine/lastStepGradient.ts';
import { forwardModel, type Batch } from '../../src/engine/network.ts';
import { createRng } from '../../src/engine/rng.ts';
import { createTrainer, charSource } from '../../src/engine/trainer.ts';
import { norm2 } from '../../src/engine/tensor.ts';
import { centralDiff, charBatch, denseBatch, expectClose, smallModel } from './helpers.ts';

/** Steps [0, n) of a batch. */
function firstSteps(batch: Batch, n: number, I: number, O: number): Batch {
  const { B } = batch;
  const input =
    batch.input.kind === 'onehot'
      ? { kind: 'onehot' as const, ids: batch.input.ids.slice(0, n * B) }
      : { kind: 'dense' as const, x: batch.input.x.slice(0, n * B * I) };
  const targets =
    batch.targets instanceof Int32Array
      ? batch.targets.slice(0, n * B)
      : batch.targets.slice(0, n * B * O);
  return { T: n, B, input, targets };
}

/** Steps [from, T) of a batch. */
function tail(batch: Batch, from: number, I: number, O: number): Batch {
  const { T, B } = batch;
  const input =
    batch.input.kind === 'onehot'
      ? { kind: 'onehot' as const, ids: batch.input.ids.slice(from * B) }
      : { kind: 'dense' as const, x: batch.input.x.slice(from * B * I) };
  const targets =
    batch.targets instanceof Int32Array
      ? batch.targets.slice(from * B)
      : batch.targets.slice(from * B * O);
  return { T: T - from, B, input, targets };
}

/** ℓ_T: the mean of the last step's scored losses. */
function lastLoss(positionLoss: Float64Array, B: number): number {
  const last = Array.from(positionLoss.subarray(positionLoss.length - B)).filter(
    (v) => !Number.isNaN(v),
  );
  return last.reduce((a, b) => a + b, 0) / last.length;
}

const cases: { cell: CellKind; head: 'softmax' | 'linear'; L: number }[] = [
  { cell: 'rnn', head: 'softmax', L: 1 },
  { cell: 'lstm', head: 'softmax', L: 2 },
  { cell: 'gru', head: 'linear', L: 2 },
];

describe('lastStepGradient', () => {
  for (const { cell, head, L } of cases) {
    it(`${cell}, ${head} head, ${L} layer(s): matches central differences at every t`, () => {
      const V = 4;
      const I = 2;
      const m = smallModel(cell, { H: 3, L, V, head, I, seed: 7 });
      const rng = createRng(3);
      const T = 5;
      const B = 2;
      const batch = head === 'softmax' ? charBatch(rng, T, B, V) : denseBatch(rng, T, B, I, V);
      const pass = forwardModel(m, batch, null);
      const back = lastStepGradient(m, pass);
      const inputWidth = head === 'softmax' ? V : I;
      for (let t = 0; t < T - 1; t++) {
        // The state after step t, from which steps t+1 … T−1 run again with h_t perturbed.
        const at = finalState(forwardModel(m, firstSteps(batch, t + 1, inputWidth, V), null).stack);
        const rest = tail(batch, t + 1, inputWidth, V);
        // The top layer: its h_t reaches ℓ_T only through h_{t+1} (a lower layer's h_t also feeds
        // the layer above at step t, which the carried state does not rerun).
        {
          const l = L - 1;
          const h = at.h[l]!;
          for (let k = 0; k < h.length; k++) {
            const numeric = centralDiff(h, k, () =>
              lastLoss(forwardModel(m, rest, at).positionLoss, B),
            );
            expectClose(back.dLdh[l]![t]![k]!, numeric, `dℓ_T/dh[${l}][${t}][${k}]`, 1e-5, 1e-8);
          }
        }
      }
      const norms = lastStepGradientNorms(m, pass);
      expect(norms.length).toBe(L);
      expect(norms[0]!.length).toBe(T);
      expect(norms[L - 1]![T - 1]).toBeCloseTo(norm2(back.dLdh[L - 1]![T - 1]!), 12);
    });
  }

  it('the trainer reports it for its latest batch', () => {
    const m = smallModel('lstm', { H: 4, V: 5, seed: 2 });
    const ids = new Int32Array(400).map((_, i) => (i * 7) % 5);
    const trainer = createTrainer(
      m,
      charSource(ids, 2, 6),
      { kind: 'sgd', lr: 0.1 },
      {
        mode: 'none',
      },
    );
    expect(trainer.lastStepNorms()).toEqual([]);
    trainer.step();
    const norms = trainer.lastStepNorms();
    expect(norms.length).toBe(1);
    expect(norms[0]!.length).toBe(6);
    for (const v of norms[0]!) expect(Number.isFinite(v)).toBe(true);
  });
});
