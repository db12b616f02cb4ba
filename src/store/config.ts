// The `config` slice: what network to build, on what text, and how to train it. It lives in the
// URL, so a link reproduces a run (same config and seed, same run). Only non-default values are
// written out. Keys: cell corpus seed nl hidden layers seq batch opt lr clip clipAt init bias
// (the Forward view owns model/text/t/layer/unit; the Gradient flow view's keys start with g).
import * as v from 'valibot';
import { real, whole } from './urlValues';
import type { TrainSettings } from '../engine/settings';
import { CORPORA, type CorpusId } from '../content/corpora';

export const CELLS = ['rnn', 'lstm', 'gru'] as const;
export type CellType = (typeof CELLS)[number];

export const OPTIMIZERS = ['sgd', 'adagrad', 'rmsprop', 'adam'] as const;
export const CLIP_MODES = ['none', 'norm', 'value'] as const;
export const INITS = ['default', 'orthogonal', 'identity'] as const;
export const NONLINEARITIES = ['tanh', 'relu'] as const;

export interface ConfigState {
  cell: CellType;
  corpus: CorpusId;
  /** Seed of the PRNG that initialises weights and samples. */
  seed: number;
  nonlinearity: (typeof NONLINEARITIES)[number];
  hiddenSize: number;
  numLayers: number;
  seqLen: number;
  batchSize: number;
  optimizer: (typeof OPTIMIZERS)[number];
  lr: number;
  clipMode: (typeof CLIP_MODES)[number];
  clipThreshold: number;
  init: (typeof INITS)[number];
  /** LSTM forget-gate / GRU update-gate bias; null keeps PyTorch's default. */
  gateBias: number | null;
}

/** URL keys of the training configuration (valibot entries, merged into the one URL schema). */
export const CONFIG_PARAMS = {
  cell: v.optional(v.picklist(CELLS)),
  corpus: v.optional(v.picklist(CORPORA)),
  seed: whole(0, 999_999_999),
  nl: v.optional(v.picklist(NONLINEARITIES)),
  hidden: whole(1, 512),
  layers: whole(1, 4),
  seq: whole(1, 400),
  batch: whole(1, 256),
  opt: v.optional(v.picklist(OPTIMIZERS)),
  lr: real(1e-6, 100),
  clip: v.optional(v.picklist(CLIP_MODES)),
  clipAt: real(1e-6, 1e6),
  init: v.optional(v.picklist(INITS)),
  bias: real(-10, 10),
} satisfies v.ObjectEntries;

export type ConfigParams = {
  [K in keyof typeof CONFIG_PARAMS]?: v.InferOutput<(typeof CONFIG_PARAMS)[K]>;
};

/**
 * The defaults: a small LSTM that learns visibly within seconds on two slow cores (about 100
 * steps in 10 s, validation loss past the unigram line well inside 20 s; see the closing note).
 */
export function initialConfig(): ConfigState {
  return {
    cell: 'lstm',
    corpus: 'shakespeare',
    seed: 1,
    nonlinearity: 'tanh',
    hiddenSize: 64,
    numLayers: 1,
    seqLen: 32,
    batchSize: 16,
    optimizer: 'adam',
    lr: 1e-2,
    clipMode: 'norm',
    clipThreshold: 5,
    init: 'default',
    gateBias: null,
  };
}

/** The config an address describes: its values, with defaults for the keys it leaves out. */
export function configFromParams(params: ConfigParams): ConfigState {
  const d = initialConfig();
  return {
    cell: params.cell ?? d.cell,
    corpus: params.corpus ?? d.corpus,
    seed: params.seed ?? d.seed,
    nonlinearity: params.nl ?? d.nonlinearity,
    hiddenSize: params.hidden ?? d.hiddenSize,
    numLayers: params.layers ?? d.numLayers,
    seqLen: params.seq ?? d.seqLen,
    batchSize: params.batch ?? d.batchSize,
    optimizer: params.opt ?? d.optimizer,
    lr: params.lr ?? d.lr,
    clipMode: params.clip ?? d.clipMode,
    clipThreshold: params.clipAt ?? d.clipThreshold,
    init: params.init ?? d.init,
    gateBias: params.bias ?? d.gateBias,
  };
}

/** The URL parameters for a config: only the values that differ from the defaults. */
export function paramsFromConfig(config: ConfigState): ConfigParams {
  const d = initialConfig();
  const params: ConfigParams = {};
  if (config.cell !== d.cell) params.cell = config.cell;
  if (config.corpus !== d.corpus) params.corpus = config.corpus;
  if (config.seed !== d.seed) params.seed = config.seed;
  if (config.nonlinearity !== d.nonlinearity) params.nl = config.nonlinearity;
  if (config.hiddenSize !== d.hiddenSize) params.hidden = config.hiddenSize;
  if (config.numLayers !== d.numLayers) params.layers = config.numLayers;
  if (config.seqLen !== d.seqLen) params.seq = config.seqLen;
  if (config.batchSize !== d.batchSize) params.batch = config.batchSize;
  if (config.optimizer !== d.optimizer) params.opt = config.optimizer;
  if (config.lr !== d.lr) params.lr = config.lr;
  if (config.clipMode !== d.clipMode) params.clip = config.clipMode;
  if (config.clipThreshold !== d.clipThreshold) params.clipAt = config.clipThreshold;
  if (config.init !== d.init) params.init = config.init;
  if (config.gateBias !== d.gateBias && config.gateBias !== null) params.bias = config.gateBias;
  return params;
}

/** The engine's settings for a config. */
export function settingsOf(c: ConfigState): TrainSettings {
  return {
    cell: c.cell,
    nonlinearity: c.nonlinearity,
    hiddenSize: c.hiddenSize,
    numLayers: c.numLayers,
    seqLen: c.seqLen,
    batchSize: c.batchSize,
    optimizer: c.optimizer,
    lr: c.lr,
    clipMode: c.clipMode,
    clipThreshold: c.clipThreshold,
    init: c.init,
    gateBias: c.gateBias,
    seed: c.seed,
  };
}

/** Fields whose change needs a new model (the others change live). */
export const ARCHITECTURE_KEYS = [
  'cell',
  'nonlinearity',
  'hiddenSize',
  'numLayers',
  'init',
  'gateBias',
  'seed',
] as const satisfies readonly (keyof ConfigState)[];

/** Does a config change need a new model? */
export function needsNewModel(a: ConfigState, b: ConfigState): boolean {
  return a.corpus !== b.corpus || ARCHITECTURE_KEYS.some((k) => a[k] !== b[k]);
}
