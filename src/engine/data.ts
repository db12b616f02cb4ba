// Training data: the train/validation split and the batcher for truncated BPTT over B parallel streams.
// With N ids and L = ⌊(N−1)/B⌋, stream b reads ids[b·L, (b+1)·L + 1); each chunk takes T steps of every
// stream, input x_t = ids[s + t], target y*_t = ids[s + t + 1], so the carried state continues the text.

import { Problem } from './problem.ts';

/**
 * Splits ids into train = ids[0, ⌊N·(1 − valFraction)⌋) and val = the rest (nanoGPT's 90/10 split with
 * the default). Both parts are copies and must hold at least 2 ids (one input and one target).
 */
export function splitTrainVal(
  ids: Int32Array,
  valFraction = 0.1,
): { train: Int32Array; val: Int32Array } {
  if (!(valFraction > 0 && valFraction < 1)) {
    throw new Error(`Invalid validation fraction: ${valFraction} (must be between 0 and 1).`);
  }
  const n = ids.length;
  const nTrain = Math.floor(n * (1 - valFraction));
  if (nTrain < 2 || n - nTrain < 2) {
    throw new Problem('text.tooShortToSplit', {
      length: n,
      train: nTrain,
      validation: n - nTrain,
    });
  }
  return { train: ids.slice(0, nTrain), val: ids.slice(nTrain) };
}

export interface Chunk {
  /** Input ids [T·B], index t·B + b. Overwritten by the next call to `next`. */
  readonly inputs: Int32Array;
  /** Target ids [T·B] (the next character of each input), same layout. Overwritten by `next`. */
  readonly targets: Int32Array;
  /** True on the first chunk and after the streams wrapped to their starts: zero the carried state. */
  readonly reset: boolean;
}

export interface Batcher {
  readonly batchSize: number;
  readonly seqLen: number;
  /** L = ⌊(N−1)/B⌋: the number of input/target pairs each stream holds. */
  readonly streamLength: number;
  /** Chunks in one pass over the streams: ⌊L/T⌋ (the last L mod T pairs of each stream are skipped). */
  readonly chunksPerEpoch: number;
  /** Offset within every stream at which the next chunk starts. */
  readonly position: number;
  /** Passes completed, fractional: chunks served / chunksPerEpoch. */
  readonly epoch: number;
  /** The next chunk. The returned arrays are reused: each call overwrites the previous chunk's. */
  next(): Chunk;
}

/**
 * A batcher over B contiguous streams of `ids`, advancing T steps per chunk and wrapping every stream
 * to its start (reset = true) when it cannot supply T + 1 more ids. Needs L = ⌊(N−1)/B⌋ ≥ T.
 */
export function createBatcher(ids: Int32Array, batchSize: number, seqLen: number): Batcher {
  const B = batchSize;
  const T = seqLen;
  if (!Number.isInteger(B) || B < 1) {
    throw new Error(`Invalid batch size: ${B} (must be an integer ≥ 1).`);
  }
  if (!Number.isInteger(T) || T < 1) {
    throw new Error(`Invalid sequence length: ${T} (must be an integer ≥ 1).`);
  }
  const N = ids.length;
  const L = Math.floor((N - 1) / B);
  if (L < T) {
    throw new Problem('text.tooShortForBatches', {
      streams: B,
      steps: T,
      length: N,
      needed: B * T + 1,
    });
  }
  const chunksPerEpoch = Math.floor(L / T);
  const inputs = new Int32Array(T * B);
  const targets = new Int32Array(T * B);
  let position = 0;
  let served = 0;
  let pendingReset = true;

  return {
    batchSize: B,
    seqLen: T,
    streamLength: L,
    chunksPerEpoch,
    get position() {
      return position;
    },
    get epoch() {
      return served / chunksPerEpoch;
    },
    next() {
      for (let b = 0; b < B; b++) {
        const start = b * L + position;
        for (let t = 0; t < T; t++) {
          inputs[t * B + b] = ids[start + t]!;
          targets[t * B + b] = ids[start + t + 1]!;
        }
      }
      const reset = pendingReset;
      served++;
      position += T;
      // Wrap now if the next chunk would need ids past the end of the stream: ids[b·L + L] is its last.
      pendingReset = position + T > L;
      if (pendingReset) position = 0;
      return { inputs, targets, reset };
    },
  };
}
