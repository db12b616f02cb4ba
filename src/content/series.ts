// The Time series view's series and words: the shipped files (public/data/series, sources in its
// README and on the About page) and the synthetic series, each with what the view says of it.

import { formatCount } from './format';

export type SeriesSourceId =
  'co2' | 'seattle' | 'globalTemp' | 'sines' | 'logistic' | 'mackeyGlass';

export interface SeriesSourceText {
  readonly label: string;
  /** What the values are, with their unit, for the axis. */
  readonly unit: string;
  /** One sentence on what there is to see in it. */
  readonly note: string;
  /** A shipped file under public/data/series, and its column. */
  readonly file?: { readonly name: string; readonly column: string };
  /** The season for the "one season back" baseline (12 for monthly data), or null. */
  readonly season: number | null;
  /** Learn the changes rather than the values by default (a series with a trend). */
  readonly difference: boolean;
}

export const SERIES_SOURCES: Record<SeriesSourceId, SeriesSourceText> = {
  co2: {
    label: 'CO₂ at Mauna Loa (monthly)',
    unit: 'CO₂ (ppm)',
    note: 'A rising trend with a yearly cycle. A network squashed by tanh cannot follow a level it never saw in training, so it learns the monthly changes and adds them to the last value.',
    file: { name: 'co2-concentration.csv', column: 'CO2' },
    season: 12,
    difference: true,
  },
  seattle: {
    label: 'Seattle daily high temperature',
    unit: 'temperature (°C)',
    note: 'Daily highs over four years: a yearly cycle under day-to-day weather, so yesterday is a strong guess and the network must beat it.',
    file: { name: 'seattle-weather.csv', column: 'temp_max' },
    season: null,
    difference: false,
  },
  globalTemp: {
    label: 'Global temperature anomaly (yearly)',
    unit: 'anomaly (°C)',
    note: 'Only 145 years, with a trend: little to learn from, and the last value is hard to beat.',
    file: { name: 'global-temp.csv', column: 'temp' },
    season: null,
    difference: true,
  },
  sines: {
    label: 'Two sines and noise (synthetic)',
    unit: 'value',
    note: 'Two periods (24 and 7 steps to begin with), a trend and noise: the state must keep the phase of both. Move the sliders to make it harder.',
    season: 24,
    difference: false,
  },
  logistic: {
    label: 'Logistic map (synthetic)',
    unit: 'x',
    note: 'Chaos from one line of algebra: each value is a fixed function of the last, so one step ahead is easy and many steps ahead are not.',
    season: null,
    difference: false,
  },
  mackeyGlass: {
    label: 'Mackey–Glass (synthetic)',
    unit: 'x',
    note: 'A delay equation with chaotic, almost periodic swings; the value 17 time units back matters.',
    season: null,
    difference: false,
  },
};

/** The parameters of the synthetic series, their ranges and what the sliders call them. */
export const SYNTH_PARAMS = {
  period1: { label: 'Period 1 (steps)', min: 4, max: 200, step: 1, default: 24 },
  period2: { label: 'Period 2 (steps)', min: 2, max: 100, step: 1, default: 7 },
  amplitude2: { label: 'Amplitude 2', min: 0, max: 2, step: 0.05, default: 0.5 },
  noise: { label: 'Noise', min: 0, max: 1, step: 0.01, default: 0.1 },
  trend: { label: 'Trend per step', min: -0.01, max: 0.01, step: 0.0005, default: 0 },
  seed: { label: 'Seed', min: 1, max: 999, step: 1, default: 1 },
  r: { label: 'r', min: 3.5, max: 4, step: 0.01, default: 3.9 },
  tau: { label: 'τ', min: 10, max: 30, step: 1, default: 17 },
} as const;

export type SynthParam = keyof typeof SYNTH_PARAMS;
export type SynthValues = { -readonly [K in SynthParam]: number };

/** Which parameters each synthetic series reads. */
export const SYNTH_OF: Partial<Record<SeriesSourceId, readonly SynthParam[]>> = {
  sines: ['period1', 'period2', 'amplitude2', 'noise', 'trend', 'seed'],
  logistic: ['r'],
  mackeyGlass: ['tau'],
};

export function defaultSynth(): SynthValues {
  return Object.fromEntries(
    Object.entries(SYNTH_PARAMS).map(([k, p]) => [k, p.default]),
  ) as SynthValues;
}

export const SERIES_SOURCE_IDS = Object.keys(SERIES_SOURCES) as readonly SeriesSourceId[];

/** The loss as the engine and the exported script compute it: PyTorch's MSELoss, no ½. */
export const MSE_TEX = String.raw`L = \frac{1}{N}\sum_{t} \left(\hat y_{t+h} - y_{t+h}\right)^2`;
/** A number as TeX (a minus sign, not a hyphen). */
function texNumber(v: number, digits = 4): string {
  return Number(v.toPrecision(digits)).toString().replace('-', '{-}');
}

/**
 * One step of the model as the engine computes it, with the series' normalisation plugged in:
 * the input is one real number, the head a dot product.
 */
export function stepTex(opts: {
  cell: string;
  mean: number;
  scale: number;
  horizon: number;
  difference: boolean;
}): string {
  const { cell, mean, scale, horizon, difference } = opts;
  const m = texNumber(mean);
  const s = texNumber(scale);
  const h = String(horizon);
  // "− mean" written as "+ |mean|" for a negative mean.
  const less = mean < 0 ? `+ ${texNumber(-mean)}` : `- ${m}`;
  const x = difference
    ? String.raw`x_t &= \frac{(y_t - y_{t-1}) ${less}}{${s}}`
    : String.raw`x_t &= \frac{y_t ${less}}{${s}}`;
  const out = difference
    ? String.raw`\hat y_{t+1} &= y_t + ${m} + ${s}\,\hat x_{t+1}`
    : String.raw`\hat y_{t+${h}} &= ${m} + ${s}\,\hat x_{t+${h}}`;
  return [
    String.raw`\begin{aligned}`,
    String.raw`${x} \\`,
    String.raw`h_t &= \mathrm{${cell}}(x_t,\ h_{t-1}) \\`,
    String.raw`\hat x_{t+${h}} &= w^{\top} h_t + b \\`,
    out,
    String.raw`\end{aligned}`,
  ].join(' ');
}

/** The validation loss with its value, next to the last value's. */
export function lossTex(loss: number, persistence: number, step: number): string {
  return String.raw`\begin{aligned} L_{\text{val}} &= ${texNumber(loss, 3)}\ \text{at step } ${step} \\ L_{\text{last value}} &= ${texNumber(persistence, 3)} \end{aligned}`;
}

export const MSE_NOTE =
  'This is PyTorch’s MSELoss: the mean of the squared errors, with no ½ in front. Some texts write E = ½(y − ŷ)², which halves the loss and its gradient; the engine, these equations and the exported script all use the mean without the ½. The values are normalised (z = (y − mean) / scale, from the training part only), so a loss of 1 is as bad as always guessing the training mean.';
export const WHY_SQUARED =
  'A measurement is a number, not a choice among characters: squared error is the loss whose best guess is the mean of what may come next, and it punishes a big miss more than several small ones.';

export const FORECAST_NOTE =
  'The loss scores one step at a time, with the true past as input (teacher forcing). To forecast further the model must feed its own predictions back in: from many starts in the validation part it reads the true past, then runs free for 20 steps, and its error grows as its mistakes compound. The dashed line is the last value carried forward.';

/** What the cone of error shows, over how many starts. */
export function coneNote(starts: number): string {
  return `The cone of error: at each k, the signed error (forecast minus the truth) from each of the ${String(starts)} starts, sorted; the line is the median and the band holds the middle 80 % (from the 10th to the 90th percentile). A cone that widens with k is the model’s mistakes compounding; one centred off zero is a bias.`;
}

export const HIDDEN_NOTE =
  'Each row is one unit of the top layer’s hidden state h, each column a step of the last part of the series, blue negative and red positive. Windows of 64 steps each start from a zero state, as the predictions above are made. A unit that follows the season, or the trend, shows up as a pattern along its row.';

/** The baselines' names where the chart has little room. */
export const BASELINE_SHORT: Readonly<Record<string, string>> = {
  persistence: 'last value',
  lastChange: 'last change',
  seasonal: 'season ago',
};

/** What the view says when validation was better earlier: the model has begun to overfit. */
export function bestSentence(loss: number, step: number): string {
  return `Validation was lowest, ${Number(loss.toPrecision(3))}, at step ${formatCount(step)}: since then the model learns the training part by heart (it overfits). Stopping early keeps the better model.`;
}

/** What the view says of the model against the last value. */
export function persistenceVerdict(modelMse: number, persistence: number): string {
  const ratio = modelMse / persistence;
  if (!Number.isFinite(ratio)) return '';
  if (ratio < 1)
    return `The model beats the last value: its validation error is ${(ratio * 100).toFixed(0)} % of the last value’s.`;
  return `The model does not yet beat the last value (its validation error is ${ratio.toFixed(2)} × the last value’s). Predicting “no change” is the bar every forecaster must clear.`;
}
