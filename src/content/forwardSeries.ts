// The Forward pass view's equations for a time-series model (its words are the messages'
// `forward.series`): it reads one real value per step, x_t normalised with the training part's
// mean and scale, and its linear head predicts the value h steps ahead; the loss is PyTorch's
// MSELoss, mean((x̂ − x)²) with no ½, as in the Time series view (series.ts MSE_TEX). Every number
// plugged in comes from the engine's trace or the worker's reply.
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
