// The races' payloads (types only), re-exported by protocol.ts: which copy race, the description
// of any race the worker holds, and the figures it posts while it runs.
import type { CellKind } from '../engine/cell';
import type { Baseline } from '../engine/tasks/task';

/** Which race: a copy task ('copy10', 'copy20') and the seed both models start from. */
export interface RaceSettings {
  task: string;
  seed: number;
}

/** The race the worker holds (`S`: what names a race of its kind). */
export interface RaceInfo<S> {
  /** Counts the races the worker created, so the app can drop figures of an earlier one. */
  race: number;
  /** The race's settings (null before the first race). */
  settings: S | null;
  /** Steps taken (each racer takes every step, on the same batch). */
  step: number;
  maxSteps: number;
  running: boolean;
  racers: {
    name: string;
    cell: CellKind;
    hiddenSize: number;
    layers: number;
    bidirectional: boolean;
    parameters: number;
  }[];
  /** The task's reference losses (what a model that ignores context scores). */
  baselines: Baseline[];
}

/** The race's figures since the last post (at most one post per ~200 ms while it runs). */
export interface RaceProgress {
  race: number;
  step: number;
  running: boolean;
  /** The race reached maxSteps and stopped. */
  finished: boolean;
  stepsPerSecond: number;
  /** Steps at which both racers were scored on the validation split, since the last post. */
  valSteps: Float64Array;
  /**
   * Per racer (in RaceInfo's order): validation loss at valSteps, and the race's further figures
   * by key (the copy race's `recall`; the tagging race's `accuracy` and `f1`).
   */
  racers: { loss: Float64Array; metrics: Record<string, Float64Array> }[];
  /** The race stopped on an error. */
  error?: string;
}
