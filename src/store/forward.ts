// The `forward` slice: what the Forward pass view shows. Its URL keys live here too, so a shared
// link reproduces the view: the model, the text, the timestep, the layer and the hidden unit.
// The trace itself is not in the URL: it is recomputed by the engine from the model and text.
import * as v from 'valibot';
import { urlSlice } from './urlSlice';
import {
  DEFAULT_MODEL,
  DEFAULT_SPEED,
  DEFAULT_TEXT,
  FORWARD_MODELS,
  MAX_TEXT_CHARS,
  MIN_TEXT_CHARS,
  type ForwardModel,
} from '../content/forward';
import type { BackwardAt } from '../engine/backwardTrace';
import type { FiniteDifference } from '../engine/gradCheck';
import type { Trace } from '../engine/trace';
import type { ModelInfo, SeriesTraced } from '../worker/protocol';

/** A trace the engine returned, with what it was asked. */
export interface ForwardResult {
  /** The text that was traced; inputs are chars[0..T−1], targets chars[1..T]. */
  readonly text: string;
  /** The text split into characters (code points); a tagger's: the text as its task reads it
   * (spaces removed), inputs chars[0..T−1]. */
  readonly chars: readonly string[];
  /** A tagger's class labels and the true class of each step; null for a character model. */
  readonly tagged: { readonly classes: readonly string[]; readonly tags: readonly number[] } | null;
  readonly trace: Trace;
  readonly model: ModelInfo;
  /** Characters outside the model's vocabulary, by position in `chars`. */
  readonly unknown: readonly { position: number; char: string }[];
  /** Where the traced model came from (a file model that failed to load falls back to fresh). */
  readonly source: 'file' | 'fresh' | 'training' | 'series';
  /** A series model: the window it read, its inputs x_t and its predictions (absent: text). */
  readonly series?: SeriesTraced['window'];
}

/** Which pass the view steps through: forward (t = 1 → T) or backward through time (T → 1). */
export const PASSES = ['forward', 'backward'] as const;
export type Pass = (typeof PASSES)[number];

/** The backward pass stopped at one step, as the engine returned it, with what it was asked. */
export interface BackwardResult {
  /** The forward result it belongs to (a new trace makes it stale). */
  readonly of: ForwardResult;
  readonly at: BackwardAt;
}

/** One weight's gradient checked by finite differences in the worker, next to the engine's. */
export interface GradCheckResult {
  readonly of: ForwardResult;
  readonly check: FiniteDifference;
  readonly engine: number;
}

/** The backward mode's own state (none of it is in the URL but the pass, step and K). */
export interface BackwardState {
  result: BackwardResult | null;
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
  check: GradCheckResult | null;
  checking: boolean;
  checkError: string | null;
}

export function initialBackward(): BackwardState {
  return {
    result: null,
    status: 'idle',
    error: null,
    check: null,
    checking: false,
    checkError: null,
  };
}

/** Largest truncation length K the view marks (the Gradient flow view's own limit). */
export const MAX_TRUNCATION = 200;

/** 'noModel': the chosen view (the Time series view) holds no model yet; not an error. */
export type ForwardStatus = 'idle' | 'loading' | 'ready' | 'error' | 'noModel';

export interface ForwardState {
  model: ForwardModel;
  text: string;
  /** The current timestep, 0-based (shown as step t + 1; the URL's `t` is 1-based too). */
  t: number;
  /** The layer shown, 0-based (PyTorch's l0, l1, …; the URL's `layer` is 1-based). */
  layer: number;
  /** The direction shown in a bidirectional layer: 0 forward, 1 backward (`…_reverse`). */
  direction: 0 | 1;
  /** The hidden unit j whose numbers the equations show, 0-based as in the engine's arrays. */
  unit: number;
  /** The pass stepped through. */
  pass: Pass;
  /** Truncated BPTT's chunk length K marked in the backward mode (0: no mark). */
  trunc: number;
  /** The backward mode's results. */
  backward: BackwardState;
  playing: boolean;
  /** Playback speed in steps per second. */
  speed: number;
  status: ForwardStatus;
  /** Why there is no trace (engine error, bad model file, too short a text). */
  error: string | null;
  /** A note about the model, e.g. that a pretrained one was missing and a fresh one is shown. */
  modelNote: string | null;
  result: ForwardResult | null;
}

export function initialForward(): ForwardState {
  return {
    model: DEFAULT_MODEL,
    text: DEFAULT_TEXT,
    t: 0,
    layer: 0,
    direction: 0,
    unit: 0,
    pass: 'forward',
    trunc: 0,
    backward: initialBackward(),
    playing: false,
    speed: DEFAULT_SPEED,
    status: 'idle',
    error: null,
    modelNote: null,
    result: null,
  };
}

const count = (max: number) =>
  v.pipe(
    v.string(),
    v.regex(/^\d{1,4}$/),
    v.transform(Number),
    v.integer(),
    v.minValue(0),
    v.maxValue(max),
  );

/** URL keys of the forward view (valibot entries, merged into the one URL schema). */
export const FORWARD_PARAMS = {
  model: v.optional(v.picklist(FORWARD_MODELS)),
  text: v.optional(
    v.pipe(
      v.string(),
      v.check((s) => {
        const n = Array.from(s).length;
        return n >= MIN_TEXT_CHARS && n <= MAX_TEXT_CHARS;
      }),
    ),
  ),
  /** Step, 1-based. */
  t: v.optional(v.pipe(count(MAX_TEXT_CHARS), v.minValue(1))),
  /** Layer, 1-based. */
  layer: v.optional(v.pipe(count(4), v.minValue(1))),
  /** The backward direction of a bidirectional layer (absent: forward). */
  dir: v.optional(v.picklist(['backward'])),
  /** Hidden unit, 0-based. */
  unit: v.optional(count(2047)),
  /** The backward pass (absent: forward). */
  pass: v.optional(v.picklist(['backward'])),
  /** Truncation length K marked in the backward pass (absent: none). */
  k: v.optional(v.pipe(count(MAX_TRUNCATION), v.minValue(1))),
} satisfies v.ObjectEntries;

export type ForwardParams = {
  [K in keyof typeof FORWARD_PARAMS]?: v.InferOutput<(typeof FORWARD_PARAMS)[K]>;
};

/** The slice an address describes (defaults for missing keys). */
export function forwardFromParams(params: ForwardParams): Partial<ForwardState> {
  const defaults = initialForward();
  return {
    model: params.model ?? defaults.model,
    text: params.text ?? defaults.text,
    t: params.t !== undefined ? params.t - 1 : defaults.t,
    layer: params.layer !== undefined ? params.layer - 1 : defaults.layer,
    direction: params.dir === 'backward' ? 1 : 0,
    unit: params.unit ?? defaults.unit,
    pass: params.pass ?? defaults.pass,
    trunc: params.k ?? defaults.trunc,
  };
}

/** The URL keys for the slice: only values that differ from the defaults. */
export function paramsFromForward(state: ForwardState): ForwardParams {
  const defaults = initialForward();
  const params: ForwardParams = {};
  if (state.model !== defaults.model) params.model = state.model;
  if (state.text !== defaults.text) params.text = state.text;
  if (state.t !== defaults.t) params.t = state.t + 1;
  if (state.layer !== defaults.layer) params.layer = state.layer + 1;
  if (state.direction === 1) params.dir = 'backward';
  if (state.unit !== defaults.unit) params.unit = state.unit;
  if (state.pass === 'backward') params.pass = 'backward';
  if (state.trunc > 0) params.k = state.trunc;
  return params;
}

/** The Forward pass view's place in the address bar. */
export const FORWARD_SLICE = urlSlice({
  initial: initialForward,
  params: FORWARD_PARAMS,
  fromParams: forwardFromParams,
  toParams: paramsFromForward,
});
