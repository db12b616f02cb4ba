// The colour scales of the Forward pass: one fixed scale per quantity (src/viz/valueScale.ts),
// the same for every model, layer, step and text, so the colours of two runs compare: gates on
// [0, 1], tanh outputs on [−1, 1], the cell state, pre-activations and a ReLU state on [−3, 3],
// with the values beyond marked as clipped.
import { GATE_KEYS } from '../../content/forward';
import type { ForwardResult } from '../../store/forward';
import { scaleOf, type ValueScale } from '../../viz/valueScale';

export interface Scales {
  readonly gate: ValueScale;
  readonly tanh: ValueScale;
  /** h_t: [−1, 1], or the ReLU scale for a ReLU RNN. */
  readonly h: ValueScale;
  readonly c: ValueScale;
  readonly a: ValueScale;
}

const TANH_STATE: Scales = {
  gate: scaleOf('gate'),
  tanh: scaleOf('tanh'),
  h: scaleOf('tanh'),
  c: scaleOf('cell'),
  a: scaleOf('preactivation'),
};
const RELU_STATE: Scales = { ...TANH_STATE, h: scaleOf('relu') };

/**
 * The scales of a result's model: they depend on its kind only, never on its numbers (and are the
 * same object for the same kind, so memos keyed on them hold).
 */
export function scalesOf(result: ForwardResult | null): Scales {
  const relu =
    result !== null && result.model.cell === 'rnn' && result.model.nonlinearity !== 'tanh';
  return relu ? RELU_STATE : TANH_STATE;
}

/** The scale of a heat-strip row, by trace name. */
export function scaleFor(key: string, scales: Scales): ValueScale {
  if (GATE_KEYS.has(key)) return scales.gate;
  if (key === 'c' || key === 'cprev') return scales.c;
  if (key === 'a') return scales.a;
  if (key === 'h' || key === 'hprev') return scales.h;
  return scales.tanh;
}
