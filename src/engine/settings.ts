// Training settings as the user chooses them (the Training view, the URL, the CLI), their
// defaults, and validation with messages a learner can act on. Pure data: no UI here.

import type { CellKind } from './cell.ts';
import type { RecurrentInit } from './init.ts';
import { MAX_LAYERS, type ModelConfig } from './model.ts';
import type { OptimizerConfig, OptimizerKind } from './optim.ts';
import type { ClipConfig } from './trainer.ts';

export interface TrainSettings {
  readonly cell: CellKind;
  readonly nonlinearity: 'tanh' | 'relu';
  readonly hiddenSize: number;
  readonly numLayers: number;
  readonly seqLen: number;
  readonly batchSize: number;
  readonly optimizer: OptimizerKind;
  readonly lr: number;
  readonly clipMode: 'none' | 'norm' | 'value';
  readonly clipThreshold: number;
  readonly init: RecurrentInit;
  /** LSTM forget-gate bias, or GRU update-gate bias; null keeps PyTorch's default draw. */
  readonly gateBias: number | null;
  readonly seed: number;
}

export const DEFAULT_SETTINGS: TrainSettings = {
  cell: 'lstm',
  nonlinearity: 'tanh',
  hiddenSize: 128,
  numLayers: 1,
  seqLen: 50,
  batchSize: 32,
  optimizer: 'adam',
  lr: 3e-3,
  clipMode: 'norm',
  clipThreshold: 5,
  init: 'default',
  gateBias: null,
  seed: 1,
};

export const LIMITS = {
  hiddenSize: [1, 512],
  numLayers: [1, MAX_LAYERS],
  seqLen: [1, 400],
  batchSize: [1, 256],
  lr: [1e-6, 100],
  clipThreshold: [1e-6, 1e6],
  gateBias: [-10, 10],
  seed: [0, 2 ** 32 - 1],
} as const;

/** Throws a RangeError naming the first setting that is out of range. */
export function validateSettings(s: TrainSettings): void {
  const whole = (v: number, [lo, hi]: readonly [number, number], what: string) => {
    if (!Number.isInteger(v) || v < lo || v > hi) {
      throw new RangeError(`${what} must be a whole number from ${lo} to ${hi} (got ${v}).`);
    }
  };
  const real = (v: number, [lo, hi]: readonly [number, number], what: string) => {
    if (!Number.isFinite(v) || v < lo || v > hi)
      throw new RangeError(`${what} must be between ${lo} and ${hi} (got ${v}).`);
  };
  if (!['rnn', 'lstm', 'gru'].includes(s.cell)) throw new RangeError(`Unknown cell "${s.cell}".`);
  if (!['tanh', 'relu'].includes(s.nonlinearity))
    throw new RangeError(`Unknown nonlinearity "${s.nonlinearity}".`);
  if (!['sgd', 'adagrad', 'rmsprop', 'adam'].includes(s.optimizer))
    throw new RangeError(`Unknown optimizer "${s.optimizer}".`);
  if (!['none', 'norm', 'value'].includes(s.clipMode))
    throw new RangeError(`Unknown clipping mode "${s.clipMode}".`);
  if (!['default', 'orthogonal', 'identity'].includes(s.init))
    throw new RangeError(`Unknown initialisation "${s.init}".`);
  whole(s.hiddenSize, LIMITS.hiddenSize, 'The hidden size');
  whole(s.numLayers, LIMITS.numLayers, 'The number of layers');
  whole(s.seqLen, LIMITS.seqLen, 'The sequence length');
  whole(s.batchSize, LIMITS.batchSize, 'The batch size');
  whole(s.seed, LIMITS.seed, 'The seed');
  real(s.lr, LIMITS.lr, 'The learning rate');
  real(s.clipThreshold, LIMITS.clipThreshold, 'The clipping threshold');
  if (s.gateBias !== null) real(s.gateBias, LIMITS.gateBias, 'The gate bias');
}

export function modelConfigOf(s: TrainSettings, vocabSize: number): ModelConfig {
  return {
    cell: s.cell,
    nonlinearity: s.nonlinearity,
    hiddenSize: s.hiddenSize,
    numLayers: s.numLayers,
    bidirectional: false,
    input: 'onehot',
    inputSize: vocabSize,
    outputSize: vocabSize,
    head: 'softmax',
  };
}

export function optimizerConfigOf(s: TrainSettings): OptimizerConfig {
  return s.optimizer === 'sgd'
    ? { kind: 'sgd', lr: s.lr, momentum: 0.9 }
    : { kind: s.optimizer, lr: s.lr };
}

export function clipConfigOf(s: TrainSettings): ClipConfig {
  return s.clipMode === 'none'
    ? { mode: 'none' }
    : { mode: s.clipMode, threshold: s.clipThreshold };
}

/** Do two settings describe the same architecture (so a trained model can be kept)? */
export function sameArchitecture(a: TrainSettings, b: TrainSettings): boolean {
  return (
    a.cell === b.cell &&
    a.nonlinearity === b.nonlinearity &&
    a.hiddenSize === b.hiddenSize &&
    a.numLayers === b.numLayers
  );
}
