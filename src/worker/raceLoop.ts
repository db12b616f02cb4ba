// The race of a plain RNN against an LSTM (engine/copyRace.ts) as the worker runs it: steps in
// slices of about 30 ms so a pause or any other request is answered between them, both models
// scored on the validation split every evalEvery steps (a slice ends after scoring), and
// the scores posted as one batch at most every RACE_POST_MS. The race ends itself at maxSteps.
// Its models are its own: the training session's model is untouched.

import { createCopyRace, scoreRace, type CopyRace } from '../engine/copyRace.ts';
import { COPY_RACE } from '../engine/copyRaceSpec.ts';
import type { Compute } from '../engine/kernels.ts';
import type { RaceInfo, RaceProgress, RaceSettings } from './protocol.ts';

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

export interface RaceLimits {
  readonly maxSteps: number;
  readonly evalEvery: number;
}

interface Current {
  readonly id: number;
  readonly settings: RaceSettings;
  readonly copy: CopyRace;
  step: number;
  /** The last step both racers were scored at (-1: not yet). */
  scored: number;
}

export class RaceLoop {
  private current: Current | null = null;
  private created = 0;
  private running = false;
  /** Identifies the live chain of slices: a slice from before a pause and restart stops itself. */
  private token = 0;
  private pendingSteps: number[] = [];
  private pendingLoss: number[][] = [];
  private pendingRecall: number[][] = [];
  private lastPost = 0;
  private stepsSincePost = 0;

  constructor(
    private readonly hooks: RaceHooks,
    /** Where the race ends and how often it is scored (tests shorten them). */
    private readonly limits: RaceLimits = COPY_RACE,
  ) {}

  get isRunning(): boolean {
    return this.running;
  }

  /** Runs the race for `settings`: the one held if it is for them, else a new one from step 0. */
  start(settings: RaceSettings): RaceInfo {
    const cur = this.held(settings) ?? this.create(settings);
    if (this.running || cur.step >= this.limits.maxSteps) return this.info();
    this.running = true;
    this.lastPost = this.hooks.now();
    this.stepsSincePost = 0;
    const token = ++this.token;
    this.hooks.schedule(() => this.slice(token));
    return this.info();
  }

  /** Stops after the slice in progress and posts what is pending. */
  pause(): RaceInfo {
    if (this.running) {
      this.running = false;
      this.flush(false);
    }
    return this.info();
  }

  /** A new race for `settings` at step 0, paused; nothing of the old one is posted any more. */
  reset(settings: RaceSettings): RaceInfo {
    this.running = false;
    this.create(settings);
    return this.info();
  }

  info(): RaceInfo {
    const cur = this.current;
    return {
      race: cur?.id ?? 0,
      task: cur?.settings.task ?? '',
      seed: cur?.settings.seed ?? 0,
      step: cur?.step ?? 0,
      maxSteps: this.limits.maxSteps,
      running: this.running,
      racers: (cur?.copy.racers ?? []).map((r) => ({
        name: r.name,
        cell: r.arch.cell,
        hiddenSize: r.arch.hiddenSize,
        parameters: r.parameters,
      })),
    };
  }

  private held(settings: RaceSettings): Current | null {
    const cur = this.current;
    return cur && cur.settings.task === settings.task && cur.settings.seed === settings.seed
      ? cur
      : null;
  }

  private create(settings: RaceSettings): Current {
    const copy = createCopyRace(settings.task, settings.seed, this.hooks.compute());
    const cur: Current = {
      id: ++this.created,
      settings: { ...settings },
      copy,
      step: 0,
      scored: -1,
    };
    this.current = cur;
    this.pendingSteps = [];
    this.pendingLoss = copy.racers.map(() => []);
    this.pendingRecall = copy.racers.map(() => []);
    return cur;
  }

  private score(cur: Current): void {
    const { loss, recall } = scoreRace(cur.copy);
    this.pendingSteps.push(cur.step);
    loss.forEach((v, k) => this.pendingLoss[k]!.push(v));
    recall.forEach((v, k) => this.pendingRecall[k]!.push(v));
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
          cur.copy.race.step();
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
        recall: Float64Array.from(this.pendingRecall[k]!),
      })),
      ...(error !== undefined ? { error } : {}),
    });
    this.pendingSteps = [];
    this.pendingLoss = this.pendingLoss.map(() => []);
    this.pendingRecall = this.pendingRecall.map(() => []);
    this.lastPost = now;
    this.stepsSincePost = 0;
  }
}
