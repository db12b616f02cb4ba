// The backward pass stopped at a timestep (src/engine/backwardTrace.ts): at each step the two
// arrivals of dL/dh_t add up to the total the trace shows; each step's contribution is the
// difference of the running sums; at each direction's last step the sums are the gradient the
// optimizer receives (the training path's, bit for bit); and one weight's gradient matches
// its central difference (src/engine/gradCheck.ts).
import { describe, expect, it } from 'vitest';
import { backwardAt } from '../../src/engine/backwardTrace.ts';
import type { CellKind } from '../../src/engine/cell.ts';
import { finiteDifference } from '../../src/engine/gradCheck.ts';
import { namedTensors } from '../../src/engine/model.ts';
import { lossAndGradients, zeroGrads } from '../../src/engine/network.ts';
import { createRng } from '../../src/engine/rng.ts';
import { traceSequence } from '../../src/engine/trace.ts';
import { charBatch, denseBatch, smallModel } from './helpers.ts';

const KEYS = ['Wih', 'Whh', 'bih', 'bhh'] as const;

describe('backwardAt', () => {
  it.each<[CellKind, boolean]>([
    ['rnn', false],
    ['lstm', false],
    ['gru', false],
    ['lstm', true],
    ['gru', true],
  ])('%s (bidirectional %s), two layers: arrivals, contributions and sums', (cell, bi) => {
    const m = smallModel(cell, { H: 4, L: 2, V: 6, seed: 3, bidirectional: bi });
    const batch = charBatch(createRng(9), 7, 1, 6);
    const grads = zeroGrads(m);
    lossAndGradients(m, grads, batch, null);
    const trace = traceSequence(
      m,
      batch.input.kind === 'onehot' ? batch.input.ids : new Int32Array(),
      batch.targets,
    );
    const D = bi ? 2 : 1;
    const at = Array.from({ length: 7 }, (_, t) => backwardAt(m, batch, t));
    for (let k = 0; k < 2 * D; k++) {
      const forward = k % D === 0;
      for (let t = 0; t < 7; t++) {
        const s = at[t]!.layers[k]!;
        s.dh.forEach((v, j) => expect(v).toBe(s.fromOutput[j]! + s.fromNext[j]!));
        expect(Array.from(s.dh)).toEqual(Array.from(trace.dLdh[k]![t]!));
        // The step before this one in the direction's order (forward layers run from T − 1 down).
        const prev = forward ? t + 1 : t - 1;
        if (prev >= 0 && prev < 7) {
          const before = at[prev]!.layers[k]!.sum;
          for (const key of KEYS)
            s.step[key].forEach((v, j) =>
              expect(v).toBeCloseTo(s.sum[key][j]! - before[key][j]!, 12),
            );
        }
      }
      // The direction's last step: the sums are the optimizer's gradient, bit for bit (the
      // engine's reference path; the WebAssembly kernel may sum in another order).
      const last = at[forward ? 0 : 6]!.layers[k]!;
      for (const key of KEYS)
        expect(Array.from(last.sum[key])).toEqual(Array.from(grads.layers[k]![key]));
      // Its first step has nothing from the future.
      expect(at[forward ? 6 : 0]!.layers[k]!.fromNext.every((v) => v === 0)).toBe(true);
    }
    expect(at[3]!.loss).toBe(trace.loss);
  });

  it('on a real-valued series model too', () => {
    const m = smallModel('lstm', { H: 3, L: 1, head: 'linear', I: 1, V: 1, seed: 5 });
    const batch = denseBatch(createRng(2), 6, 1, 1, 1);
    const grads = zeroGrads(m);
    lossAndGradients(m, grads, batch, null);
    const sum = backwardAt(m, batch, 0).layers[0]!.sum;
    for (const key of KEYS) expect(Array.from(sum[key])).toEqual(Array.from(grads.layers[0]![key]));
  });

  it.each<[CellKind, boolean]>([
    ['lstm', false],
    ['gru', false],
    ['gru', true],
  ])(
    '%s (bidirectional %s): the cell-state and direct paths, and the norms of every step',
    (cell, bi) => {
      const m = smallModel(cell, { H: 5, L: 1, V: 6, seed: 11, bidirectional: bi });
      const batch = charBatch(createRng(5), 6, 1, 6);
      const ids = batch.input.kind === 'onehot' ? batch.input.ids : new Int32Array();
      const trace = traceSequence(m, ids, batch.targets);
      const at = Array.from({ length: 6 }, (_, t) => backwardAt(m, batch, t));
      const D = bi ? 2 : 1;
      for (let k = 0; k < D; k++) {
        const forward = k === 0;
        for (let t = 0; t < 6; t++) {
          const s = at[t]!.layers[k]!;
          // The step after this one in the direction's own order.
          const next = forward ? t + 1 : t - 1;
          const later = next >= 0 && next < 6 ? at[next]!.layers[k]! : null;
          const named = later === null ? null : trace.named[k]![next]!;
          for (let j = 0; j < 5; j++) {
            if (cell === 'lstm') {
              // f_{t+1} ⊙ dL/dc_{t+1}, zero past the end; dc_t adds the path through h_t.
              const carried = later === null ? 0 : named!['f']![j]! * later.dc![j]!;
              expect(s.dcFromNext![j]).toBeCloseTo(carried, 14);
              const own = trace.named[k]![t]!;
              const tanhC = Math.tanh(own['c']![j]!);
              expect(s.dc![j]).toBeCloseTo(
                carried + s.dh[j]! * own['o']![j]! * (1 - tanhC * tanhC),
                14,
              );
              expect(s.fromNextDirect).toBeNull();
            } else {
              // z_{t+1} ⊙ dL/dh_{t+1}, part of what arrives from the next step.
              const direct = later === null ? 0 : named!['z']![j]! * later.dh[j]!;
              expect(s.fromNextDirect![j]).toBeCloseTo(direct, 14);
              expect(s.dcFromNext).toBeNull();
            }
          }
          // Every answer carries the norms of the whole pass, the same at every t.
          const norms = at[0]!.layers[k]!.norms;
          expect(s.norms.dh[t]).toBeCloseTo(Math.hypot(...s.dh), 14);
          expect(norms.dh[t]).toBe(s.norms.dh[t]);
          expect(norms.dWhh[t]).toBeCloseTo(Math.hypot(...s.step.Whh), 14);
          if (cell === 'lstm') expect(norms.dc![t]).toBeCloseTo(Math.hypot(...s.dc!), 14);
          else expect(norms.dc).toBeNull();
        }
      }
    },
  );

  it('refuses a step outside the sequence and a batch of several streams', () => {
    const m = smallModel('gru', { H: 3, V: 4 });
    expect(() => backwardAt(m, charBatch(createRng(1), 5, 1, 4), 5)).toThrow(/no step 5/);
    expect(() => backwardAt(m, charBatch(createRng(1), 5, 2, 4), 0)).toThrow(/one sequence/);
  });
});

describe('finiteDifference', () => {
  it('matches the backward pass’s gradient of a chosen weight to 1e-6, and leaves it as it was', () => {
    const m = smallModel('lstm', { H: 4, L: 2, V: 6, seed: 7 });
    const batch = charBatch(createRng(4), 8, 1, 6);
    const grads = zeroGrads(m);
    lossAndGradients(m, grads, batch, null);
    const byName = new Map(namedTensors(grads).map((t) => [t.name, t.data]));
    for (const [tensor, index] of [
      ['rnn.weight_hh_l0', 5],
      ['rnn.weight_ih_l1', 11],
      ['rnn.bias_hh_l1', 2],
      ['decoder.weight', 3],
    ] as const) {
      const w = namedTensors(m).find((t) => t.name === tensor)!.data[index];
      const fd = finiteDifference(m, batch, tensor, index);
      const engine = byName.get(tensor)![index]!;
      expect(Math.abs(fd.estimate - engine)).toBeLessThan(1e-6 * Math.max(1, Math.abs(engine)));
      expect(namedTensors(m).find((t) => t.name === tensor)!.data[index]).toBe(w);
    }
    expect(() => finiteDifference(m, batch, 'rnn.weight_xx', 0)).toThrow(/no tensor/);
    expect(() => finiteDifference(m, batch, 'rnn.bias_ih_l0', 999)).toThrow(/no entry 999/);
  });
});
