// The Time series view's payloads in the worker protocol (types only; protocol.ts holds the
// messages that carry them and re-exports these).
import type { ForecastErrors } from '../engine/tasks/seriesForecast';
import type { SeriesPrep, SeriesSpec } from '../engine/tasks/seriesSources';
import type { SeriesWindow } from '../engine/tasks/seriesWindow';
import type { Trace } from '../engine/trace';
import type { Baseline } from '../engine/tasks/task';
import type { TrainSettings } from '../engine/settings';
import type { StoredHistory } from '../persist/trainingStore';

/** A series to load: where it comes from, how it is prepared, and the model's settings. */
export interface SeriesLoad {
  spec: SeriesSpec;
  prep: SeriesPrep;
  settings: TrainSettings;
}

/** The series the worker holds, prepared, with its baselines and the fresh model's size. */
export interface SeriesInfo {
  name: string;
  column: string;
  /** A CSV's numeric columns (empty for a synthetic series). */
  columns: readonly string[];
  /** The series in its own units, and a label per value (dates) or null. */
  values: Float64Array;
  labels: readonly string[] | null;
  /** The index of the first value predicted in the validation part. */
  firstValidation: number;
  /** Training and validation positions (values, or changes when `difference`). */
  trainCount: number;
  valCount: number;
  /** The normalisation, from the training part only: z = (y − mean) / scale. */
  mean: number;
  scale: number;
  difference: boolean;
  horizon: number;
  /** Validation MSE (normalised) of the last value, the seasonal last value, AR(p). */
  baselines: readonly Baseline[];
  lossUnit: string;
  parameters: number;
  step: number;
  /** The lowest validation loss measured in this run and its step (null: none yet). */
  best: { step: number; loss: number } | null;
}

/** Every value the model predicts, in the series' units (NaN where it predicts none). */
export interface SeriesPrediction {
  predicted: Float64Array;
  step: number;
  /** Running free from many starts in the validation part (null: it predicts several ahead). */
  forecast: ForecastErrors | null;
  /**
   * The top layer's state while reading the last `count` values (from value `from` on):
   * [units, count], unit by unit.
   */
  hidden: { data: Float64Array; units: number; count: number; from: number };
}

/**
 * The series model's trace over the first window of the validation part, for the Forward pass
 * view: what each step reads and predicts, in the series' units too.
 */
export interface SeriesTraced {
  trace: Trace;
  window: SeriesWindow & {
    /** The series' name and column, and a label (date) of each value predicted, or null. */
    name: string;
    column: string;
    labels: (string | null)[] | null;
  };
}

/**
 * The page's part of the series autosave: when, what the run was made from (`choice`), and the
 * curves as typed arrays (in the transfer list); the worker adds the model and optimizer state.
 */
export interface SeriesAutosavePage {
  savedAt: number;
  choice: string;
  curves: PackedCurves;
}

/**
 * A run's curves as the page sends them to be saved: typed arrays (in the transfer list), the
 * validation points as they are. The Training view's autosave sends the same.
 */
export interface PackedCurves {
  steps: Float64Array;
  loss: Float64Array;
  gradBefore: Float64Array;
  gradAfter: Float64Array;
  clipped: Uint8Array;
  val: StoredHistory['val'];
}

/** A saved run put back onto the series just loaded: the series with its model, and its curves. */
export interface SeriesResumed {
  info: SeriesInfo;
  history: StoredHistory;
  savedAt: number;
}
