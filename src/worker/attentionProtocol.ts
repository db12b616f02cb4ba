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
  /** The run's number: its progress and decodings carry it. */
  run: number;
  settings: AttentionSettings;
  inputChars: string[];
  outputChars: string[];
  trainPairs: number;
  validationPairs: number;
  /** The first held-out pairs, for the view's example menu. */
  examples: Seq2SeqExample[];
  parameters: number;
  step: number;
  /** The step of the last good model kept (a divergence goes back to it). */
  lastGoodStep: number;
}

/** One input decoded greedily, with the attention of each output step over the input. */
export interface AttentionDecoded {
  run: number;
  input: string;
  output: string;
  /** α, output step × input position, row-major [T·S]; empty without attention. */
  alpha: Float64Array;
  /** The scores e_{t,s} before the softmax, [T·S]; empty without attention. */
  e: Float64Array;
  /** The context c_t, [T·E]; empty without attention. */
  ctx: Float64Array;
  /** The encoder's width E (H, or 2H both ways). */
  E: number;
  /** p_t over the output characters, the end mark first, [T·V]. */
  probs: Float64Array;
  V: number;
  /** Output steps (the characters written and the end mark, if written). */
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
