// The training loop as the worker runs it: steps in slices of about 30 ms so pause and other
// requests are honoured between them, a validation loss every EVAL_EVERY_MS, timeline samples,
// the last good checkpoint, and the step reports posted as one batch at most every 100 ms. Steps
// large enough to time measure the machine's speed (operations per second) for the app's cost
// estimate; a step that took far longer than the app allows stops the run.

import type { Model } from '../engine/model.ts';
import { Problem } from '../engine/problem.ts';
import { MAX_STEP_SECONDS, MIN_TIMED_FLOPS } from '../engine/stepCost.ts';
import type { Metric } from '../engine/tasks/task.ts';
import type { StepReport } from '../engine/trainer.ts';
import type { SessionHooks } from './hooks.ts';
import { isTimelineStep } from './sessionViews.ts';

/** How often the training loop measures the validation loss, and on how many characters. */
export const EVAL_EVERY_MS = 2500;
export const EVAL_CHARS = 4000;
/**
 * A step that took longer than this stops the run. The app refuses steps estimated above
 * MAX_STEP_SECONDS; this catches an estimate that was wrong (a slower machine, a busy core).
 */
export const LONGEST_STEP_MS = 2 * MAX_STEP_SECONDS * 1000;

/** What the loop asks of a trainer: a step, and (a recurrent model's) last-step gradient norms. */
export interface LoopTrainer {
  step(): StepReport;
  /** ‖∂ℓ_T/∂h_t‖ of the latest batch, [L][T]; [] when the model has none to show. */
  lastStepNorms(): number[][];
}

/** What the loop drives, as the session holds it; M is the kind of model (the engine's Model, an
 * encoder–decoder, …). */
export interface LoopTarget<M = Model> {
  /** The trainer; throws when the model cannot train on the current text. */
  trainer(): LoopTrainer;
  /** The model in training (null before there is one). */
  model(): M | null;
  /** A copy of the model's parameters, kept as the last good model. */
  snapshot(model: M): M;
  /** Steps taken before the current trainer was made. */
  stepBase(): number;
  /** The run's step count. */
  currentStep(): number;
  /** Validation loss on the first `maxChars` characters of the val split. */
  valLoss(maxChars: number): number;
  /** The task's further validation metrics on the same characters. */
  valMetrics(maxChars: number): Metric[];
  /** The task's divergence rule. */
  diverged(loss: number, finite: boolean): boolean;
  /** The sample the timeline shows for `step`. */
  timelineSample(step: number): string;
  /** Operations of one training step (stepCost.ts), 0 when unknown. */
  stepFlops(): number;
}

export class TrainingLoop<M = Model> {
  /** The last checkpoint whose loss and gradients were finite, and its step. */
  lastGood: M | null = null;
  lastGoodStep = 0;
  private running = false;
  /** Counts the starts: a slice scheduled before the latest start ends instead of running on. */
  private generation = 0;
  private pending: StepReport[] = [];
  private lastPost = 0;
  private charsSincePost = 0;
  private divergedAt = 0;
  private lastEval = 0;
  private pendingVal: { step: number; loss: number; metrics?: Metric[] } | null = null;
  private pendingSamples: { step: number; text: string }[] = [];
  /** Time and operations of the timed steps since the last post. */
  private timedMs = 0;
  private timedFlops = 0;
  private lastStepMs = 0;

  constructor(
    private readonly hooks: SessionHooks,
    private readonly target: LoopTarget<M>,
  ) {}

  get isRunning(): boolean {
    return this.running;
  }

  /** A new run from `lastGood` at `step`: nothing pending, no divergence. */
  reset(lastGood: M, step: number): void {
    this.lastGood = lastGood;
    this.lastGoodStep = step;
    this.divergedAt = 0;
    this.pending = [];
    this.pendingVal = null;
    this.pendingSamples = [];
  }

  /** Starts the slices (the caller has checked there is a trainer); reports go to hooks.progress. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.lastPost = this.hooks.now();
    this.lastEval = this.lastPost;
    const generation = ++this.generation;
    this.hooks.schedule(() => this.slice(generation));
  }

  /**
   * Runs `change` (a new trainer, new settings) between slices, the loop held: what is pending is
   * posted first, no batch says training stopped, and a running loop goes on afterwards with one
   * chain of slices.
   */
  changeWhileRunning(change: () => void): void {
    const was = this.running;
    this.flush();
    this.running = false;
    try {
      change();
    } finally {
      if (was) this.start();
    }
  }

  /** Stops after the chunk in progress and posts what is pending. */
  stop(): void {
    this.running = false;
    this.flush();
  }

  /** One step, reported like the loop's. */
  step(): StepReport {
    const report = this.runStep();
    this.flush();
    return report;
  }

  private runStep(): StepReport {
    const trainer = this.target.trainer();
    const flops = this.target.stepFlops();
    const started = this.hooks.now();
    const raw = trainer.step();
    this.lastStepMs = this.hooks.now() - started;
    if (flops >= MIN_TIMED_FLOPS) {
      this.timedMs += this.lastStepMs;
      this.timedFlops += flops;
    }
    const report: StepReport = { ...raw, step: this.target.stepBase() + raw.step };
    this.pending.push(report);
    this.charsSincePost += report.chars;
    if (this.isDiverged(report)) {
      this.running = false;
      this.divergedAt = report.step;
    } else {
      const model = report.step % 50 === 0 ? this.target.model() : null;
      if (model) {
        this.lastGood = this.target.snapshot(model);
        this.lastGoodStep = report.step;
      }
      if (isTimelineStep(report.step)) {
        this.pendingSamples.push({
          step: report.step,
          text: this.target.timelineSample(report.step),
        });
      }
    }
    return report;
  }

  /** Validation loss on the start of the val split (same characters every time). */
  private measureVal(): void {
    const loss = this.target.valLoss(EVAL_CHARS);
    const metrics = this.target.valMetrics(EVAL_CHARS);
    this.pendingVal = {
      step: this.target.currentStep(),
      loss,
      ...(metrics.length > 0 ? { metrics } : {}),
    };
    this.lastEval = this.hooks.now();
  }

  /** The task says when a run has diverged (a character model: 4·ln V nats, or not finite). */
  private isDiverged(r: StepReport): boolean {
    return this.target.diverged(r.loss, r.finite);
  }

  /** One slice of the training loop: steps for about 30 ms, then yield. */
  private slice(generation: number): void {
    if (!this.running || generation !== this.generation) return;
    const start = this.hooks.now();
    try {
      do {
        this.runStep();
        if (this.lastStepMs > LONGEST_STEP_MS) throw tooLong(this.lastStepMs);
      } while (this.running && this.hooks.now() - start < 30);
      if (this.running && this.hooks.now() - this.lastEval >= EVAL_EVERY_MS) this.measureVal();
    } catch (e) {
      this.running = false;
      this.flush();
      throw e;
    }
    if (!this.running || this.hooks.now() - this.lastPost >= 100) this.flush();
    if (this.running) this.hooks.schedule(() => this.slice(generation));
  }

  /** ‖∂ℓ_T/∂h_t‖ of the latest batch, when there is a trainer (a forward and a backward). */
  private lastStepNorm(): { lastStepNorm?: number[][] } {
    try {
      const norms = this.target.trainer().lastStepNorms();
      return norms.length > 0 ? { lastStepNorm: norms } : {};
    } catch {
      return {}; // no trainer for the current text: nothing to report
    }
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    const now = this.hooks.now();
    const reports = this.pending;
    this.pending = [];
    const seconds = Math.max(1e-3, (now - this.lastPost) / 1000);
    const last = reports[reports.length - 1]!;
    this.hooks.progress({
      firstStep: reports[0]!.step,
      loss: Float64Array.from(reports, (r) => r.loss),
      gradNormBefore: Float64Array.from(reports, (r) => r.gradNormBefore),
      gradNormAfter: Float64Array.from(reports, (r) => r.gradNormAfter),
      clipped: Uint8Array.from(reports, (r) => (r.clipped ? 1 : 0)),
      charsPerSecond: this.charsSincePost / seconds,
      stepsPerSecond: reports.length / seconds,
      epoch: last.epoch,
      dLdhNorm: last.dLdhNorm,
      ...this.lastStepNorm(),
      diverged: this.divergedAt === last.step,
      lastGoodStep: this.lastGoodStep,
      running: this.running,
      ...(this.timedMs > 0 ? { flopsPerSecond: this.timedFlops / (this.timedMs / 1000) } : {}),
      ...(this.pendingVal ? { val: this.pendingVal } : {}),
      ...(this.pendingSamples.length > 0 ? { samples: this.pendingSamples } : {}),
    });
    this.pendingVal = null;
    this.pendingSamples = [];
    this.lastPost = now;
    this.charsSincePost = 0;
    this.timedMs = 0;
    this.timedFlops = 0;
  }
}

function tooLong(ms: number): Problem {
  return new Problem('run.stepTooLong', {
    seconds: (ms / 1000).toFixed(1),
    limit: MAX_STEP_SECONDS,
  });
}
