// The Forward pass view's words and equations for a time-series model: it reads one real value
// per step, x_t normalised with the training part's mean and scale, and its linear head predicts
// the value h steps ahead; the loss is PyTorch's MSELoss, mean((x̂ − x)²) with no ½, as in the
// Time series view (series.ts MSE_TEX). Every number plugged in comes from the engine's trace or
// the worker's reply.
import { num } from './cellEquations';
import { formatSignificant } from './format';

/** A value in the series' own units: 4 significant digits (a series may count in thousands). */
export function formatSeriesValue(v: number | undefined): string {
  return v === undefined ? '–' : formatSignificant(v, 4);
}

/** The same for TeX. */
function unit(v: number | undefined): string {
  if (v === undefined || !Number.isFinite(v)) return String.raw`\text{--}`;
  return formatSeriesValue(v);
}

/** A series unit after an operator: negatives in parentheses. */
function unitTerm(v: number | undefined): string {
  const s = unit(v);
  return s.startsWith('-') ? `(${s})` : s;
}

const h = (horizon: number) => `t+${String(horizon)}`;

/** The Forward pass view reading the Time series view's model (its URL key `model`). */
export const SERIES_FORWARD_HREF = '#/forward?model=series';

export const SERIES_FORWARD_TEXT = {
  /** The way in, from the Time series view. */
  wayIn: 'Step through it in the Forward pass',
  wayInNote:
    'this model, as it is now, reads the first steps of the validation part one value at a time, with every gate and equation and the numbers of each step.',
  intro:
    'Step through the Time series view’s model as it reads the series, one real value per timestep. At each step the cell combines the value it reads, x_t (normalised), with the state it carried over, and its linear head predicts a value ahead. The cell’s gates and equations are the same as for text: x_t is one number instead of a one-hot vector, so W_ih has a single column.',
  window: (steps: number, horizon: number) =>
    `It reads the first ${String(steps)} steps of the validation part, values it never trained on, from a zero state, as the validation loss reads them, and predicts each value ${horizon === 1 ? 'one step' : `${String(horizon)} steps`} ahead.`,
  noModel:
    'There is no time-series model yet: the Time series view makes one when it is opened. Open it, choose a series (and train a little), then come back here.',
  noModelLink: 'Open the Time series view',
  backLink: 'Back to the Time series view',
  changes: 'The model learns the changes: x_t is the normalised change from the value before.',
  /** How the window's inputs were normalised, in words. */
  normalised: (difference: boolean, mean: number, scale: number) =>
    `Normalised as in training: x = (${difference ? 'change' : 'y'} ${mean < 0 ? '+' : '−'} ${formatSeriesValue(Math.abs(mean))}) / ${formatSeriesValue(scale)}.`,
  hint: 'This is the model the Time series view holds right now; read it again to see how training has changed it.',
  diagram:
    'The same cell, with the same weights, runs once per value. Each column is one timestep: the cell reads x_t, the normalised value, and the state it passed itself; above the top layer are its prediction ŷ and the value y that actually came. Click a column to jump there.',
  lossNote:
    'The loss is PyTorch’s MSELoss: the mean of the squared errors, with no ½ in front, on the normalised values (z = (y − mean) / scale, from the training part only), so a loss of 1 is as bad as always guessing the training mean.',
};

/** The input line, the head, the prediction in the series' units and the loss, in general. */
export function seriesHeadTex(horizon: number, difference: boolean): string[] {
  const a = h(horizon);
  return [
    difference
      ? String.raw`\htmlClass{sym-x}{x_t} = \frac{(y_t - y_{t-1}) - \text{mean}}{\text{scale}}`
      : String.raw`\htmlClass{sym-x}{x_t} = \frac{y_t - \text{mean}}{\text{scale}}`,
    String.raw`\hat x_{${a}} = W_{hy}\,\htmlClass{sym-h}{h_t} + b_y`,
    difference
      ? String.raw`\htmlClass{sym-yhat}{\hat y_{${a}}} = y_t + \text{mean} + \text{scale}\cdot \hat x_{${a}}`
      : String.raw`\htmlClass{sym-yhat}{\hat y_{${a}}} = \text{mean} + \text{scale}\cdot \hat x_{${a}}`,
    String.raw`\htmlClass{sym-loss}{\ell_t} = \left(\hat x_{${a}} - x_{${a}}\right)^2`,
    String.raw`L = \frac{1}{T}\sum_{t} \ell_t`,
  ];
}

/** One step's numbers: from the trace (x̂, ℓ_t) and the worker's window (the rest). */
export interface SeriesStepValues {
  readonly horizon: number;
  readonly difference: boolean;
  readonly mean: number;
  readonly scale: number;
  /** y_t (and, learning the changes, y_{t−1}) in the series' units. */
  readonly read: number;
  readonly readBefore: number | undefined;
  readonly x: number;
  /** The head's output x̂_{t+h}, the target x_{t+h}, ŷ_{t+h}, y_{t+h}, ℓ_t. */
  readonly xHat: number;
  readonly target: number;
  readonly predicted: number;
  readonly actual: number;
  readonly loss: number;
}

/** The same lines with the numbers of one step. */
export function seriesHeadPlug(v: SeriesStepValues): string[] {
  const a = h(v.horizon);
  const m = unit(v.mean);
  const s = unit(v.scale);
  const y = unit(v.read);
  const input = v.difference
    ? String.raw`\htmlClass{sym-x}{x_t} = \frac{(${y} - ${unitTerm(v.readBefore)}) - ${unitTerm(v.mean)}}{${s}} = ${num(v.x)}`
    : String.raw`\htmlClass{sym-x}{x_t} = \frac{${y} - ${unitTerm(v.mean)}}{${s}} = ${num(v.x)}`;
  const yHat = v.difference
    ? String.raw`\htmlClass{sym-yhat}{\hat y_{${a}}} = ${y} + ${unitTerm(v.mean)} + ${s}\cdot ${v.xHat < 0 ? `(${num(v.xHat)})` : num(v.xHat)} = ${unit(v.predicted)}`
    : String.raw`\htmlClass{sym-yhat}{\hat y_{${a}}} = ${m} + ${s}\cdot ${v.xHat < 0 ? `(${num(v.xHat)})` : num(v.xHat)} = ${unit(v.predicted)}`;
  return [
    input,
    String.raw`\hat x_{${a}} = W_{hy}\,\htmlClass{sym-h}{h_t} + b_y = ${num(v.xHat)}`,
    yHat,
    String.raw`y_{${a}} = ${unit(v.actual)}`,
    String.raw`\htmlClass{sym-loss}{\ell_t} = \left(${num(v.xHat)} - ${v.target < 0 ? `(${num(v.target)})` : num(v.target)}\right)^2 = ${num(v.loss)}`,
  ];
}

/** The live summary of a step for screen readers. */
export function seriesStepSummary(args: {
  t: number;
  T: number;
  x: number;
  predicted: number | undefined;
  actual: number | undefined;
}): string {
  const { t, T, x, predicted, actual } = args;
  return `Step ${String(t + 1)} of ${String(T)}: read x = ${num(x)}, predicted ${formatSeriesValue(predicted)}, actual ${formatSeriesValue(actual)}.`;
}
