// The `tagging` slice: what the Tagging view shows. The race's task, lookahead, cell and layers
// live in the URL (keys prefixed `t` so they never collide with another view's); the race (where
// it stands, each racer's curves) and the latest tagged sample do not. Pure: taggingActions.ts
// sends the requests and applies the replies.
import * as v from 'valibot';
import { CELL_KINDS, type CellKind } from '../engine/cell';
import {
  TAG_RACE_LIMITS,
  TAG_RACE_TASKS,
  type TagRaceSettings,
  type TagRaceTask,
} from '../engine/tagRaceSpec';
import type { Baseline } from '../engine/tasks/task';
import type { RaceInfo, RaceProgress, TagRaceInfo, TagSample } from '../worker/protocol';
import { emptyCurve, progressFields, type ScoreCurve } from './race';
import { whole } from './urlValues';
import { urlSlice } from './urlSlice';

/** The tagging race's figures besides the loss (F1 of word ends: the spaces task only). */
const TAG_METRICS = ['accuracy', 'f1'] as const;

/** One racer's figures on the validation split, at the steps it was scored. */
export type TagCurve = ScoreCurve<(typeof TAG_METRICS)[number]>;

export interface TagRaceState {
  /** The race the figures belong to (0: none yet); progress of another race is dropped. */
  race: number;
  settings: TagRaceSettings | null;
  step: number;
  maxSteps: number;
  running: boolean;
  finished: boolean;
  stepsPerSecond: number | null;
  racers: RaceInfo<TagRaceSettings>['racers'];
  baselines: readonly Baseline[];
  classes: readonly string[];
  chance: number | null;
  curves: readonly TagCurve[];
  /** Both racers' tags on the start of the validation text, and the step they were taken at. */
  sample: TagSample | null;
  sampleStep: number;
  error: string | null;
}

export interface TaggingState {
  task: TagRaceTask;
  lookahead: number;
  cell: CellKind;
  layers: number;
  race: TagRaceState;
}

export function initialTagRace(): TagRaceState {
  return {
    race: 0,
    settings: null,
    step: 0,
    maxSteps: 0,
    running: false,
    finished: false,
    stepsPerSecond: null,
    racers: [],
    baselines: [],
    classes: [],
    chance: null,
    curves: [],
    sample: null,
    sampleStep: 0,
    error: null,
  };
}

export function initialTagging(): TaggingState {
  return { task: 'spaces', lookahead: 3, cell: 'gru', layers: 1, race: initialTagRace() };
}

/** The seed both racers start from (the same race every time, so a reset replays it). */
export const TAG_RACE_SEED = 1;

/** The race the view's settings name. */
export function tagRaceSettings(s: TaggingState): TagRaceSettings {
  return {
    task: s.task,
    lookahead: s.lookahead,
    cell: s.cell,
    layers: s.layers,
    seed: TAG_RACE_SEED,
  };
}

const L = TAG_RACE_LIMITS;

const TAGGING_PARAMS = {
  ttask: v.optional(v.picklist(TAG_RACE_TASKS)),
  tk: whole(L.lookahead.min, L.lookahead.max),
  tcell: v.optional(v.picklist(CELL_KINDS)),
  tlayers: whole(L.layers.min, L.layers.max),
} satisfies v.ObjectEntries;

type Params = { [K in keyof typeof TAGGING_PARAMS]?: v.InferOutput<(typeof TAGGING_PARAMS)[K]> };

export const TAGGING_SLICE = urlSlice({
  initial: initialTagging,
  params: TAGGING_PARAMS,
  fromParams(p: Params): Partial<TaggingState> {
    const init = initialTagging();
    const task = p.ttask ?? init.task;
    return {
      task,
      // The lookahead belongs to the future task only.
      lookahead: task === 'future' ? (p.tk ?? init.lookahead) : init.lookahead,
      cell: p.tcell ?? init.cell,
      layers: p.tlayers ?? init.layers,
    };
  },
  toParams(s: TaggingState): Params {
    const init = initialTagging();
    const out: Params = {};
    if (s.task !== init.task) out.ttask = s.task;
    if (s.task === 'future' && s.lookahead !== init.lookahead) out.tk = s.lookahead;
    if (s.cell !== init.cell) out.tcell = s.cell;
    if (s.layers !== init.layers) out.tlayers = s.layers;
    return out;
  },
});

/** The state after the worker's reply: a new race starts with empty curves and no sample. */
export function tagRaceFromInfo(state: TagRaceState, reply: TagRaceInfo): TagRaceState {
  const { info } = reply;
  const fresh = info.race !== state.race;
  return {
    ...state,
    race: info.race,
    settings: info.settings,
    step: info.step,
    maxSteps: info.maxSteps,
    running: info.running,
    finished: info.race > 0 && info.step >= info.maxSteps,
    racers: info.racers,
    baselines: info.baselines,
    classes: reply.classes,
    chance: Number.isFinite(reply.chance) ? reply.chance : null,
    error: null,
    ...(fresh
      ? {
          stepsPerSecond: null,
          curves: info.racers.map(() => emptyCurve(TAG_METRICS)),
          sample: null,
          sampleStep: 0,
        }
      : {}),
  };
}

/** The state after a batch of progress; unchanged if the batch belongs to another race. */
export function tagRaceWithProgress(state: TagRaceState, p: RaceProgress): TagRaceState {
  if (p.race !== state.race) return state;
  return { ...state, ...progressFields(state, p, TAG_METRICS) };
}
