// The character language model: read a text one character at a time and predict the next one.
// One-hot characters in, a softmax over the same characters out, cross-entropy in nats/char.
// Baselines: uniform guessing (ln V), unigram and bigram models fitted on the training split.
// Divergence: a loss four times that of guessing uniformly (4·ln V), or anything not finite.

import { corpusBaselines } from '../baselines.ts';
import { checkCorpus } from '../corpus.ts';
import { splitTrainVal } from '../data.ts';
import { generateIds } from '../generate.ts';
import type { Model } from '../model.ts';
import { createRng } from '../rng.ts';
import { charSource, evaluateChars } from '../trainer.ts';
import { decode, encode, type Vocab } from '../vocab.ts';
import type { Baseline, Metric, Task } from './task.ts';

/** Length and temperature of the timeline samples. */
export const SAMPLE_CHARS = 160;
export const SAMPLE_TEMPERATURE = 0.8;

export interface CharTask extends Task {
  readonly kind: 'chars' | 'copy';
  readonly vocab: Vocab;
  readonly train: Int32Array;
  readonly val: Int32Array;
  /** Length of the whole text in characters (code points). */
  readonly length: number;
  /** The start of the validation text, to show the split. */
  readonly valPreview: string;
}

/** A character model's divergence rule: a loss above 4·ln V (four times guessing), or not finite. */
export function charsDiverged(loss: number, finite: boolean, vocabSize: number): boolean {
  return !finite || loss > 4 * Math.log(vocabSize);
}

/**
 * A character task on a text (checked first: throws CorpusError with a message a learner can act
 * on). The last `valFraction` of the text is the validation split.
 */
export function createCharTask(name: string, text: string, valFraction = 0.1): CharTask {
  const checked = checkCorpus(text);
  const vocab = checked.vocab;
  const V = vocab.chars.length;
  const { train, val } = splitTrainVal(encode(text, vocab), valFraction);
  const b = corpusBaselines(train, val, V);
  const baselines: Baseline[] = [
    { key: 'uniform', label: 'uniform guess', value: b.uniform },
    { key: 'unigram', label: 'unigram', value: b.unigram },
    { key: 'bigram', label: 'bigram', value: b.bigram },
  ];
  return {
    kind: 'chars',
    name,
    shape: { input: 'onehot', inputSize: V, head: 'softmax', outputSize: V },
    labels: { vocab, classes: vocab.chars, task: 'chars' },
    lossUnit: 'nats/char',
    baselines,
    vocab,
    train,
    val,
    length: checked.length,
    valPreview: decode(val.subarray(0, 200), vocab),
    source(batchSize, seqLen) {
      const B = Math.max(1, Math.min(batchSize, Math.floor((train.length - 1) / seqLen)));
      return charSource(train, B, seqLen);
    },
    evaluate(model, maxPositions) {
      return evaluateChars(model, val, { maxChars: maxPositions });
    },
    metrics(): Metric[] {
      return [];
    },
    diverged(loss, finite) {
      return charsDiverged(loss, finite, V);
    },
    sample(model: Model, seed: number) {
      const prime = vocab.index.has('\n') ? encode('\n', vocab) : new Int32Array(0);
      const opts = { temperature: SAMPLE_TEMPERATURE };
      return decode(generateIds(model, prime, SAMPLE_CHARS, opts, createRng(seed)), vocab);
    },
  };
}
