// A series model's predictions in the series' units (docs/beyond-characters.md §3): the values, or
// their changes, normalised x = (v − mean) / scale; predictSeries over them; each prediction p read
// back as p · scale + mean (plus the value before, for changes) and placed at the value it
// predicts. The Time series view and `forward --series` show the same numbers.

import type { Model } from '../model.ts';
import type { SeriesPreparation } from '../modelfile.ts';
import { predictSeries } from './series.ts';
import { changesOf, normaliseWith } from './seriesData.ts';

/** What a reading of predictions needs from a preparation. */
export type SeriesReading = Pick<SeriesPreparation, 'mean' | 'scale' | 'difference' | 'horizon'>;

/**
 * The model's inputs for values [n] under a stored preparation (never re-fitted on them): [n], or
 * [n − 1] for changes, where position p is read with value p + 1.
 */
export function seriesInputs(values: Float64Array, prep: SeriesReading): Float64Array {
  return normaliseWith(prep.difference ? changesOf(values) : values, prep.mean, prep.scale);
}

export interface SeriesPredictions {
  /** The model's outputs, normalised: out[k] predicts z[k + h]. [z.length − h] */
  readonly out: Float64Array;
  /** Per value [n], its prediction in the series' units; NaN where the model makes none. */
  readonly predicted: Float64Array;
}

/**
 * The model's prediction of every value it can predict: ŷ_{t+h} from x_0 … x_t, windows of the
 * task's evaluation length from a zero state. `z` is seriesInputs(values, prep) (or the task's own
 * prepared z, which is the same numbers).
 */
export function predictValues(
  model: Model,
  values: Float64Array,
  z: Float64Array,
  prep: SeriesReading,
): SeriesPredictions {
  const h = prep.horizon;
  const out = predictSeries(model, z, 0, z.length, h);
  const predicted = new Float64Array(values.length).fill(NaN);
  out.forEach((v, k) => {
    const unit = v * prep.scale + prep.mean;
    // z[k + h] is value k + h, or (changes) value k + 2 minus value k + 1.
    if (prep.difference) predicted[k + 2] = values[k + 1]! + unit;
    else predicted[k + h] = unit;
  });
  return { out, predicted };
}
