// The Time series view's series: the shipped files (public/data/series, sources in its README and
// on the About page) and the synthetic series, the equations and the verdict. What the view says
// of each (its name in the menu, its unit, its note) is in the messages (i18n/en/series.ts).
import type { TFunction } from 'i18next';
import { i18n } from './i18n/instance';

/** The words in English, for a caller that names no language (the store's data, the tests). */
export function englishWords(): TFunction {
  return i18n.getFixedT('en');
}

export type SeriesSourceId =
  'co2' | 'seattle' | 'globalTemp' | 'sines' | 'logistic' | 'mackeyGlass';

export interface SeriesSourceText {
  /** The series' name as the engine and the exported files record it (the menu's is a message). */
  readonly label: string;
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
    file: { name: 'co2-concentration.csv', column: 'CO2' },
    season: 12,
    difference: true,
  },
  seattle: {
    label: 'Seattle daily high temperature',
    file: { name: 'seattle-weather.csv', column: 'temp_max' },
    season: null,
    difference: false,
  },
  globalTemp: {
    label: 'Global temperature anomaly (yearly)',
    file: { name: 'global-temp.csv', column: 'temp' },
    season: null,
    difference: true,
  },
  sines: {
    label: 'Two sines and noise (synthetic)',
    season: 24,
    difference: false,
  },
  logistic: {
    label: 'Logistic map (synthetic)',
    season: null,
    difference: false,
  },
  mackeyGlass: {
    label: 'Mackey–Glass (synthetic)',
    season: null,
    difference: false,
  },
};

/** The parameters of the synthetic series and their ranges (the sliders' names: messages). */
export const SYNTH_PARAMS = {
  period1: { min: 4, max: 200, step: 1, default: 24 },
  period2: { min: 2, max: 100, step: 1, default: 7 },
  amplitude2: { min: 0, max: 2, step: 0.05, default: 0.5 },
  noise: { min: 0, max: 1, step: 0.01, default: 0.1 },
  trend: { min: -0.01, max: 0.01, step: 0.0005, default: 0 },
  seed: { min: 1, max: 999, step: 1, default: 1 },
  r: { min: 3.5, max: 4, step: 0.01, default: 3.9 },
  tau: { min: 10, max: 30, step: 1, default: 17 },
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

/** The words inside the loss's equation (its `\text{…}`), in a language. */
export interface LossTexWords {
  /** Before and after the step's number: "at step " and "". */
  readonly atStepBefore: string;
  readonly atStepAfter: string;
  /** The baseline's subscript: "last value". */
  readonly lastValue: string;
}

/** The loss equation's words in the language of `t` (English by default). */
export function lossTexWords(t: TFunction = englishWords()): LossTexWords {
  // The step's number goes between the words as TeX: the message is cut where it stands.
  const [before = '', after = ''] = t('series.equations.atStep', { step: '\u0000' }).split(
    '\u0000',
  );
  return { atStepBefore: before, atStepAfter: after, lastValue: t('series.equations.lastValue') };
}

/** Text for TeX's `\text{…}`: its special characters escaped. */
function texText(s: string): string {
  return s.replace(/[{}$&#_%]/g, (c) => `\\${c}`);
}

/** The validation loss with its value, next to the last value's. */
export function lossTex(
  loss: number,
  persistence: number,
  step: number,
  words: LossTexWords = lossTexWords(),
): string {
  const after = words.atStepAfter === '' ? '' : String.raw`\text{${texText(words.atStepAfter)}}`;
  return String.raw`\begin{aligned} L_{\text{val}} &= ${texNumber(loss, 3)}\ \text{${texText(words.atStepBefore)}} ${step}${after} \\ L_{\text{${texText(words.lastValue)}}} &= ${texNumber(persistence, 3)} \end{aligned}`;
}

/** What the view says of the model against the last value (in the language of `t`). */
export function persistenceVerdict(
  modelMse: number,
  persistence: number,
  t: TFunction = englishWords(),
): string {
  const ratio = modelMse / persistence;
  if (!Number.isFinite(ratio)) return '';
  if (ratio < 1) return t('series.loss.beats', { pct: (ratio * 100).toFixed(0) });
  return t('series.loss.notYet', { ratio: ratio.toFixed(2) });
}
