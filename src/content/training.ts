// Labels and tooltips of the Training view's controls outside the settings table (the engine's
// settingsTable.ts holds those), and its short lesson texts.
import type { Metric } from '../engine/tasks/task';
import { formatPercent } from './format';

export interface ControlText {
  label: string;
  unit?: string;
  tip: string;
}

/** Controls outside the settings table (the settings' own labels and help live in its rows). */
export const CONTROL_TEXT: Record<'corpus' | 'temperature', ControlText> = {
  corpus: { label: 'Text', tip: 'What the model learns to continue, one character at a time.' },
  temperature: {
    label: 'Temperature',
    tip: 'Sampling only: p ∝ exp(y/τ). Low τ is safe and repetitive, high τ adventurous. It does not change the loss.',
  },
};

export const LESSON = {
  intro:
    'Here you train a small character model live: pick a text and press Train. The network starts by guessing every character equally (the uniform line) and learns, batch by batch, to beat the simple baselines below. Everything runs in a background worker on your machine.',
  loss: 'Loss is cross-entropy in nats per character: e^loss is how many characters the model is, in effect, choosing between. Lines: uniform guessing (ln V), a unigram and a bigram model fitted on the training split and scored on the validation split.',
  gradients:
    'The global gradient norm per step, before and after clipping, and for the latest batch, across the chunk, how hard each step of the sequence is pushed: by every later loss (dL/dh_t) and by the last step’s loss alone (∂ℓ_T/∂h_t).',
  samples:
    'The model writing on its own, feeding each sampled character back in. Its errors compound — teacher-forced loss and free-running text are different things.',
  neurons:
    'Each character is coloured by one unit’s activation after reading it (blue negative, red positive). The list ranks units by how strongly they follow a simple feature of the text.',
  weights: 'W_ih and W_hh by gate, refreshed while training: rows are units, columns inputs.',
};

/** Axis labels of the weight heatmaps. */
export const WEIGHTS_TEXT = {
  rows: 'rows: units, by gate',
  inputs: 'columns: input characters',
  below: 'columns: units of the layer below',
  recurrent: 'columns: units of the previous state h(t−1)',
};

/** The chart of the gradient flowing back through the latest chunk. */
export const DLDH_TEXT = {
  title: 'dL/dh_t and ∂ℓ_T/∂h_t across the latest chunk',
  caption:
    'dL/dh_t (solid) sums the losses of step t and of every later step, so it does not fall when the gradient vanishes: it levels off, because only the nearby losses still reach h_t. ∂ℓ_T/∂h_t (dashed) follows the last step’s loss alone back through the chunk: that curve falling towards t = 0 is the vanishing gradient.',
  total: (layer: number) => `‖dL/dh_t‖, layer ${layer}`,
  last: (layer: number) => `‖∂ℓ_T/∂h_t‖, layer ${layer}`,
};

export const FEATURE_TEXT: Record<string, string> = {
  quote: 'inside quotes',
  bracket: 'inside brackets',
  linePos: 'position in the line',
  afterSpace: 'after a space',
  upper: 'uppercase letter',
};

/** A validation metric as the loss chart's caption says it: "Recall after 20 steps: 64.0 % …". */
export function metricSentence(m: Metric): string {
  const label = m.label.charAt(0).toUpperCase() + m.label.slice(1);
  const chance = m.chance !== undefined ? ` (guessing: ${formatPercent(m.chance)})` : '';
  return `${label}: ${formatPercent(m.value)} on validation${chance}.`;
}

/** Above this many seconds a step's cost is shown beside the Train button. */
export const STEP_WARN_SECONDS = 0.25;

/** Seconds as the step estimate writes them: “0.4”, “12”, “4,520”. */
function seconds(s: number): string {
  return s < 10 ? s.toFixed(1) : Math.round(s).toLocaleString('en-US');
}

/**
 * What the run bar says about one step's cost before Train: nothing for a quick step, a warning
 * for a slow one, and why a step above `limit` seconds is refused.
 */
export function stepCostText(estimate: number, measured: boolean, limit: number): string | null {
  if (estimate < STEP_WARN_SECONDS) return null;
  const where = measured
    ? 'on this machine'
    : 'on a typical machine (this one is not measured yet)';
  if (estimate > limit) {
    return `One step of this model takes ≈ ${seconds(estimate)} s ${where}; steps above ${limit} s are refused, because the engine can only answer (Pause included) between steps. Lower the batch size, the sequence length, the hidden size or the number of layers.`;
  }
  return `One step takes ≈ ${seconds(estimate)} s ${where}; the curves move once per step.`;
}
