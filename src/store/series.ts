// The `series` slice: what the Time series view shows. The series and how it is prepared, and the
// model's cell, size and training settings, live in the URL (keys prefixed `s` so they never collide with another
// view's); the run (the worker's description of the series, the curves, the predictions) does not.
import * as v from 'valibot';
import { CELL_KINDS, type CellKind } from '../engine/cell';
import type { TFunction } from 'i18next';
import {
  defaultSynth,
  englishWords,
  SERIES_SOURCE_IDS,
  SERIES_SOURCES,
  SYNTH_OF,
  SYNTH_PARAMS,
  type SeriesSourceId,
  type SynthParam,
  type SynthValues,
} from '../content/series';
import type { ForecastErrors } from '../engine/tasks/seriesForecast';
import type { SeriesCheckpointMeta } from '../persist/seriesStore';
import type { SeriesInfo, SeriesPrediction } from '../worker/protocol';
import { emptyHistory, type TrainingHistory } from './training';
import { real, whole } from './urlValues';
import { urlSlice } from './urlSlice';

export type SeriesPhase = 'idle' | 'loading' | 'ready' | 'training' | 'diverged';

export interface SeriesState {
  source: SeriesSourceId;
  /** Learn the changes y_t − y_{t−1} (one step ahead) rather than the values. */
  difference: boolean;
  /** Predict this many steps ahead (values only). */
  horizon: number;
  cell: CellKind;
  hidden: number;
  layers: number;
  /** How the model trains (changed live): learning rate, window length T, batch size B. */
  lr: number;
  seqLen: number;
  batch: number;
  /** The synthetic series' parameters (those of the chosen one are in the URL). */
  synth: SynthValues;
  /** The learner's own CSV, which replaces the chosen series while it is set (not in the URL). */
  own: OwnSeries | null;
  phase: SeriesPhase;
  info: SeriesInfo | null;
  history: TrainingHistory;
  /** The model's predictions of the series, in its units, and the step they were made at. */
  predicted: Float64Array | null;
  predictedStep: number;
  /** Running free: the error after k fed-back steps (null: none yet, or several steps ahead). */
  forecast: ForecastErrors | null;
  /** The top layer's state over the last positions (null before the first prediction). */
  states: SeriesPrediction['hidden'] | null;
  stepsPerSecond: number | null;
  error: string | null;
  /** The last autosave of the run (the worker writes it), or null before one. */
  saved: { at: number; step: number } | null;
  /** The run was put back from its autosave at this step (after a reload). */
  restoredStep: number | null;
  /** The step of the last good model the worker keeps (a divergence goes back to it). */
  lastGoodStep: number;
  /** The named checkpoints of series runs (all of them; the view lists this run's). */
  checkpoints: readonly SeriesCheckpointMeta[];
}

export interface OwnSeries {
  readonly name: string;
  readonly text: string;
  /** The column read (null: the first all-numeric one). */
  readonly column: string | null;
}

/** The largest own CSV read, in bytes (100,000 rows of a few columns). */
export const MAX_OWN_CSV_BYTES = 20 * 1024 * 1024;

export const SERIES_LIMITS = {
  horizon: { min: 1, max: 50 },
  hidden: { min: 1, max: 256 },
  layers: { min: 1, max: 4 },
  lr: { min: 1e-5, max: 1 },
  seqLen: { min: 2, max: 200 },
  batch: { min: 1, max: 128 },
};

export function initialSeries(): SeriesState {
  return {
    source: 'co2',
    difference: SERIES_SOURCES.co2.difference,
    horizon: 1,
    cell: 'lstm',
    hidden: 32,
    layers: 1,
    lr: 0.01,
    seqLen: 48,
    batch: 16,
    synth: defaultSynth(),
    own: null,
    phase: 'idle',
    info: null,
    history: emptyHistory(),
    predicted: null,
    predictedStep: 0,
    forecast: null,
    states: null,
    stepsPerSecond: null,
    error: null,
    saved: null,
    restoredStep: null,
    lastGoodStep: 0,
    checkpoints: [],
  };
}

const SERIES_PARAMS = {
  series: v.optional(v.picklist(SERIES_SOURCE_IDS)),
  /** "changes" or "values" (when it differs from the series' default). */
  spredict: v.optional(v.picklist(['changes', 'values'])),
  sh: whole(SERIES_LIMITS.horizon.min, SERIES_LIMITS.horizon.max),
  scell: v.optional(v.picklist(CELL_KINDS)),
  shidden: whole(SERIES_LIMITS.hidden.min, SERIES_LIMITS.hidden.max),
  slayers: whole(SERIES_LIMITS.layers.min, SERIES_LIMITS.layers.max),
  slr: real(SERIES_LIMITS.lr.min, SERIES_LIMITS.lr.max),
  sseq: whole(SERIES_LIMITS.seqLen.min, SERIES_LIMITS.seqLen.max),
  sbatch: whole(SERIES_LIMITS.batch.min, SERIES_LIMITS.batch.max),
  ...synthEntries(),
} satisfies v.ObjectEntries;

/** The URL key of a synthetic series' parameter: `s` and its name (`speriod1`, `sr`, …). */
function synthKey(p: SynthParam): `s${SynthParam}` {
  return `s${p}`;
}

function synthEntries() {
  const P = SYNTH_PARAMS;
  return {
    speriod1: whole(P.period1.min, P.period1.max),
    speriod2: whole(P.period2.min, P.period2.max),
    samplitude2: real(P.amplitude2.min, P.amplitude2.max),
    snoise: real(P.noise.min, P.noise.max),
    strend: real(P.trend.min, P.trend.max),
    sseed: whole(P.seed.min, P.seed.max),
    sr: real(P.r.min, P.r.max),
    stau: whole(P.tau.min, P.tau.max),
  } satisfies { [K in SynthParam as `s${K}`]: unknown };
}

type Params = { [K in keyof typeof SERIES_PARAMS]?: v.InferOutput<(typeof SERIES_PARAMS)[K]> };

function fromParams(p: Params): Partial<SeriesState> {
  const init = initialSeries();
  const source = p.series ?? init.source;
  const difference =
    p.spredict === undefined ? SERIES_SOURCES[source].difference : p.spredict === 'changes';
  return {
    source,
    difference,
    // Learning the changes predicts one step ahead only.
    horizon: difference ? 1 : (p.sh ?? 1),
    cell: p.scell ?? init.cell,
    hidden: p.shidden ?? init.hidden,
    layers: p.slayers ?? init.layers,
    lr: p.slr ?? init.lr,
    seqLen: p.sseq ?? init.seqLen,
    batch: p.sbatch ?? init.batch,
    synth: Object.fromEntries(
      (Object.keys(SYNTH_PARAMS) as SynthParam[]).map((k) => {
        const read = (SYNTH_OF[source] ?? []).includes(k) ? p[synthKey(k)] : undefined;
        return [k, read ?? init.synth[k]];
      }),
    ) as SynthValues,
  };
}

function toParams(s: SeriesState): Params {
  const init = initialSeries();
  const out: Params = {};
  if (s.source !== init.source) out.series = s.source;
  if (s.difference !== SERIES_SOURCES[s.source].difference)
    out.spredict = s.difference ? 'changes' : 'values';
  if (!s.difference && s.horizon !== 1) out.sh = s.horizon;
  if (s.cell !== init.cell) out.scell = s.cell;
  if (s.hidden !== init.hidden) out.shidden = s.hidden;
  if (s.layers !== init.layers) out.slayers = s.layers;
  if (s.lr !== init.lr) out.slr = s.lr;
  if (s.seqLen !== init.seqLen) out.sseq = s.seqLen;
  if (s.batch !== init.batch) out.sbatch = s.batch;
  for (const k of SYNTH_OF[s.source] ?? [])
    if (s.synth[k] !== init.synth[k]) out[synthKey(k)] = s.synth[k];
  return out;
}

/** What a series and its model are made from: the panel loads again when one of them changes. */
export const SERIES_CHOICES = [
  'source',
  'difference',
  'horizon',
  'cell',
  'hidden',
  'layers',
  'synth',
] as const;

/** How the model trains: changed live, on the same model. */
export const SERIES_TRAINING = ['lr', 'seqLen', 'batch'] as const;

/**
 * The choices as one text, so that equal choices compare equal (an address read again gives
 * equal values in new objects, which must not make a new model).
 */
export function seriesChoice(s: SeriesState): string {
  return JSON.stringify(SERIES_CHOICES.map((k) => s[k]));
}

/**
 * What a run was made from, as its autosave records it: the choices, and the own file's name,
 * column and a hash of its text. A reload restores the run only onto the same.
 */
export function seriesRunKey(s: SeriesState): string {
  const own = s.own === null ? null : [s.own.name, s.own.column, textHash(s.own.text)];
  return JSON.stringify([seriesChoice(s), own]);
}

/** Each own file's text hashed once (a file may be megabytes; views ask often). */
const hashes = new Map<string, string>();

/** A short hash of a text (FNV-1a, 32 bits, and its length): another file tells itself apart. */
export function textHash(text: string): string {
  let known = hashes.get(text);
  if (known === undefined) {
    let h = 0x811c9dc5;
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    known = `${h.toString(16)}:${String(text.length)}`;
    if (hashes.size > 4) hashes.clear();
    hashes.set(text, known);
  }
  return known;
}

/** What the values are, with their unit (the learner's own file: its column), in `t`'s language. */
export function seriesUnit(s: SeriesState, t: TFunction = englishWords()): string {
  return s.own !== null
    ? (s.info?.column ?? t('series.ownUnit'))
    : t(`series.sources.${s.source}.unit`);
}

/** The Time series view's place in the address bar. */
export const SERIES_SLICE = urlSlice({
  initial: initialSeries,
  params: SERIES_PARAMS,
  fromParams,
  toParams,
});
