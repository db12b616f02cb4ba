// What the Training view reads from the model besides the loss: weight matrices by gate, unit
// activations over a validation passage with units ranked by simple text features, the per-position
// loss of a copy task, and the steps at which the sample timeline is taken. Pure functions over the
// engine; session.ts calls them.

import type { Model } from '../engine/model.ts';
import { forwardModel } from '../engine/network.ts';
import { rankUnits } from '../engine/neurons.ts';
import type { NeuronActivations, WeightsSnapshot } from './protocol.ts';

/** Steps at which a sample joins the timeline: 1, 100, 300, 1,000, 3,000, 10,000, … */
export function isTimelineStep(step: number): boolean {
  if (step === 1) return true;
  for (let p = 100; p <= step; p *= 10) {
    if (step === p || step === 3 * p) return true;
  }
  return false;
}

/** Copies of every layer's W_ih [G·H, I] and W_hh [G·H, H] with the gate names in row order. */
export function weightsOf(model: Model, step: number): WeightsSnapshot {
  return {
    step,
    gateNames: [...model.cell.gateNames],
    hiddenSize: model.config.hiddenSize,
    layers: model.layers.map((p, l) => ({
      inputSize: l === 0 ? model.config.inputSize : model.config.hiddenSize,
      Wih: p.Wih.slice(),
      Whh: p.Whh.slice(),
    })),
  };
}

/**
 * Runs the model over `ids` (B = 1, zero initial state) and returns layer `layer`'s h_t (and c_t
 * for an LSTM) after each character, [T·H], with units ranked by their strongest text feature.
 */
export function neuronsOf(
  model: Model,
  ids: Int32Array,
  chars: readonly string[],
  layer: number,
  step: number,
): NeuronActivations {
  const T = ids.length;
  const H = model.config.hiddenSize;
  const l = Math.max(0, Math.min(model.config.numLayers - 1, layer));
  const pass = forwardModel(
    model,
    { T, B: 1, input: { kind: 'onehot', ids }, targets: new Int32Array(T).fill(-1) },
    null,
  );
  const caches = pass.stack.caches[l]!;
  const h = new Float64Array(T * H);
  const hasC = (caches[0]?.c ?? null) !== null;
  const c = hasC ? new Float64Array(T * H) : null;
  for (let t = 0; t < T; t++) {
    h.set(caches[t]!.h.subarray(0, H), t * H);
    if (c) c.set(caches[t]!.c!.subarray(0, H), t * H);
  }
  return {
    step,
    layer: l,
    hiddenSize: H,
    chars: [...chars],
    h,
    c,
    rankH: rankUnits(h, H, chars).slice(0, 12),
    rankC: c ? rankUnits(c, H, chars).slice(0, 12) : null,
  };
}
