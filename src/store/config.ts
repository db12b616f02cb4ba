// The `config` slice: what network to build, on what text, and how to train it. It lives in the
// URL, so a link reproduces a run (same config and seed, same run). Only non-default values are
// written out. Keys: corpus, then one per training setting, from the engine's settings table
// (cell nl hidden layers init bias seed seq batch opt lr clip clipAt …); the Forward view owns
// model/text/t/layer/unit, and the Gradient flow view's keys start with g.
import * as v from 'valibot';
import { real, whole } from './urlValues';
import { urlSlice } from './urlSlice';
import {
  DEFAULT_SETTINGS,
  differIn,
  SETTING_ROWS,
  type SETTINGS,
  type SettingRow,
  type TrainSettings,
} from '../engine/settings';
import type { ChoiceRow } from '../engine/settingsTable';
import { CORPORA, type CorpusId } from '../content/corpora';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export interface ConfigState extends Mutable<TrainSettings> {
  corpus: CorpusId;
}

type Rows = typeof SETTINGS;
type UrlSchemaOf<R> =
  R extends ChoiceRow<infer T>
    ? v.OptionalSchema<v.PicklistSchema<readonly T[], undefined>, undefined>
    : ReturnType<typeof whole | typeof real>;

/** A setting's URL value: one of its options, or a number in its range (absent: the default). */
function urlSchema(row: SettingRow) {
  switch (row.kind) {
    case 'choice':
      return v.optional(v.picklist(row.options));
    case 'whole':
      return whole(row.min, row.max);
    case 'real':
    case 'nullableReal':
      return real(row.min, row.max);
  }
}

/** URL keys of the training configuration (valibot entries, merged into the one URL schema). */
export const CONFIG_PARAMS = {
  corpus: v.optional(v.picklist(CORPORA)),
  ...(Object.fromEntries(SETTING_ROWS.map(([, row]) => [row.url, urlSchema(row)])) as {
    [K in keyof Rows as Rows[K]['url']]: UrlSchemaOf<Rows[K]>;
  }),
} satisfies v.ObjectEntries;

export type ConfigParams = {
  [K in keyof typeof CONFIG_PARAMS]?: v.InferOutput<(typeof CONFIG_PARAMS)[K]>;
};

/**
 * The defaults (the settings table's): a small LSTM that learns visibly within seconds on two slow
 * cores (about 100 steps in 10 s, validation loss past the unigram line well inside 20 s).
 */
export function initialConfig(): ConfigState {
  return { corpus: 'shakespeare', ...DEFAULT_SETTINGS };
}

/** The config an address describes: its values, with defaults for the keys it leaves out. */
export function configFromParams(params: ConfigParams): ConfigState {
  const byKey = params as Readonly<Record<string, string | number | undefined>>;
  const config: Record<string, unknown> = { corpus: params.corpus ?? initialConfig().corpus };
  for (const [name, row] of SETTING_ROWS) config[name] = byKey[row.url] ?? row.default;
  return config as unknown as ConfigState;
}

/** The URL parameters for a config: only the values that differ from the defaults. */
export function paramsFromConfig(config: ConfigState): ConfigParams {
  const params: Record<string, string | number> = {};
  if (config.corpus !== initialConfig().corpus) params['corpus'] = config.corpus;
  for (const [name, row] of SETTING_ROWS) {
    const value = config[name];
    if (value !== row.default && value !== null) params[row.url] = value;
  }
  return params as ConfigParams;
}

/** The engine's settings for a config. */
export function settingsOf(c: ConfigState): TrainSettings {
  return Object.fromEntries(SETTING_ROWS.map(([name]) => [name, c[name]])) as TrainSettings;
}

/** Does a config change need a new model (another text, or a setting marked 'model')? */
export function needsNewModel(a: ConfigState, b: ConfigState): boolean {
  return a.corpus !== b.corpus || differIn(a, b, 'model');
}

/** The config's place in the address bar (the Training view's keys). */
export const CONFIG_SLICE = urlSlice({
  initial: initialConfig,
  params: CONFIG_PARAMS,
  fromParams: configFromParams,
  toParams: paramsFromConfig,
});
