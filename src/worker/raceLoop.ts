// A race of models (engine/race.ts) as the worker runs it: the Gradient flow view's plain RNN
// against an LSTM, or the Tagging view's forward-only model against a bidirectional one. Steps in
// slices of about 30 ms so a pause or any other request is answered between them, every racer
// scored on the validation split every evalEvery steps (a slice ends after scoring), and the
// scores posted as one batch at most every RACE_POST_MS. The race ends itself at maxSteps.
// Its models are its own: the training session's model is untouched. What a race is made of is
// its kind's (RaceKind): the loop knows nothing of copy tasks or tags.

import type { Compute } from '../engine/kernels.ts';
import type { RaceKind, RaceLimits, RunningRace } from '../engine/race.ts';

export type { RaceKind, RaceLimits } from '../engine/race.ts';
import type { RaceInfo, RaceProgress } from './protocol.ts';

/** Longest run of steps between two looks at the message queue, in milliseconds. */
export const RACE_SLICE_MS = 30;
/** Shortest time between two progress posts while the race runs, in milliseconds. */
export const RACE_POST_MS = 200;

/** What the race needs from its host (the worker: postMessage, setTimeout; tests: their own). */
export interface RaceHooks {
  progress(progress: RaceProgress): void;
  schedule(fn: () => void): void;
  /** Milliseconds, monotonic. */
  now(): number;
  /** What new races' models compute with (the session's kernel, or plain JS). */
  compute(): Compute;
}

interface Current<S, R> {
  readonly id: number;
  readonly settings: S;
  readonly run: R;
  step: number;
  /** The last step both racers were scored at (-1: not yet). */
  scored: number;
}

export class RaceLoop<S, R extends RunningRace = RunningRace> {
  private current: Current<S, R> | null = null;
  private created = 0;
  private running = false;
  /** Identifies the live chain of slices: a slice from before a pause and restart stops itself. */
  private token = 0;
  private pendingSteps: number[] = [];
  private pendingLoss: number[][] = [];
  private pendingMetrics: Record<string, number>[][] = [];
  private lastPost = 0;
  private stepsSincePost = 0;

  private readonly limits: RaceLimits;

  constructor(
    private readonly hooks: RaceHooks,
    private readonly kind: RaceKind<S, R>,
    /** Where the race ends and how often it is scored (tests shorten them). */
    limits?: RaceLimits,
  ) {
    this.limits = limits ?? kind.limits;
  }

  /** The race held (null before the first), for what a kind offers beyond the loop. */
  get held(): { readonly settings: S; readonly run: R; readonly step: number } | null {
    return this.current;
  }

  get isRunning(): boolean {
    return this.running;
  }

  /** Runs the race for `settings`: the one held if it is for them, else a new one from step 0. */
  start(settings: S): RaceInfo<S> {
    const cur = this.heldFor(settings) ?? this.create(settings);
    if (this.running || cur.step >= this.limits.maxSteps) return this.info();
    this.running = true;
    this.lastPost = this.hooks.now();
    this.stepsSincePost = 0;
    const token = ++this.token;
    this.hooks.schedule(() => this.slice(token));
    return this.info();
  }

  /** Stops after the slice in progress and posts what is pending. */
  pause(): RaceInfo<S> {
    if (this.running) {
      this.running = false;
      this.flush(false);
    }
    return this.info();
  }

  /** A new race for `settings` at step 0, paused; nothing of the old one is posted any more. */
  reset(settings: S): RaceInfo<S> {
    this.running = false;
    this.create(settings);
    return this.info();
  }

  info(): RaceInfo<S> {
    const cur = this.current;
    return {
      race: cur?.id ?? 0,
      settings: cur?.settings ?? null,
      step: cur?.step ?? 0,
      maxSteps: this.limits.maxSteps,
      running: this.running,
      racers: (cur?.run.entrants ?? []).map((r) => ({
        name: r.name,
        cell: r.arch.cell,
        hiddenSize: r.arch.hiddenSize,
        layers: r.arch.numLayers,
        bidirectional: r.arch.bidirectional,
        parameters: r.parameters,
      })),
      baselines: (cur?.run.baselines ?? []).map((b) => ({ ...b })),
    };
  }

  private heldFor(settings: S): Current<S, R> | null {
    const cur = this.current;
    return cur && this.kind.same(cur.settings, settings) ? cur : null;
  }

  private create(settings: S): Current<S, R> {
    const run = this.kind.create(settings, this.hooks.compute());
    const cur: Current<S, R> = { id: ++this.created, settings, run, step: 0, scored: -1 };
    this.current = cur;
    this.pendingSteps = [];
    this.pendingLoss = run.entrants.map(() => []);
    this.pendingMetrics = run.entrants.map(() => []);
    return cur;
  }

  private score(cur: Current<S, R>): void {
    const { loss, metrics } = cur.run.score();
    this.pendingSteps.push(cur.step);
    loss.forEach((v, k) => this.pendingLoss[k]!.push(v));
    metrics.forEach((m, k) => this.pendingMetrics[k]!.push(m));
    cur.scored = cur.step;
  }

  /** Steps for about RACE_SLICE_MS, or until the racers were scored, then yields. */
  private slice(token: number): void {
    const cur = this.current;
    if (token !== this.token || !this.running || cur === null) return;
    const start = this.hooks.now();
    try {
      if (cur.scored < 0) {
        this.score(cur); // where both start from
      } else {
        do {
          cur.run.step();
          cur.step++;
          this.stepsSincePost++;
          if (cur.step % this.limits.evalEvery === 0) {
            this.score(cur);
            break;
          }
        } while (cur.step < this.limits.maxSteps && this.hooks.now() - start < RACE_SLICE_MS);
      }
    } catch (error) {
      this.running = false;
      this.flush(false, error instanceof Error ? error.message : String(error));
      return;
    }
    const finished = cur.step >= this.limits.maxSteps;
    if (finished) this.running = false;
    if (!this.running || this.hooks.now() - this.lastPost >= RACE_POST_MS) this.flush(finished);
    if (this.running) this.hooks.schedule(() => this.slice(token));
  }

  private flush(finished: boolean, error?: string): void {
    const cur = this.current;
    if (cur === null) return;
    const now = this.hooks.now();
    const seconds = Math.max(1e-3, (now - this.lastPost) / 1000);
    this.hooks.progress({
      race: cur.id,
      step: cur.step,
      running: this.running,
      finished,
      stepsPerSecond: this.stepsSincePost / seconds,
      valSteps: Float64Array.from(this.pendingSteps),
      racers: this.pendingLoss.map((loss, k) => ({
        loss: Float64Array.from(loss),
        metrics: columns(this.pendingMetrics[k]!, cur.run.metricKeys),
      })),
      ...(error !== undefined ? { error } : {}),
    });
    this.pendingSteps = [];
    this.pendingLoss = this.pendingLoss.map(() => []);
    this.pendingMetrics = this.pendingMetrics.map(() => []);
    this.lastPost = now;
    this.stepsSincePost = 0;
  }
}

/** Scores by metric as columns: {accuracy: [a0, a1, …], …}. */
function columns(
  scores: readonly Readonly<Record<string, number>>[],
  keys: readonly string[],
): Record<string, Float64Array> {
  return Object.fromEntries(
    keys.map((key) => [key, Float64Array.from(scores, (s) => s[key] ?? NaN)]),
  );
}
