// The `training` slice: the run as the Training view shows it. The curves are a
// `TrainingHistory` that is never changed: each update (appendProgress, addValidation,
// truncateHistory) returns a new one, so a chart re-renders exactly when its history is a new
// value. The controller (trainingController.ts) puts new progress in at most four times a second.
// The pure functions here are tested without React.
import type { Metric } from '../engine/tasks/task';
import type { CheckpointMeta } from '../persist/trainingStore';
import type { ConfigState } from './config';
import type {
  CorpusInfo,
  ModelInfo,
  NeuronActivations,
  ProgressBatch,
  WeightsSnapshot,
} from '../worker/protocol';

export type RunPhase = 'idle' | 'loading' | 'ready' | 'running' | 'diverged';

/** Per-step curves; index k of every array is step steps[k]. Read-only: updates make a new one. */
export interface TrainingHistory {
  readonly steps: readonly number[];
  readonly loss: readonly number[];
  /** Exponential moving average of the loss (β = SMOOTHING), bias-corrected. */
  readonly smooth: readonly number[];
  readonly gradBefore: readonly number[];
  readonly gradAfter: readonly number[];
  readonly clipped: readonly number[];
  readonly val: readonly ValPoint[];
  /** Running EMA state. */
  readonly ema: { readonly value: number; readonly weight: number };
}

/** A validation loss and the step it was measured at, with the task's further metrics. */
export interface ValPoint {
  readonly step: number;
  readonly loss: number;
  /** E.g. the copy task's accuracy at the recall position. */
  readonly metrics?: readonly Metric[] | undefined;
}

export const SMOOTHING = 0.95;

export interface Divergence {
  step: number;
  loss: number;
  /** The largest gradient norm (before clipping) of the last few steps, or a non-finite one. */
  gradNorm: number;
  lr: number;
  clipMode: 'none' | 'norm' | 'value';
  lastGoodStep: number;
}

export interface PendingConfirm {
  message: string;
  confirmLabel: string;
  run: () => void;
}

export type { CheckpointMeta };

export interface TrainingState {
  phase: RunPhase;
  /** What is loading, for the status line of the view. */
  busy: string | null;
  corpus: CorpusInfo | null;
  /** Why the last text was rejected (the current model and run are untouched). */
  corpusError: string | null;
  model: ModelInfo | null;
  step: number;
  history: TrainingHistory;
  speed: { charsPerSecond: number; stepsPerSecond: number; epoch: number; fps: number };
  /** ‖dL/dh_t‖ of the latest batch, per layer and step. */
  dLdhNorm: number[][];
  /** ‖∂ℓ_T/∂h_t‖ of the latest batch (the last step's loss alone), per layer and step. */
  lastStepNorm: number[][];
  sample: { step: number; text: string; temperature: number } | null;
  timeline: { step: number; text: string }[];
  temperature: number;
  divergence: Divergence | null;
  confirm: PendingConfirm | null;
  /** The last failure of a training action (shown in the view, not as an engine failure). */
  error: string | null;
  /** A short note on what just happened (restored, saved, imported …). */
  message: string | null;
  savedAt: number | null;
  /** The step of the run the last autosave holds. */
  savedStep: number | null;
  /** The browser refused the last autosave (a record too large for it, storage full or off). */
  saveFailed: boolean;
  units: 'nats' | 'bits';
  logSteps: boolean;
  weights: WeightsSnapshot | null;
  neurons: NeuronActivations | null;
  checkpoints: CheckpointMeta[];
  /** A saved run that could not be restored, kept so the learner can download it. */
  damagedSave: DamagedSave | null;
  /** A saved run with other settings this tab can go back to (a link opened a fresh model). */
  earlierRun: EarlierRun | null;
  /** The engine's speed on this machine (operations per second), once steps were timed. */
  flopsPerSecond: number | null;
}

/** Why the saved run could not be restored, and the save itself (JSON). */
export interface DamagedSave {
  message: string;
  /** The save as it was stored, to download; null when it could not be read. */
  file: string | null;
}

/** A saved run the view offers to go back to: its slot, step, time and settings. */
export interface EarlierRun {
  id: string;
  step: number;
  savedAt: number;
  config: ConfigState;
}

export function emptyHistory(): TrainingHistory {
  return {
    steps: [],
    loss: [],
    smooth: [],
    gradBefore: [],
    gradAfter: [],
    clipped: [],
    val: [],
    ema: { value: 0, weight: 0 },
  };
}

export function initialTraining(): TrainingState {
  return {
    phase: 'idle',
    busy: null,
    corpus: null,
    corpusError: null,
    model: null,
    step: 0,
    history: emptyHistory(),
    speed: { charsPerSecond: 0, stepsPerSecond: 0, epoch: 0, fps: 0 },
    dLdhNorm: [],
    lastStepNorm: [],
    sample: null,
    timeline: [],
    temperature: 0.8,
    divergence: null,
    confirm: null,
    error: null,
    message: null,
    savedAt: null,
    savedStep: null,
    saveFailed: false,
    flopsPerSecond: null,
    units: 'nats',
    logSteps: false,
    weights: null,
    neurons: null,
    checkpoints: [],
    damagedSave: null,
    earlierRun: null,
  };
}

/**
 * The history with the steps of progress batches appended (a new value; `h` is unchanged). Steps
 * already present are skipped; returns `h` itself when the batches add nothing.
 */
export function appendProgress(
  h: TrainingHistory,
  ...batches: readonly ProgressBatch[]
): TrainingHistory {
  const steps = [...h.steps];
  const loss = [...h.loss];
  const smooth = [...h.smooth];
  const gradBefore = [...h.gradBefore];
  const gradAfter = [...h.gradAfter];
  const clipped = [...h.clipped];
  let val = h.val;
  let { value, weight } = h.ema;
  for (const b of batches) {
    for (let k = 0; k < b.loss.length; k++) {
      const step = b.firstStep + k;
      if (step <= (steps.at(-1) ?? 0)) continue;
      const l = b.loss[k]!;
      steps.push(step);
      loss.push(l);
      if (Number.isFinite(l)) {
        value = SMOOTHING * value + (1 - SMOOTHING) * l;
        weight = SMOOTHING * weight + (1 - SMOOTHING);
      }
      smooth.push(weight > 0 ? value / weight : l);
      gradBefore.push(b.gradNormBefore[k]!);
      gradAfter.push(b.gradNormAfter[k]!);
      clipped.push(b.clipped[k]!);
    }
    if (b.val) val = withPoint(val, b.val);
  }
  if (steps.length === h.steps.length && val === h.val) return h;
  return { steps, loss, smooth, gradBefore, gradAfter, clipped, val, ema: { value, weight } };
}

/** The history with a validation loss added, unless one as recent is already there. */
export function addValidation(h: TrainingHistory, point: ValPoint): TrainingHistory {
  const val = withPoint(h.val, point);
  return val === h.val ? h : { ...h, val };
}

function withPoint(val: readonly ValPoint[], point: ValPoint): readonly ValPoint[] {
  return point.step > (val.at(-1)?.step ?? -1) ? [...val, point] : val;
}

/** Drops everything after `step` (after restoring a checkpoint), recomputing the EMA state. */
export function truncateHistory(h: TrainingHistory, step: number): TrainingHistory {
  const n = h.steps.findIndex((s) => s > step);
  if (n === -1) return h;
  const loss = h.loss.slice(0, n);
  let value = 0;
  let weight = 0;
  for (const l of loss) {
    if (!Number.isFinite(l)) continue;
    value = SMOOTHING * value + (1 - SMOOTHING) * l;
    weight = SMOOTHING * weight + (1 - SMOOTHING);
  }
  return {
    steps: h.steps.slice(0, n),
    loss,
    smooth: h.smooth.slice(0, n),
    gradBefore: h.gradBefore.slice(0, n),
    gradAfter: h.gradAfter.slice(0, n),
    clipped: h.clipped.slice(0, n),
    val: h.val.filter((p) => p.step <= step),
    ema: { value, weight },
  };
}

/**
 * Passes over the training text after `step` steps of `batchSize` streams of `seqLen` characters
 * (0 without a text). Derived from the step, so it follows the run across a discard, a checkpoint
 * and a reload (the engine's batcher counts from wherever it was last made).
 */
export function epochAt(
  step: number,
  trainChars: number | null,
  batchSize: number,
  seqLen: number,
): number {
  return trainChars === null || trainChars <= 0 ? 0 : (step * batchSize * seqLen) / trainChars;
}

/** The share of steps that were clipped (0 when there are none). */
export function clippedShare(h: TrainingHistory): number {
  if (h.clipped.length === 0) return 0;
  let n = 0;
  for (const c of h.clipped) n += c;
  return n / h.clipped.length;
}

/** What a divergence report says: the step, its loss, the gradient spike, the settings. */
export function divergenceOf(
  h: TrainingHistory,
  b: ProgressBatch,
  lr: number,
  clipMode: Divergence['clipMode'],
): Divergence {
  const n = b.loss.length;
  let spike = 0;
  for (let k = Math.max(0, h.gradBefore.length - 10); k < h.gradBefore.length; k++) {
    const g = h.gradBefore[k]!;
    if (!Number.isFinite(g)) {
      spike = g;
      break;
    }
    spike = Math.max(spike, g);
  }
  return {
    step: b.firstStep + n - 1,
    loss: b.loss[n - 1]!,
    gradNorm: spike,
    lr,
    clipMode,
    lastGoodStep: b.lastGoodStep,
  };
}

/**
 * The loss history as CSV: one row per step, the validation loss (and the task's metrics, one
 * column each) where it was measured.
 */
export function historyCsv(h: TrainingHistory): string {
  const val = new Map(h.val.map((p) => [p.step, p]));
  const metricKeys = [...new Set(h.val.flatMap((p) => (p.metrics ?? []).map((m) => m.key)))];
  const rows = [
    [
      'step,loss_nats,smoothed_nats,val_loss_nats',
      ...metricKeys.map((key) => `val_${key}`),
      'grad_norm_before,grad_norm_after,clipped',
    ].join(','),
  ];
  for (let k = 0; k < h.steps.length; k++) {
    const v = val.get(h.steps[k]!);
    rows.push(
      [
        h.steps[k],
        h.loss[k],
        h.smooth[k],
        v?.loss ?? '',
        ...metricKeys.map((key) => v?.metrics?.find((m) => m.key === key)?.value ?? ''),
        h.gradBefore[k],
        h.gradAfter[k],
        h.clipped[k],
      ].join(','),
    );
  }
  return `${rows.join('\n')}\n`;
}
