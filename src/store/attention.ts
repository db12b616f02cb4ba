// The `attention` slice: what the Attention view shows. The task, its lengths, the model (cell,
// size, attention, one way or both) and the example shown live in the URL (keys prefixed `a` so
// they never collide with another view's); the run (the worker's description, the curves, the
// decoding shown, the scores) does not. Pure: attentionActions.ts sends the requests.
import * as v from 'valibot';
import { CELL_KINDS, type CellKind } from '../engine/cell';
import { ATTENTION_KINDS, type AttentionKind } from '../engine/seq2seq/model';
import {
  SEQ2SEQ_DEFAULTS,
  SEQ2SEQ_LENGTHS,
  SEQ2SEQ_TASKS,
  type Seq2SeqTaskKind,
} from '../engine/seq2seq/tasks';
import type {
  AttentionDecoded,
  AttentionInfo,
  AttentionScores,
  AttentionSettings,
} from '../worker/protocol';
import type { CheckpointMeta } from '../persist/seriesStore';
import { emptyHistory, type TrainingHistory } from './training';

export type { AttentionDecoded, AttentionInfo } from '../worker/protocol';
export type { CheckpointMeta };
import { whole } from './urlValues';
import { urlSlice } from './urlSlice';

export type AttentionPhase = 'idle' | 'loading' | 'ready' | 'training' | 'diverged';

/** The held-out scores of runs that differ only in their attention, for the length chart. */
export type AttentionCompare = Readonly<
  Record<string, Partial<Record<AttentionKind, AttentionScores>>>
>;

export interface AttentionState {
  task: Seq2SeqTaskKind;
  /** Input lengths (letters or digits; the dates task has its own). */
  minLength: number;
  maxLength: number;
  attention: AttentionKind;
  cell: CellKind;
  hidden: number;
  bidirectional: boolean;
  /** The held-out example decoded (an index into the run's examples). */
  example: number;
  /** The learner's own input, decoded instead of the example while set (not in the URL). */
  own: string | null;
  /** The output step shown in detail (0-based), or null for the first. */
  row: number | null;
  phase: AttentionPhase;
  info: AttentionInfo | null;
  history: TrainingHistory;
  decoded: AttentionDecoded | null;
  scores: AttentionScores | null;
  compare: AttentionCompare;
  /** The curves of the runs the worker keeps, by run, for switching back to one. */
  kept: Readonly<Record<number, TrainingHistory>>;
  stepsPerSecond: number | null;
  lastGoodStep: number;
  error: string | null;
  /** The run's last autosave (the worker writes it), or null before one. */
  saved: { at: number; step: number } | null;
  /** The run was put back from its autosave at this step (after a reload). */
  restoredStep: number | null;
  /** The view's named checkpoints (all of them; the view lists this run's). */
  checkpoints: readonly CheckpointMeta[];
}

export const ATTENTION_LIMITS = {
  hidden: { min: 4, max: 128 },
  /** Longest input the view offers, per unit (the engine allows more). */
  length: { letters: 20, digits: 10 },
  examples: 12,
};

/** The learning rate, batch size and seed every run of the view uses. */
export const ATTENTION_TRAINING = { lr: 0.005, batchSize: 32, seed: 1 };

export function initialAttention(): AttentionState {
  return {
    task: 'dates',
    minLength: 0,
    maxLength: 0,
    attention: 'additive',
    cell: 'gru',
    hidden: 64,
    bidirectional: false,
    example: 0,
    own: null,
    row: null,
    phase: 'idle',
    info: null,
    history: emptyHistory(),
    decoded: null,
    scores: null,
    compare: {},
    kept: {},
    stepsPerSecond: null,
    lastGoodStep: 0,
    error: null,
    saved: null,
    restoredStep: null,
    checkpoints: [],
  };
}

/** The longest input a task's menu offers, or null when its lengths are fixed (dates). */
export function lengthLimit(task: Seq2SeqTaskKind): number | null {
  const lengths = SEQ2SEQ_LENGTHS[task];
  if (lengths === null) return null;
  const ui =
    lengths.unit === 'digits' ? ATTENTION_LIMITS.length.digits : ATTENTION_LIMITS.length.letters;
  return Math.min(lengths.max, ui);
}

/** A task's lengths, defaults where unset, kept in the range it allows. */
export function taskLengths(
  task: Seq2SeqTaskKind,
  min: number | undefined,
  max: number | undefined,
): { minLength: number; maxLength: number } {
  const limit = lengthLimit(task);
  const d = SEQ2SEQ_DEFAULTS[task];
  if (limit === null) return { minLength: d.minLength, maxLength: d.maxLength };
  const maxLength = Math.min(limit, Math.max(1, max ?? d.maxLength));
  return { minLength: Math.min(maxLength, Math.max(1, min ?? d.minLength)), maxLength };
}

/** The run the view's choices name. */
export function attentionSettings(s: AttentionState): AttentionSettings {
  return {
    task: s.task,
    minLength: s.minLength,
    maxLength: s.maxLength,
    cell: s.cell,
    hiddenSize: s.hidden,
    attention: s.attention,
    bidirectional: s.bidirectional,
    ...ATTENTION_TRAINING,
  };
}

/** The choices that make a run, as one string (the panel loads a run when it changes). */
export function attentionChoice(s: AttentionState): string {
  return JSON.stringify(attentionSettings(s));
}

/** What runs compared by length share: every choice but the attention. */
export function compareKey(s: AttentionSettings): string {
  return JSON.stringify({ ...s, attention: null });
}

const L = ATTENTION_LIMITS;

const ATTENTION_PARAMS = {
  atask: v.optional(v.picklist(SEQ2SEQ_TASKS)),
  amin: whole(1, 64),
  amax: whole(1, 64),
  aatt: v.optional(v.picklist(ATTENTION_KINDS)),
  acell: v.optional(v.picklist(CELL_KINDS)),
  ahidden: whole(L.hidden.min, L.hidden.max),
  abi: v.optional(v.picklist(['1'])),
  aex: whole(1, L.examples),
  arow: whole(1, 200),
} satisfies v.ObjectEntries;

type Params = {
  [K in keyof typeof ATTENTION_PARAMS]?: v.InferOutput<(typeof ATTENTION_PARAMS)[K]>;
};

export const ATTENTION_SLICE = urlSlice({
  initial: initialAttention,
  params: ATTENTION_PARAMS,
  fromParams(p: Params): Partial<AttentionState> {
    const init = initialAttention();
    const task = p.atask ?? init.task;
    return {
      task,
      ...taskLengths(task, p.amin, p.amax),
      attention: p.aatt ?? init.attention,
      cell: p.acell ?? init.cell,
      hidden: p.ahidden ?? init.hidden,
      bidirectional: p.abi === '1',
      example: p.aex === undefined ? 0 : p.aex - 1,
      row: p.arow === undefined ? null : p.arow - 1,
    };
  },
  toParams(s: AttentionState): Params {
    const init = initialAttention();
    const out: Params = {};
    if (s.task !== init.task) out.atask = s.task;
    const d = taskLengths(s.task, undefined, undefined);
    if (lengthLimit(s.task) !== null) {
      if (s.minLength !== d.minLength) out.amin = s.minLength;
      if (s.maxLength !== d.maxLength) out.amax = s.maxLength;
    }
    if (s.attention !== init.attention) out.aatt = s.attention;
    if (s.cell !== init.cell) out.acell = s.cell;
    if (s.hidden !== init.hidden) out.ahidden = s.hidden;
    if (s.bidirectional) out.abi = '1';
    if (s.example !== init.example) out.aex = s.example + 1;
    if (s.row !== null) out.arow = s.row + 1;
    return out;
  },
});

/** The length chart's runs after a run's scores: kept by everything but the attention. */
export function withScores(
  compare: AttentionCompare,
  settings: AttentionSettings,
  scores: AttentionScores,
): AttentionCompare {
  const key = compareKey(settings);
  return { ...compare, [key]: { ...compare[key], [settings.attention]: scores } };
}
