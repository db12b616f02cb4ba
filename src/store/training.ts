// The `training` slice: the run as the Training view shows it. Fast-growing curves live in a
// `TrainingHistory` that is appended to in place; `version` changes with every append so charts
// that read it re-render (transient updates, not a copy of every array ten times a second).
// The pure functions here (appendProgress, truncateHistory, …) are tested without React.
import type {
  CorpusInfo,
  ModelInfo,
  NeuronActivations,
  ProgressBatch,
  WeightsSnapshot,
} from '../worker/protocol';

export type RunPhase = 'idle' | 'loading' | 'ready' | 'running' | 'diverged';

/** Per-step curves; index k of every array is step steps[k]. */
export interface TrainingHistory {
  steps: number[];
  loss: number[];
  /** Exponential moving average of the loss (β = SMOOTHING), bias-corrected. */
  smooth: number[];
  gradBefore: number[];
  gradAfter: number[];
  clipped: number[];
  val: { step: number; loss: number }[];
  /** Running EMA state. */
  ema: { value: number; weight: number };
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

export interface CheckpointMeta {
  id: string;
  name: string;
  step: number;
  savedAt: number;
  corpus: string;
  cell: string;
  hiddenSize: number;
  numLayers: number;
}

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
  version: number;
  speed: { charsPerSecond: number; stepsPerSecond: number; epoch: number; fps: number };
  /** ‖dL/dh_t‖ of the latest batch, per layer and step. */
  dLdhNorm: number[][];
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
  units: 'nats' | 'bits';
  logSteps: boolean;
  weights: WeightsSnapshot | null;
  neurons: NeuronActivations | null;
  checkpoints: CheckpointMeta[];
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
    version: 0,
    speed: { charsPerSecond: 0, stepsPerSecond: 0, epoch: 0, fps: 0 },
    dLdhNorm: [],
    sample: null,
    timeline: [],
    temperature: 0.8,
    divergence: null,
    confirm: null,
    error: null,
    message: null,
    savedAt: null,
    units: 'nats',
    logSteps: false,
    weights: null,
    neurons: null,
    checkpoints: [],
  };
}

/** Appends a progress batch's steps to the history (in place). Steps already present are skipped. */
export function appendProgress(h: TrainingHistory, b: ProgressBatch): void {
  const last = h.steps.at(-1) ?? 0;
  for (let k = 0; k < b.loss.length; k++) {
    const step = b.firstStep + k;
    if (step <= last) continue;
    const loss = b.loss[k]!;
    h.steps.push(step);
    h.loss.push(loss);
    if (Number.isFinite(loss)) {
      h.ema.value = SMOOTHING * h.ema.value + (1 - SMOOTHING) * loss;
      h.ema.weight = SMOOTHING * h.ema.weight + (1 - SMOOTHING);
    }
    h.smooth.push(h.ema.weight > 0 ? h.ema.value / h.ema.weight : loss);
    h.gradBefore.push(b.gradNormBefore[k]!);
    h.gradAfter.push(b.gradNormAfter[k]!);
    h.clipped.push(b.clipped[k]!);
  }
  if (b.val && b.val.step > (h.val.at(-1)?.step ?? -1)) h.val.push(b.val);
}

/** Drops everything after `step` (after restoring a checkpoint), recomputing the EMA state. */
export function truncateHistory(h: TrainingHistory, step: number): TrainingHistory {
  const n = h.steps.findIndex((s) => s > step);
  if (n === -1) return h;
  const out = emptyHistory();
  out.steps = h.steps.slice(0, n);
  out.loss = h.loss.slice(0, n);
  out.smooth = h.smooth.slice(0, n);
  out.gradBefore = h.gradBefore.slice(0, n);
  out.gradAfter = h.gradAfter.slice(0, n);
  out.clipped = h.clipped.slice(0, n);
  out.val = h.val.filter((p) => p.step <= step);
  for (const loss of out.loss) {
    if (!Number.isFinite(loss)) continue;
    out.ema.value = SMOOTHING * out.ema.value + (1 - SMOOTHING) * loss;
    out.ema.weight = SMOOTHING * out.ema.weight + (1 - SMOOTHING);
  }
  return out;
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

/** The loss history as CSV: one row per step, the validation loss where it was measured. */
export function historyCsv(h: TrainingHistory): string {
  const val = new Map(h.val.map((p) => [p.step, p.loss]));
  const rows = [
    'step,loss_nats,smoothed_nats,val_loss_nats,grad_norm_before,grad_norm_after,clipped',
  ];
  for (let k = 0; k < h.steps.length; k++) {
    const v = val.get(h.steps[k]!);
    rows.push(
      [
        h.steps[k],
        h.loss[k],
        h.smooth[k],
        v ?? '',
        h.gradBefore[k],
        h.gradAfter[k],
        h.clipped[k],
      ].join(','),
    );
  }
  return `${rows.join('\n')}\n`;
}
