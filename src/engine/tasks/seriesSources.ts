// Where a series comes from, as the app and the worker name it: a CSV text (a shipped file or the
// learner's own) with a column, or one of the synthetic series with its parameters. `seriesTaskOf`
// turns a source and its preparation (horizon, changes or values, season) into the task.

import { readSeriesCsv } from './seriesCsv.ts';
import { createSeriesTask, type SeriesTask } from './series.ts';
import { logisticSeries, mackeyGlassSeries, sinesSeries } from './seriesData.ts';

export type SeriesSpec =
  | { readonly kind: 'csv'; readonly name: string; readonly text: string; readonly column?: string }
  | {
      readonly kind: 'sines';
      readonly name: string;
      readonly n: number;
      readonly periods: readonly number[];
      readonly amplitudes: readonly number[];
      readonly trend: number;
      readonly noise: number;
      readonly seed: number;
    }
  | { readonly kind: 'logistic'; readonly name: string; readonly n: number; readonly r: number }
  | {
      readonly kind: 'mackeyGlass';
      readonly name: string;
      readonly n: number;
      readonly tau: number;
    };

/** How a series is prepared for the model. */
export interface SeriesPrep {
  /** Predict this many steps ahead (1–50). */
  readonly horizon: number;
  /** Learn the changes y_t − y_{t−1} instead of the values (one step ahead only). */
  readonly difference: boolean;
  /** The season m for the "one season back" baseline, or null. */
  readonly season: number | null;
  /** The validation part's share, taken from the end. */
  readonly valFraction: number;
}

export interface SeriesValues {
  readonly values: Float64Array;
  /** The column read, or what a synthetic series is called. */
  readonly column: string;
  /** The numeric columns of a CSV (empty for a synthetic series). */
  readonly columns: readonly string[];
  /** A label per value (a CSV's first column, e.g. dates), or null. */
  readonly labels: readonly string[] | null;
}

/** The values of a source; a CSV is checked (SeriesCsvError with a message for the learner). */
export function seriesValues(spec: SeriesSpec): SeriesValues {
  switch (spec.kind) {
    case 'csv': {
      const csv = readSeriesCsv(spec.text, spec.column);
      return {
        values: csv.values,
        column: csv.column,
        columns: csv.numericColumns,
        labels: csv.labels,
      };
    }
    case 'sines':
      return synthetic(sinesSeries(spec.n, spec), 'value');
    case 'logistic':
      return synthetic(logisticSeries(spec.n, spec.r), 'x');
    case 'mackeyGlass':
      return synthetic(mackeyGlassSeries(spec.n, spec.tau), 'x');
  }
}

function synthetic(values: Float64Array, column: string): SeriesValues {
  return { values, column, columns: [], labels: null };
}

/** The task of a source's values under a preparation. */
export function seriesTaskOf(name: string, values: Float64Array, prep: SeriesPrep): SeriesTask {
  return createSeriesTask({
    name,
    values,
    valFraction: prep.valFraction,
    horizon: prep.difference ? 1 : prep.horizon,
    season: prep.season,
    difference: prep.difference,
  });
}
