// Tagging: read a sequence of characters and put one class on each (docs/beyond-characters.md §1–§2).
// Unlike the language model, a tagger may read the whole window first, so a bidirectional model
// can use the future. Windows of T characters are independent (no state is carried between
// them); the loss is the cross-entropy of the tags, the metrics are accuracy and, for a class of
// interest, F1. Baselines: guessing from the class frequencies of the training part, and the best
// rule that reads only the current character (the unigram tagger).

import { Problem } from '../problem.ts';
import type { Model } from '../model.ts';
import { forwardModel } from '../network.ts';
import type { BatchSource } from '../trainer.ts';
import type { Vocab } from '../vocab.ts';
import type { Baseline, Metric, Task } from './task.ts';
import { windowBatches } from './windows.ts';

/** Characters and their tags, position by position. */
export interface Tagged {
  /** Character ids [N]. */
  readonly ids: Int32Array;
  /** Class ids [N] (−1: not scored). */
  readonly tags: Int32Array;
  /**
   * How far ahead a tag may look (the future task's k): a position whose tag depends on a
   * character past the end of its window is not scored there. 0 when absent.
   */
  readonly reach?: number;
}

/** The tag at position t of a window of `len` starting at `start`, or −1 when it looks past it. */
function tagAt(data: Tagged, start: number, t: number, len: number): number {
  return t + (data.reach ?? 0) < len ? data.tags[start + t]! : -1;
}

export interface TagTask extends Task {
  readonly vocab: Vocab;
  readonly classes: readonly string[];
  readonly train: Tagged;
  readonly val: Tagged;
  /** Class whose F1 is reported (e.g. "word ends here"), or null. */
  readonly positive: number | null;
}

/** Window length for validation. */
const EVAL_T = 64;

/** The first ⌊N·(1 − valFraction)⌋ positions train, the rest validate (a split by position). */
export function splitTagged(all: Tagged, valFraction: number): { train: Tagged; val: Tagged } {
  const n = all.ids.length;
  const cut = Math.floor(n * (1 - valFraction));
  if (cut < 2 || n - cut < 2) throw new Problem('text.tooLittleData', { positions: n });
  const reach = all.reach ?? 0;
  return {
    train: { ids: all.ids.slice(0, cut), tags: all.tags.slice(0, cut), reach },
    val: { ids: all.ids.slice(cut), tags: all.tags.slice(cut), reach },
  };
}

/**
 * Batches of B independent windows of T positions: stream b reads the b-th of B equal parts of
 * `data`, T positions per chunk, wrapping to its start; every chunk starts from a zero state.
 */
export function windowSource(data: Tagged, batchSize: number, seqLen: number): BatchSource {
  return windowBatches(data.ids.length, batchSize, seqLen, (start, B, T) => {
    const ids = new Int32Array(T * B);
    const targets = new Int32Array(T * B);
    for (let t = 0; t < T; t++) {
      for (let b = 0; b < B; b++) {
        ids[t * B + b] = data.ids[start(b) + t]!;
        targets[t * B + b] = tagAt(data, start(b), t, T);
      }
    }
    return { T, B, input: { kind: 'onehot', ids }, targets };
  });
}

/**
 * One pass over the first `maxPositions` positions of `data`, in windows of EVAL_T (the full
 * windows side by side as one batch, then the rest): the most likely class at every position, and
 * the summed cross-entropy of the scored tags and their count.
 */
export function scoreTags(
  model: Model,
  data: Tagged,
  maxPositions: number,
): { predicted: Int32Array; total: number; count: number } {
  const n = Math.min(data.ids.length, maxPositions);
  const predicted = new Int32Array(n);
  const C = model.config.outputSize;
  let total = 0;
  let count = 0;
  const run = (first: number, B: number, T: number) => {
    // Window b starts at first + b·T; time-major layout [t·B + b].
    const ids = new Int32Array(T * B);
    const targets = new Int32Array(T * B);
    for (let t = 0; t < T; t++) {
      for (let b = 0; b < B; b++) {
        const start = first + b * T;
        ids[t * B + b] = data.ids[start + t]!;
        targets[t * B + b] = tagAt(data, start, t, T);
      }
    }
    const pass = forwardModel(model, { T, B, input: { kind: 'onehot', ids }, targets }, null);
    for (let t = 0; t < T; t++) {
      const y = pass.outputs[t]!;
      for (let b = 0; b < B; b++) {
        let best = 0;
        for (let k = 1; k < C; k++) if (y[b * C + k]! > y[b * C + best]!) best = k;
        predicted[first + b * T + t] = best;
      }
    }
    if (pass.count > 0) {
      total += pass.loss * pass.count;
      count += pass.count;
    }
  };
  const full = Math.floor(n / EVAL_T);
  if (full > 0) run(0, full, EVAL_T);
  if (n > full * EVAL_T) run(full * EVAL_T, 1, n - full * EVAL_T);
  return { predicted, total, count };
}

/** The model's most likely class at every position of `data` (windows of EVAL_T, at most max). */
export function predictTags(model: Model, data: Tagged, maxPositions: number): Int32Array {
  return scoreTags(model, data, maxPositions).predicted;
}

/** Mean cross-entropy of the tags over windows of EVAL_T (at most maxPositions positions). */
export function tagLoss(model: Model, data: Tagged, maxPositions: number): number {
  const { total, count } = scoreTags(model, data, maxPositions);
  return count > 0 ? total / count : NaN;
}

/** The tags as validation scores them: windows of EVAL_T, positions looking past one unscored. */
export function evalTags(data: Tagged, n: number): Int32Array {
  return Int32Array.from({ length: n }, (_, k) => {
    const start = k - (k % EVAL_T);
    return tagAt(data, start, k - start, Math.min(EVAL_T, n - start));
  });
}

/** Accuracy over scored positions, and precision, recall and F1 of class `positive`. */
export function tagMetrics(
  predicted: Int32Array,
  tags: Int32Array,
  positive: number | null,
): { accuracy: number; f1: number | null } {
  let right = 0;
  let scored = 0;
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let k = 0; k < predicted.length; k++) {
    const y = tags[k]!;
    if (y < 0) continue;
    scored++;
    if (predicted[k] === y) right++;
    if (positive !== null) {
      if (predicted[k] === positive && y === positive) tp++;
      else if (predicted[k] === positive) fp++;
      else if (y === positive) fn++;
    }
  }
  const f1 = positive === null ? null : tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
  return { accuracy: scored > 0 ? right / scored : NaN, f1 };
}

/** Cross-entropy on val of guessing from the training tags' frequencies (add-one smoothing). */
export function classPriorLoss(train: Int32Array, val: Int32Array, C: number): number {
  const counts = new Float64Array(C).fill(1);
  let n = C;
  for (const y of train) {
    if (y < 0) continue;
    counts[y]! += 1;
    n++;
  }
  let total = 0;
  let m = 0;
  for (const y of val) {
    if (y < 0) continue;
    total -= Math.log(counts[y]! / n);
    m++;
  }
  return total / m;
}

/**
 * Cross-entropy on val of the best rule that reads only the current character: p(tag | char)
 * counted on train with add-one smoothing (the unigram tagger a forward model must beat).
 */
export function unigramTaggerLoss(train: Tagged, val: Tagged, V: number, C: number): number {
  const counts = new Float64Array(V * C).fill(1);
  const totals = new Float64Array(V).fill(C);
  train.tags.forEach((y, k) => {
    if (y < 0) return;
    const x = train.ids[k]!;
    counts[x * C + y]! += 1;
    totals[x]! += 1;
  });
  let total = 0;
  let m = 0;
  val.tags.forEach((y, k) => {
    if (y < 0) return;
    const x = val.ids[k]!;
    total -= Math.log(counts[x * C + y]! / totals[x]!);
    m++;
  });
  return total / m;
}

/** A tagging task over tagged characters. */
export function createTagTask(opts: {
  kind: string;
  name: string;
  vocab: Vocab;
  classes: readonly string[];
  data: Tagged;
  valFraction?: number;
  positive?: number | null;
  /** What a sample shows: the characters with their predicted tags. */
  render: (chars: readonly string[], predicted: Int32Array) => string;
}): TagTask {
  const { vocab, classes } = opts;
  const C = classes.length;
  const positive = opts.positive ?? null;
  const { train, val } = splitTagged(opts.data, opts.valFraction ?? 0.1);
  const V = vocab.chars.length;
  const baselines: Baseline[] = [
    { key: 'prior', label: 'class frequencies', value: classPriorLoss(train.tags, val.tags, C) },
    { key: 'unigram', label: 'current character only', value: unigramTaggerLoss(train, val, V, C) },
  ];
  return {
    kind: opts.kind,
    name: opts.name,
    shape: { input: 'onehot', inputSize: vocab.chars.length, head: 'softmax', outputSize: C },
    labels: { vocab, classes, task: opts.kind },
    lossUnit: 'nats/char',
    baselines,
    vocab,
    classes,
    train,
    val,
    positive,
    source: (batchSize, seqLen) => windowSource(train, batchSize, seqLen),
    evaluate: (model, maxPositions) => tagLoss(model, val, maxPositions),
    metrics(model, maxPositions): Metric[] {
      const predicted = predictTags(model, val, maxPositions);
      const { accuracy, f1 } = tagMetrics(predicted, evalTags(val, predicted.length), positive);
      const out: Metric[] = [{ key: 'accuracy', label: 'accuracy', value: accuracy }];
      if (f1 !== null) out.push({ key: 'f1', label: `F1 of “${classes[positive!]}”`, value: f1 });
      return out;
    },
    diverged: (loss, finite) => !finite || loss > 4 * Math.log(Math.max(2, C)),
    sample(model) {
      const n = Math.min(val.ids.length, 300);
      const predicted = predictTags(model, val, n);
      const chars = Array.from(val.ids.subarray(0, n), (id) => vocab.chars[id]!);
      return opts.render(chars, predicted);
    },
  };
}
