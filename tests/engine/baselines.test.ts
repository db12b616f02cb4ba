// Reference lines: uniform ln V, unigram and bigram cross-entropies fitted on train, scored on val.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  bigramCrossEntropy,
  corpusBaselines,
  unigramCrossEntropy,
} from '../../src/engine/baselines.ts';
import { splitTrainVal } from '../../src/engine/data.ts';
import { buildVocab, encode } from '../../src/engine/vocab.ts';

describe('baselines', () => {
  it('a unigram model of a uniform text scores ln V', () => {
    const ids = Int32Array.from({ length: 4000 }, (_, k) => k % 4);
    expect(unigramCrossEntropy(ids, ids, 4, 0)).toBeCloseTo(Math.log(4), 10);
  });

  it('a bigram model of a deterministic cycle scores almost 0, the unigram ln V', () => {
    const ids = Int32Array.from({ length: 10_000 }, (_, k) => k % 5);
    expect(bigramCrossEntropy(ids, ids, 5, 1e-6)).toBeLessThan(1e-4);
    expect(unigramCrossEntropy(ids, ids, 5, 1e-6)).toBeCloseTo(Math.log(5), 4);
  });

  it('hand-computed add-1 bigram on a tiny text', () => {
    // train a b a b a: pairs ab ×2, ba ×2; val: a b → p(b|a) = (2+1)/(2+2)
    const train = Int32Array.from([0, 1, 0, 1, 0]);
    const val = Int32Array.from([0, 1]);
    expect(bigramCrossEntropy(train, val, 2)).toBeCloseTo(-Math.log(3 / 4), 12);
  });

  it('matches the reference numbers on tinyshakespeare (docs/equations.md §7.1)', () => {
    const text = readFileSync(
      new URL('../../public/corpora/tinyshakespeare.txt', import.meta.url),
      'utf8',
    );
    const vocab = buildVocab(text);
    const { train, val } = splitTrainVal(encode(text, vocab), 0.1);
    const b = corpusBaselines(train, val, vocab.chars.length);
    expect(b.uniform).toBeCloseTo(4.174, 3);
    expect(b.unigram).toBeCloseTo(3.347, 2);
    expect(b.bigram).toBeCloseTo(2.482, 2);
  });
});
