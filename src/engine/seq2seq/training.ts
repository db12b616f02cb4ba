// Training an encoder–decoder on pairs of strings: the characters as ids (the target's id 0 is the
// end mark), batches of examples whose sources have one length (so the encoder needs no padding;
// the targets are padded and the padding is not scored), a training step (teacher forcing, clipping
// by the global norm, the optimizer), and the measures of a model on held-out pairs: the loss,
// exact match and per-character accuracy by greedy decoding, and exact match by source length.

import { clipGradNorm, globalNorm } from '../clip.ts';
import { createOptimizer, type Optimizer, type OptimizerConfig } from '../optim.ts';
import type { Rng } from '../rng.ts';
import type { StepReport } from '../trainer.ts';
import { seq2seqTensors, zeroSeq2SeqGrads, type Seq2SeqModel } from './model.ts';
import { PairError } from './tasks.ts';
import {
  decodeGreedy,
  forwardSeq2Seq,
  seq2seqLossAndGradients,
  type Seq2SeqBatch,
} from './network.ts';

/** A pair as ids: the source, and the target followed by the end mark 0. */
export interface PairIds {
  readonly src: Int32Array;
  readonly tgt: Int32Array;
}

/** The characters of both sides: source ids from 0, target ids from 1 (0 is the end mark). */
export interface PairVocab {
  readonly input: readonly string[];
  readonly output: readonly string[];
}

/** The end (and start) mark's id on the target side. */
export const END = 0;

/** Encodes a pair; a character outside the vocabulary is an error that names it. */
export function encodePair(input: string, output: string, vocab: PairVocab): PairIds {
  const ids = (text: string, chars: readonly string[], first: number, side: 'input' | 'output') =>
    Array.from(text, (ch) => {
      const k = chars.indexOf(ch);
      if (k < 0) throw new PairError(`pairs.${side}UnknownChar`, { char: ch });
      return k + first;
    });
  if (Array.from(input).length === 0) throw new PairError('pairs.inputEmpty');
  return {
    src: Int32Array.from(ids(input, vocab.input, 0, 'input')),
    tgt: Int32Array.from([...ids(output, vocab.output, 1, 'output'), END]),
  };
}

/** The characters of target ids (stopping at the end mark). */
export function decodeOutput(ids: readonly number[], vocab: PairVocab): string {
  let out = '';
  for (const id of ids) {
    if (id === END) break;
    out += vocab.output[id - 1] ?? '';
  }
  return out;
}

/** Stacks pairs with one source length into a batch, targets padded with −1. */
export function batchOf(pairs: readonly PairIds[]): Seq2SeqBatch {
  const B = pairs.length;
  const S = pairs[0]!.src.length;
  const T = Math.max(...pairs.map((p) => p.tgt.length));
  const src = new Int32Array(S * B);
  const tgt = new Int32Array(T * B).fill(-1);
  pairs.forEach((p, b) => {
    if (p.src.length !== S) throw new RangeError('A batch holds sources of one length.');
    for (let s = 0; s < S; s++) src[s * B + b] = p.src[s]!;
    for (let t = 0; t < p.tgt.length; t++) tgt[t * B + b] = p.tgt[t]!;
  });
  return { B, S, src, T, tgt };
}

/**
 * Batches drawn at random: a random pair, then the rest of the batch from pairs with the same source
 * length (fewer when there are fewer such pairs). `epoch` counts passes over the pairs.
 */
export function pairSource(pairs: readonly PairIds[], batchSize: number, rng: Rng) {
  if (pairs.length === 0) throw new RangeError('There are no training pairs.');
  const byLength = new Map<number, number[]>();
  pairs.forEach((p, k) => {
    const list = byLength.get(p.src.length) ?? [];
    list.push(k);
    byLength.set(p.src.length, list);
  });
  let drawn = 0;
  return {
    next(): Seq2SeqBatch {
      const first = pairs[rng.int(pairs.length)]!;
      const same = byLength.get(first.src.length)!;
      const chosen = [first];
      const n = Math.min(batchSize, same.length);
      while (chosen.length < n) chosen.push(pairs[same[rng.int(same.length)]!]!);
      drawn += chosen.length;
      return batchOf(chosen);
    },
    get epoch(): number {
      return drawn / pairs.length;
    },
  };
}

/** A step's report, as the training loop reads any trainer's (trainer.ts StepReport). */
export interface Seq2SeqStepReport extends StepReport {
  /** Pairs in this step's batch. */
  readonly pairs: number;
}

export interface Seq2SeqTrainer {
  readonly model: Seq2SeqModel;
  readonly optimizer: Optimizer;
  readonly stepCount: number;
  step(): Seq2SeqStepReport;
  /** The training loop's last-step norms: an encoder–decoder shows none. */
  lastStepNorms(): number[][];
}

/** A trainer over a batch source, clipping the global gradient norm at `clip` (0: none). */
export function createSeq2SeqTrainer(
  model: Seq2SeqModel,
  source: { next(): Seq2SeqBatch; readonly epoch: number },
  optimizer: OptimizerConfig,
  clip: number,
): Seq2SeqTrainer {
  const params = seq2seqTensors(model).map((t) => t.data);
  const grads = zeroSeq2SeqGrads(model);
  const gradData = seq2seqTensors(grads).map((t) => t.data);
  const opt = createOptimizer(
    optimizer,
    params.map((p) => p.length),
  );
  let stepCount = 0;
  return {
    model,
    optimizer: opt,
    get stepCount() {
      return stepCount;
    },
    step(): Seq2SeqStepReport {
      const batch = source.next();
      for (const g of gradData) g.fill(0);
      const loss = seq2seqLossAndGradients(model, grads, batch);
      const report = clip > 0 ? clipGradNorm(gradData, clip) : null;
      const norm = report?.normBefore ?? globalNorm(gradData);
      const finite = Number.isFinite(loss) && Number.isFinite(norm);
      if (finite) opt.step(params, gradData);
      stepCount += 1;
      let chars = 0;
      for (const y of batch.tgt) if (y >= 0) chars += 1;
      return {
        step: stepCount,
        loss,
        gradNormBefore: norm,
        gradNormAfter: report?.normAfter ?? norm,
        clipped: report?.clipped ?? false,
        finite,
        chars,
        epoch: source.epoch,
        dLdhNorm: [],
        pairs: batch.B,
      };
    },
    lastStepNorms: () => [],
  };
}

/** How well a model does on held-out pairs. */
export interface Seq2SeqScore {
  /** Teacher-forced mean loss per target character. */
  readonly loss: number;
  /** The share of pairs whose greedy output is exactly right. */
  readonly exact: number;
  /** The share of target characters right at their position. */
  readonly perChar: number;
  /** Exact match by source length. */
  readonly byLength: readonly { length: number; pairs: number; exact: number }[];
}

/** Scores a model on at most `maxPairs` pairs (the first ones: the same pairs every time). */
export function scoreSeq2Seq(
  model: Seq2SeqModel,
  pairs: readonly PairIds[],
  maxPairs: number,
): Seq2SeqScore {
  const used = pairs.slice(0, maxPairs);
  let lossSum = 0;
  let lossCount = 0;
  let exact = 0;
  let right = 0;
  let chars = 0;
  const lengths = new Map<number, { pairs: number; exact: number }>();
  for (const pair of used) {
    const pass = forwardSeq2Seq(model, batchOf([pair]));
    lossSum += pass.loss * pass.count;
    lossCount += pass.count;
    const { output } = decodeGreedy(model, pair.src, pair.tgt.length + 4);
    const want = Array.from(pair.tgt.subarray(0, pair.tgt.length - 1));
    const ok = output.length === want.length && output.every((y, k) => y === want[k]);
    for (let k = 0; k < want.length; k++) if (output[k] === want[k]) right += 1;
    chars += want.length;
    if (ok) exact += 1;
    const entry = lengths.get(pair.src.length) ?? { pairs: 0, exact: 0 };
    entry.pairs += 1;
    if (ok) entry.exact += 1;
    lengths.set(pair.src.length, entry);
  }
  const n = Math.max(1, used.length);
  return {
    loss: lossCount > 0 ? lossSum / lossCount : NaN,
    exact: exact / n,
    perChar: chars > 0 ? right / chars : 0,
    byLength: [...lengths.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([length, e]) => ({ length, pairs: e.pairs, exact: e.exact / e.pairs })),
  };
}
