// Training the encoder–decoder (src/engine/seq2seq/training.ts): pairs as ids with the end mark,
// batches of one source length with padded targets, the scores by greedy decoding, and a real run:
// with attention, reversal is learnt; without it, the fixed-size state holds it back.
import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/engine/rng.ts';
import { createSeq2Seq, type AttentionKind } from '../../../src/engine/seq2seq/model.ts';
import {
  batchOf,
  createSeq2SeqTrainer,
  decodeOutput,
  encodePair,
  pairSource,
  scoreSeq2Seq,
} from '../../../src/engine/seq2seq/training.ts';

const LETTERS = 'abcdefgh'.split('');
const VOCAB = { input: LETTERS, output: LETTERS };

describe('pairs and batches', () => {
  it('encodes a pair with the end mark, and refuses unknown characters and empty inputs', () => {
    const pair = encodePair('abc', 'cba', VOCAB);
    expect(Array.from(pair.src)).toEqual([0, 1, 2]);
    expect(Array.from(pair.tgt)).toEqual([3, 2, 1, 0]);
    expect(decodeOutput(Array.from(pair.tgt), VOCAB)).toBe('cba');
    expect(() => encodePair('abz', 'a', VOCAB)).toThrow(/input has “z”/);
    expect(() => encodePair('', 'a', VOCAB)).toThrow(/empty/);
    const thrown = (f: () => unknown): unknown => {
      try {
        f();
      } catch (e) {
        return e;
      }
      throw new Error('expected a throw');
    };
    expect(thrown(() => encodePair('ab', 'a!', VOCAB))).toMatchObject({
      message: 'The output has “!”, which the model does not know.',
      code: 'pairs.outputUnknownChar',
      vars: { char: '!' },
    });
    expect(thrown(() => encodePair('', 'a', VOCAB))).toMatchObject({ code: 'pairs.inputEmpty' });
  });

  it('stacks pairs of one source length, padding the shorter targets', () => {
    const b = batchOf([encodePair('ab', 'b', VOCAB), encodePair('cd', 'dcc', VOCAB)]);
    expect(b).toMatchObject({ B: 2, S: 2, T: 4 });
    expect(Array.from(b.src)).toEqual([0, 2, 1, 3]);
    expect(Array.from(b.tgt)).toEqual([2, 4, 0, 3, -1, 3, -1, 0]);
    expect(() => batchOf([encodePair('ab', 'b', VOCAB), encodePair('c', 'c', VOCAB)])).toThrow(
      /one length/,
    );
  });

  it('draws batches whose sources share a length, and counts passes', () => {
    const pairs = ['a', 'bc', 'de', 'fgh', 'ab'].map((s) => encodePair(s, s, VOCAB));
    const source = pairSource(pairs, 3, createRng(4));
    for (let k = 0; k < 20; k++) {
      const b = source.next();
      expect(b.B).toBeLessThanOrEqual(3);
      expect(b.B).toBe(Math.min(3, pairs.filter((p) => p.src.length === b.S).length));
    }
    expect(source.epoch).toBeGreaterThan(1);
  });
});

function reversal(seed: number, n: number) {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => {
    let s = '';
    for (let k = 3 + rng.int(6); k > 0; k--) s += LETTERS[rng.int(LETTERS.length)];
    return encodePair(s, [...s].reverse().join(''), VOCAB);
  });
}

function train(attention: AttentionKind) {
  const model = createSeq2Seq(
    {
      cell: 'gru',
      hiddenSize: 32,
      bidirectional: false,
      attention,
      attentionSize: 32,
      inputSize: LETTERS.length,
      outputSize: LETTERS.length + 1,
    },
    createRng(2),
  );
  const trainer = createSeq2SeqTrainer(
    model,
    pairSource(reversal(1, 5000), 32, createRng(3)),
    { kind: 'adam', lr: 0.01 },
    5,
  );
  for (let k = 0; k < 600; k++) expect(trainer.step().finite).toBe(true);
  return scoreSeq2Seq(model, reversal(9, 300), 200);
}

describe('a run', () => {
  it('reverses strings of 3 to 8 letters with attention, and not as well without', () => {
    const withAttention = train('additive');
    const without = train('none');
    expect(withAttention.exact).toBeGreaterThanOrEqual(0.95);
    expect(withAttention.perChar).toBeGreaterThanOrEqual(0.97);
    expect(without.exact).toBeLessThan(withAttention.exact - 0.15);
    // Without attention the longest sources suffer most: the state is the bottleneck.
    const longest = without.byLength.at(-1)!;
    const shortest = without.byLength[0]!;
    expect(longest.length).toBe(8);
    expect(longest.exact).toBeLessThan(shortest.exact);
  }, 120_000);
});
