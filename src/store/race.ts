// The race of a plain RNN against an LSTM, as the Gradient flow view shows it (part of the
// `gradients` slice, not in the URL): which race, where it stands, and each racer's validation
// curves, replaced by a new immutable value on each batch the worker posts (the charts redraw on
// a new value). Pure: raceActions.ts sends the requests and applies the replies.
import type { RaceInfo, RaceProgress, RaceSettings } from '../worker/protocol';

export interface RaceCurve {
  readonly steps: readonly number[];
  readonly loss: readonly number[];
  readonly recall: readonly number[];
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
          curves: info.racers.map(() => ({ steps: [], loss: [], recall: [] })),
        }
      : {}),
  };
}

/** The state after a batch of progress; unchanged if the batch belongs to another race. */
export function raceWithProgress(state: RaceState, p: RaceProgress): RaceState {
  if (p.race !== state.race) return state;
  const steps = Array.from(p.valSteps);
  return {
    ...state,
    step: p.step,
    running: p.running,
    finished: p.finished,
    stepsPerSecond: p.running ? p.stepsPerSecond : state.stepsPerSecond,
    error: p.error ?? null,
    curves: p.racers.map((r, k) => {
      const old = state.curves[k] ?? { steps: [], loss: [], recall: [] };
      if (steps.length === 0) return old;
      return {
        steps: [...old.steps, ...steps],
        loss: [...old.loss, ...r.loss],
        recall: [...old.recall, ...(r.metrics['recall'] ?? [])],
      };
    }),
  };
}
