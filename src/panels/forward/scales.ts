// The colour scales of one trace and layer, fixed over all its steps so colours hold still while
// stepping: gates on [0, 1], tanh outputs on [−1, 1], the cell state and pre-activations on
// [−m, m] with m from their magnitudes over the text (`colorMax`).
import { useMemo } from 'react';
import { GATE_KEYS } from '../../content/forward';
import type { ForwardResult } from '../../store/forward';
import { GATE_SCALE, TANH_SCALE, type ValueScale } from '../../viz/valueScale';
import { colorMax } from './derive';

export interface Scales {
  readonly gate: ValueScale;
  readonly tanh: ValueScale;
  /** h_t: [−1, 1], or [−m, m] for a ReLU RNN. */
  readonly h: ValueScale;
  readonly c: ValueScale;
  readonly a: ValueScale;
}

export function scalesOf(result: ForwardResult | null, layer: number): Scales {
  if (result === null)
    return { gate: GATE_SCALE, tanh: TANH_SCALE, h: TANH_SCALE, c: TANH_SCALE, a: TANH_SCALE };
  const relu = result.model.cell === 'rnn' && result.model.nonlinearity !== 'tanh';
  return {
    gate: GATE_SCALE,
    tanh: TANH_SCALE,
    h: relu ? { kind: 'signed', max: colorMax(result, layer, 'h') } : TANH_SCALE,
    c: { kind: 'signed', max: colorMax(result, layer, 'c') },
    a: { kind: 'signed', max: colorMax(result, layer, 'a') },
  };
}

export function useScales(result: ForwardResult | null, layer: number): Scales {
  return useMemo(() => scalesOf(result, layer), [result, layer]);
}

/** The scale of a heat-strip row, by trace name. */
export function scaleFor(key: string, scales: Scales): ValueScale {
  if (GATE_KEYS.has(key)) return scales.gate;
  if (key === 'c' || key === 'cprev') return scales.c;
  if (key === 'a') return scales.a;
  if (key === 'h' || key === 'hprev') return scales.h;
  return scales.tanh;
}
