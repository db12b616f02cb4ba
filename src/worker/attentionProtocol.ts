// The Attention view's payloads in the worker protocol (types only; protocol.ts holds the messages
// that carry them and re-exports these).
import type { CellKind } from '../engine/cell';
import type { AttentionKind } from '../engine/seq2seq/model';
import type { Seq2SeqExample, Seq2SeqTaskKind } from '../engine/seq2seq/tasks';

/** An encoder–decoder run to set up: the task and its pairs, the model, the training settings. */
export interface AttentionSettings {
  task: Seq2SeqTaskKind;
  minLength: number;
  maxLength: number;
  cell: CellKind;
  hiddenSize: number;
  attention: AttentionKind;
  bidirectional: boolean;
  lr: number;
  batchSize: number;
  seed: number;
}

/** The run the worker holds. */
export interface AttentionInfo {
  settings: AttentionSettings;
  inputChars: string[];
  outputChars: string[];
  trainPairs: number;
  validationPairs: number;
  /** The first held-out pairs, for the view's example menu. */
  examples: Seq2SeqExample[];
  parameters: number;
  step: number;
}

/** One input decoded greedily, with the attention of each output step over the input. */
export interface AttentionDecoded {
  input: string;
  output: string;
  /** α, output step × input position, row-major [T·S]; empty without attention. */
  alpha: Float64Array;
  T: number;
  S: number;
  /** The probability of the character written at each step (the end mark last). */
  p: number[];
  step: number;
}

/** Held-out scores: exact match and per character, and exact match by input length. */
export interface AttentionScores {
  step: number;
  loss: number;
  exact: number;
  perChar: number;
  byLength: { length: number; pairs: number; exact: number }[];
}
