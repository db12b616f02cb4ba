// The encoder–decoder (src/engine/seq2seq): every gradient of every attention variant and cell
// against central differences, through the softmax over source positions and the encoder; the
// attention weights as a distribution; a single source position and equal scores; the baseline
// without attention equal to the engine's own time loop run as a plain encoder–decoder; greedy
// decoding against the teacher-forced pass.
import { describe, expect, it } from 'vitest';
import { forwardStack } from '../../../src/engine/bptt.ts';
import type { CellKind } from '../../../src/engine/cell.ts';
import { createRng } from '../../../src/engine/rng.ts';
import {
  createSeq2Seq,
  seq2seqTensors,
  zeroSeq2SeqGrads,
  type AttentionKind,
  type Seq2SeqConfig,
  type Seq2SeqModel,
} from '../../../src/engine/seq2seq/model.ts';
import {
  decodeGreedy,
  forwardSeq2Seq,
  seq2seqLossAndGradients,
  type Seq2SeqBatch,
} from '../../../src/engine/seq2seq/network.ts';

const V_IN = 5;
const V_OUT = 4;

function model(cell: CellKind, attention: AttentionKind, bidirectional: boolean, seed = 3) {
  const config: Seq2SeqConfig = {
    cell,
    hiddenSize: 3,
    bidirectional,
    attention,
    attentionSize: 4,
    inputSize: V_IN,
    outputSize: V_OUT,
  };
  return createSeq2Seq(config, createRng(seed));
}

/** Two streams, source length 4; the second target is one shorter (padded). */
function batch(): Seq2SeqBatch {
  const rng = createRng(17);
  const B = 2;
  const S = 4;
  const T = 4;
  const src = Int32Array.from({ length: S * B }, () => rng.int(V_IN));
  const tgt = new Int32Array(T * B);
  for (let t = 0; t < T; t++) for (let b = 0; b < B; b++) tgt[t * B + b] = 1 + rng.int(V_OUT - 1);
  tgt[(T - 1) * B] = 0; // stream 0 ends with the end mark
  tgt[(T - 2) * B + 1] = 0; // stream 1 ends a step earlier
  tgt[(T - 1) * B + 1] = -1; // and is padded
  return { B, S, src, T, tgt };
}

/** The largest error of every gradient against (L(w + ε) − L(w − ε)) / 2ε, relative to its size. */
function worstError(m: Seq2SeqModel, b: Seq2SeqBatch): { name: string; error: number } {
  const grads = zeroSeq2SeqGrads(m);
  seq2seqLossAndGradients(m, grads, b);
  const analytic = new Map(seq2seqTensors(grads).map((t) => [t.name, t.data]));
  let worst = { name: '', error: 0 };
  const eps = 1e-5;
  for (const t of seq2seqTensors(m)) {
    for (let k = 0; k < t.data.length; k++) {
      const w = t.data[k]!;
      t.data[k] = w + eps;
      const plus = forwardSeq2Seq(m, b).loss;
      t.data[k] = w - eps;
      const minus = forwardSeq2Seq(m, b).loss;
      t.data[k] = w;
      const fd = (plus - minus) / (2 * eps);
      const g = analytic.get(t.name)![k]!;
      const error = Math.abs(fd - g) / Math.max(1e-3, Math.abs(fd) + Math.abs(g));
      if (error > worst.error) worst = { name: `${t.name}[${String(k)}]`, error };
    }
  }
  return worst;
}

const VARIANTS: [CellKind, AttentionKind, boolean][] = [];
for (const cell of ['rnn', 'lstm', 'gru'] as const)
  for (const attention of ['none', 'additive', 'general', 'dot'] as const)
    for (const bi of [false, true])
      if (!(attention === 'dot' && bi)) VARIANTS.push([cell, attention, bi]);

describe('encoder–decoder gradients', () => {
  it.each(VARIANTS)(
    '%s, %s attention, bidirectional %s: every gradient by finite differences',
    (cell, attention, bi) => {
      const m = model(cell, attention, bi);
      const b = batch();
      // Every tensor takes part: none of them has an all-zero gradient.
      const grads = zeroSeq2SeqGrads(m);
      seq2seqLossAndGradients(m, grads, b);
      for (const t of seq2seqTensors(grads))
        expect(
          t.data.some((v) => v !== 0),
          `${t.name} has a gradient`,
        ).toBe(true);
      const { name, error } = worstError(m, b);
      expect(error, name).toBeLessThan(1e-6);
    },
  );
});

describe('attention weights', () => {
  it.each(['additive', 'general', 'dot'] as const)(
    '%s: each row is a distribution over the source',
    (attention) => {
      const pass = forwardSeq2Seq(model('gru', attention, false), batch());
      for (const step of pass.steps) {
        const alpha = step.alpha!;
        for (let b = 0; b < 2; b++) {
          const row = Array.from(alpha.subarray(b * 4, b * 4 + 4));
          expect(row.every((a) => a >= 0)).toBe(true);
          expect(row.reduce((x, y) => x + y, 0)).toBeCloseTo(1, 14);
        }
      }
    },
  );

  it('one source position: α = 1 and c_t = h_1', () => {
    const m = model('lstm', 'general', true);
    const pass = forwardSeq2Seq(m, {
      B: 1,
      S: 1,
      src: Int32Array.of(2),
      T: 2,
      tgt: Int32Array.of(3, 0),
    });
    for (const step of pass.steps) {
      expect(step.alpha![0]).toBe(1);
      expect(Array.from(step.ctx!)).toEqual(Array.from(pass.run.hs[0]!));
    }
  });

  it('equal scores: c_t is the mean of the h_s', () => {
    const m = model('gru', 'additive', false);
    m.attn.v!.fill(0); // every e_{t,s} = 0
    const pass = forwardSeq2Seq(m, batch());
    const ctx = pass.steps[1]!.ctx!;
    for (let j = 0; j < 3; j++) {
      const mean = pass.run.hs.reduce((acc, h) => acc + h[3 + j]!, 0) / 4; // stream 1
      expect(ctx[3 + j]).toBeCloseTo(mean, 14);
    }
  });
});

describe('the baseline without attention', () => {
  it.each(['rnn', 'lstm', 'gru'] as const)(
    '%s: the same loss as the engine’s own time loop run as encoder then decoder',
    (cell) => {
      const m = model(cell, 'none', false, 8);
      const b = batch();
      const { B, S, T, src, tgt } = b;
      const stack = (layers: typeof m.encoder, inputSize: number) => ({
        cell: m.cell,
        layers,
        directions: 1 as const,
        inputSize,
        hiddenSize: 3,
        compute: m.compute,
      });
      const enc = forwardStack(stack(m.encoder, V_IN), { kind: 'onehot', ids: src }, S, B, null);
      const last = enc.caches[0]![S - 1]!;
      const yPrev = new Int32Array(T * B);
      for (let t = 1; t < T; t++)
        for (let k = 0; k < B; k++) yPrev[t * B + k] = Math.max(0, tgt[(t - 1) * B + k]!);
      const dec = forwardStack(stack([m.decoder], V_OUT), { kind: 'onehot', ids: yPrev }, T, B, {
        h: [last.h],
        c: last.c ? [last.c] : null,
      });
      let total = 0;
      let count = 0;
      for (let t = 0; t < T; t++)
        for (let k = 0; k < B; k++) {
          const y = tgt[t * B + k]!;
          if (y < 0) continue;
          const h = dec.caches[0]![t]!.h.subarray(k * 3, k * 3 + 3);
          const logits = Array.from(
            { length: V_OUT },
            (_, v) => m.out.b[v]! + [0, 1, 2].reduce((a, j) => a + m.out.W[v * 3 + j]! * h[j]!, 0),
          );
          const max = Math.max(...logits);
          const z = logits.reduce((a, l) => a + Math.exp(l - max), 0);
          total -= logits[y]! - max - Math.log(z);
          count += 1;
        }
      expect(forwardSeq2Seq(m, b).loss).toBeCloseTo(total / count, 13);
    },
  );
});

describe('greedy decoding', () => {
  it('its first step is the teacher-forced first step; it stops at the end mark or the limit', () => {
    const m = model('gru', 'additive', true);
    const b = batch();
    const src = Int32Array.from({ length: 4 }, (_, s) => b.src[s * 2]!);
    const one = forwardSeq2Seq(m, { B: 1, S: 4, src, T: 1, tgt: Int32Array.of(0) });
    const decoded = decodeGreedy(m, src, 6);
    expect(Array.from(decoded.p[0]!)).toEqual(Array.from(one.steps[0]!.p));
    expect(Array.from(decoded.alpha[0]!)).toEqual(Array.from(one.steps[0]!.alpha!));
    expect(decoded.output.length).toBeLessThanOrEqual(6);
    expect(decoded.output.every((y) => y > 0)).toBe(true);
    // The end mark: forcing it most likely everywhere ends the output at once.
    m.out.b.fill(0);
    m.out.b[0] = 100;
    expect(decodeGreedy(m, src, 6).output).toEqual([]);
  });
});
