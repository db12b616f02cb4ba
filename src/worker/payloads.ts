// The engine's payloads inside the protocol's messages (protocol.ts re-exports them): what a
// corpus, a model, a progress batch, a weights snapshot and the neurons look like on the wire.
import type { CellKind } from '../engine/cell';
import type { Metric } from '../engine/tasks/task';

/** A training text the worker accepted. */
export interface CorpusInfo {
  name: string;
  /** Length in characters (code points). */
  length: number;
  vocabSize: number;
  trainChars: number;
  valChars: number;
  /** Reference lines in nats/char: ln V, unigram and bigram (fitted on train, scored on val). */
  baselines: { uniform: number; unigram: number; bigram: number };
  /** The start of the validation text, to show the split. */
  valPreview: string;
}

/** The model the worker holds. */
export interface ModelInfo {
  cell: CellKind;
  nonlinearity: 'tanh' | 'relu' | 'linear' | 'sigmoid';
  hiddenSize: number;
  numLayers: number;
  vocab: string[];
  parameters: number;
  step: number;
  /** Whether the model can train on the current text (same characters). */
  trainable: boolean;
  /** Each layer reads both ways (PyTorch's bidirectional); absent: forward only. */
  bidirectional?: boolean;
  /** A tagger's class labels (absent: the model predicts the next character). */
  classes?: string[];
  /** The task that trained a tagger (e.g. "spaces"), which says how it reads a text. */
  task?: string;
}

/** Step reports since the last batch, as transferable arrays (index k is step firstStep + k). */
export interface ProgressBatch {
  firstStep: number;
  loss: Float64Array;
  gradNormBefore: Float64Array;
  gradNormAfter: Float64Array;
  clipped: Uint8Array;
  charsPerSecond: number;
  stepsPerSecond: number;
  epoch: number;
  /** ‖dL/dh_t‖ of the latest batch, per layer and step. */
  dLdhNorm: number[][];
  /** ‖∂ℓ_T/∂h_t‖ of the latest batch: the last step's loss alone, per layer and step. */
  lastStepNorm?: number[][];
  /** The latest step diverged (non-finite, or loss above 4·ln V); training stopped. */
  diverged: boolean;
  /** The step of the last good checkpoint (0: the model as created or loaded). */
  lastGoodStep: number;
  running: boolean;
  /** Operations per second of this batch's steps, when they were large enough to time. */
  flopsPerSecond?: number;
  /** Validation loss (nats/char on the start of the val split), when one was measured. */
  val?: { step: number; loss: number; metrics?: Metric[] };
  /** Samples taken at timeline steps (1, 100, 300, 1,000, …) in this batch. */
  samples?: { step: number; text: string }[];
}

/** W_ih [G·H, I] and W_hh [G·H, H] per layer, gate blocks stacked by rows. */
export interface WeightsSnapshot {
  step: number;
  gateNames: string[];
  hiddenSize: number;
  layers: { inputSize: number; Wih: Float64Array; Whh: Float64Array }[];
}

/** One layer's h_t (and c_t) after each character of a passage, [T·H], with ranked units. */
export interface NeuronActivations {
  step: number;
  layer: number;
  hiddenSize: number;
  chars: string[];
  h: Float64Array;
  c: Float64Array | null;
  rankH: UnitRank[];
  rankC: UnitRank[] | null;
}

/** A unit and the text feature it follows most strongly (Pearson r). */
export interface UnitRank {
  unit: number;
  feature: 'quote' | 'bracket' | 'linePos' | 'afterSpace' | 'upper';
  r: number;
}

/**
 * Which model a view asks about: the one being trained, a model file (sent once with its JSON,
 * then named by its key), or a freshly initialised model (PyTorch's default initialisation).
 */
export type ModelSource =
  | { kind: 'training' }
  | { kind: 'file'; key: string; json?: string }
  /** The model of an autosaved run, read from IndexedDB by the worker (never sent by the page). */
  | { kind: 'autosave'; runId: string; savedAt: number }
  | {
      kind: 'fresh';
      cell: CellKind;
      nonlinearity: 'tanh' | 'relu';
      hiddenSize: number;
      numLayers: number;
      seed: number;
      vocab: string[];
    };

export interface SampleRequest {
  prime: string;
  length: number;
  temperature: number;
  topK?: number;
  greedy?: boolean;
  seed: number;
}
