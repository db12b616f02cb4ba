// The `config` slice: what network to build and on what text. It lives in the URL, so a link
// reproduces a run (same config and seed, same run). Only non-default values are written out.
import * as v from 'valibot';

export const CELLS = ['rnn', 'lstm', 'gru'] as const;
export type CellType = (typeof CELLS)[number];

export const CORPORA = ['shakespeare', 'tang'] as const;
export type CorpusId = (typeof CORPORA)[number];

export interface ConfigState {
  cell: CellType;
  corpus: CorpusId;
  /** Seed of the PRNG that initialises weights and samples. */
  seed: number;
}

/** URL keys of the training configuration (valibot entries, merged into the one URL schema). */
export const CONFIG_PARAMS = {
  cell: v.optional(v.picklist(CELLS)),
  corpus: v.optional(v.picklist(CORPORA)),
  seed: v.optional(
    v.pipe(v.string(), v.regex(/^\d{1,9}$/), v.transform(Number), v.integer(), v.minValue(0)),
  ),
} satisfies v.ObjectEntries;

export type ConfigParams = {
  [K in keyof typeof CONFIG_PARAMS]?: v.InferOutput<(typeof CONFIG_PARAMS)[K]>;
};

export function initialConfig(): ConfigState {
  return { cell: 'lstm', corpus: 'shakespeare', seed: 1 };
}

/** The config an address describes: its values, with defaults for the keys it leaves out. */
export function configFromParams(params: ConfigParams): ConfigState {
  const defaults = initialConfig();
  return {
    cell: params.cell ?? defaults.cell,
    corpus: params.corpus ?? defaults.corpus,
    seed: params.seed ?? defaults.seed,
  };
}

/** The URL parameters for a config: only the values that differ from the defaults. */
export function paramsFromConfig(config: ConfigState): ConfigParams {
  const defaults = initialConfig();
  const params: ConfigParams = {};
  if (config.cell !== defaults.cell) params.cell = config.cell;
  if (config.corpus !== defaults.corpus) params.corpus = config.corpus;
  if (config.seed !== defaults.seed) params.seed = config.seed;
  return params;
}
