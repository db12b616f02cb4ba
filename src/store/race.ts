// The race of a plain RNN against an LSTM, as the Gradient flow view shows it (part of the
// `gradients` slice, not in the URL): which race, where it stands, and each racer's validation
// curves, replaced by a new immutable value on each batch the worker posts (the charts redraw on
// a new value). Pure: raceActions.ts sends the requests and applies the replies.
import type { RaceInfo, RaceProgress, RaceSettings } from '../worker/protocol';

/** One racer's validation figures at the steps it was scored: the loss and the race's metrics. */
export type ScoreCurve<M extends string> = {
  readonly steps: readonly number[];
  readonly loss: readonly number[];
} & { readonly [K in M]: readonly number[] };

export type RaceCurve = ScoreCurve<'recall'>;

/** An empty curve with the metrics `keys`. */
export function emptyCurve<M extends string>(keys: readonly M[]): ScoreCurve<M> {
  return {
    steps: [],
    loss: [],
    ...Object.fromEntries(keys.map((k) => [k, []])),
  } as unknown as ScoreCurve<M>;
}

/**
 * The fields every race's state takes from a batch of progress: where it stands, and each racer's
 * curve with the batch's scores appended (as new arrays; a batch without scores keeps the old).
 */
export function progressFields<M extends string>(
  state: { readonly curves: readonly ScoreCurve<M>[]; readonly stepsPerSecond: number | null },
  p: RaceProgress,
  keys: readonly M[],
): {
  step: number;
  running: boolean;
  finished: boolean;
  stepsPerSecond: number | null;
  error: string | null;
  curves: ScoreCurve<M>[];
} {
  const steps = Array.from(p.valSteps);
  return {
    step: p.step,
    running: p.running,
    finished: p.finished,
    stepsPerSecond: p.running ? p.stepsPerSecond : state.stepsPerSecond,
    error: p.error ?? null,
    curves: p.racers.map((r, k) => {
      const old = state.curves[k] ?? emptyCurve(keys);
      if (steps.length === 0) return old;
      return {
        steps: [...old.steps, ...steps],
        loss: [...old.loss, ...r.loss],
        ...Object.fromEntries(keys.map((m) => [m, [...old[m], ...(r.metrics[m] ?? [])]])),
      } as unknown as ScoreCurve<M>;
    }),
  };
}

export interface RaceState {
  /** The race the figures belong to (0: none yet); progress of another race is dropped. */
  race: number;
  /** The copy task raced ('' before the first race). */
  task: string;
  step: number;
  maxSteps: number;
  running: boolean;
  /** The race reached its last step. */
  finished: boolean;
  stepsPerSecond: number | null;
  /** Per racer, in the worker's order (RNN, LSTM). */
  curves: readonly RaceCurve[];
  error: string | null;
}

export function initialRace(): RaceState {
  return {
    race: 0,
    task: '',
    step: 0,
    maxSteps: 0,
    running: false,
    finished: false,
    stepsPerSecond: null,
    curves: [],
    error: null,
  };
}

/** The state after the worker's reply: a new race starts with empty curves. */
export function raceFromInfo(state: RaceState, info: RaceInfo<RaceSettings>): RaceState {
  const fresh = info.race !== state.race;
  return {
    ...state,
    race: info.race,
    task: info.settings?.task ?? '',
    step: info.step,
    maxSteps: info.maxSteps,
    running: info.running,
    finished: info.step >= info.maxSteps,
    error: null,
    ...(fresh
      ? {
          stepsPerSecond: null,
          curves: info.racers.map(() => emptyCurve(['recall'] as const)),
        }
      : {}),
  };
}

/** The state after a batch of progress; unchanged if the batch belongs to another race. */
export function raceWithProgress(state: RaceState, p: RaceProgress): RaceState {
  if (p.race !== state.race) return state;
  return { ...state, ...progressFields(state, p, ['recall'] as const) };
}
