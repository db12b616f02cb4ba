// Reference lines for the loss chart: what a model that ignores context scores. Uniform guessing
// costs ln V nats/char; a unigram model p(x) and a bigram model p(x_t | x_{t−1}), both fitted on
// the training split with add-α smoothing, are scored by mean cross-entropy on the validation split:
//   CE = −(1/N) Σ_t ln p̂(x_t | x_{t−1}),  p̂(b | a) = (n(a, b) + α) / (n(a) + α·V).

export interface Baselines {
  /** ln V: the loss of guessing uniformly (and of an untrained net with small weights). */
  readonly uniform: number;
  /** Unigram model fitted on train, scored on val (nats/char). */
  readonly unigram: number;
  /** Bigram model (one previous character) fitted on train, scored on val (nats/char). */
  readonly bigram: number;
}

/**
 * Unigram cross-entropy on `val` of add-α character frequencies counted on `train`.
 * train, val: ids in [0, V).
 */
export function unigramCrossEntropy(
  train: Int32Array,
  val: Int32Array,
  V: number,
  alpha = 1,
): number {
  const counts = new Float64Array(V);
  for (const id of train) counts[id]! += 1;
  const denom = train.length + alpha * V;
  let total = 0;
  for (const id of val) total -= Math.log((counts[id]! + alpha) / denom);
  return total / val.length;
}

/**
 * Bigram cross-entropy on `val` (predicting val[t] from val[t−1], t ≥ 1) of add-α pair counts on
 * `train`. Counts are kept in a map, so a 2,600-character vocabulary needs no V² table.
 */
export function bigramCrossEntropy(
  train: Int32Array,
  val: Int32Array,
  V: number,
  alpha = 1,
): number {
  const pairs = new Map<number, number>();
  const firsts = new Float64Array(V);
  for (let t = 1; t < train.length; t++) {
    const a = train[t - 1]!;
    const key = a * V + train[t]!;
    pairs.set(key, (pairs.get(key) ?? 0) + 1);
    firsts[a]! += 1;
  }
  let total = 0;
  for (let t = 1; t < val.length; t++) {
    const a = val[t - 1]!;
    const n = pairs.get(a * V + val[t]!) ?? 0;
    total -= Math.log((n + alpha) / (firsts[a]! + alpha * V));
  }
  return total / Math.max(1, val.length - 1);
}

/** All three reference lines for a split corpus of V characters. */
export function corpusBaselines(train: Int32Array, val: Int32Array, V: number): Baselines {
  return {
    uniform: Math.log(V),
    unigram: unigramCrossEntropy(train, val, V),
    bigram: bigramCrossEntropy(train, val, V),
  };
}
