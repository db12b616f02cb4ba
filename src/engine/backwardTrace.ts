// The backward pass stopped at one timestep, for the view that steps back through BPTT: at step t
// of each layer (and direction), the gradient arriving from the step's output and from the step
// after it, their sum dL/dh_t, dL/dc_t (LSTM), this step's own contribution to the layer's weight
// and bias gradients, and their running sums over the steps done so far. Each direction runs its
// steps in its own order (a forward layer from t = T − 1 down to 0), so at its last step the sums
// are the gradient the optimizer receives (docs/equations.md §4). All from the engine's own
// backward pass (bptt.ts `backwardStack`), which reports each step as it happens.
import type { LayerParams } from './cell.ts';
import type { Model } from './model.ts';
import { backwardModel, forwardModel, zeroGrads, type Batch } from './network.ts';
import { norm2 } from './tensor.ts';

/** One layer-direction's backward step at t. */
export interface BackwardAtLayer {
  /** dL/dh_t from this step's output (or the layer above), and from step t+1 of its direction. */
  readonly fromOutput: Float64Array;
  readonly fromNext: Float64Array;
  /** Their sum: the total dL/dh_t. */
  readonly dh: Float64Array;
  /** LSTM: the total dL/dc_t; else null. */
  readonly dc: Float64Array | null;
  /** LSTM: the part of dL/dc_t that came back along the cell state, f_{t+1} ⊙ dL/dc_{t+1}. */
  readonly dcFromNext: Float64Array | null;
  /** GRU: the part of fromNext that bypassed the weights, z_{t+1} ⊙ dL/dh_{t+1}. */
  readonly fromNextDirect: Float64Array | null;
  /** This step's contribution to dW_ih, dW_hh, db_ih, db_hh. */
  readonly step: LayerParams;
  /** The sums of the contributions of the steps done so far, this one included. */
  readonly sum: LayerParams;
  /** At every step t' of the layer-direction, for the picture of the whole pass: ‖dL/dh_t'‖,
   * ‖dL/dc_t'‖ (LSTM) and the size ‖·‖_F of that step's contribution to dW_hh. */
  readonly norms: {
    readonly dh: Float64Array;
    readonly dc: Float64Array | null;
    readonly dWhh: Float64Array;
  };
}

export interface BackwardAt {
  readonly t: number;
  readonly T: number;
  readonly loss: number;
  /** Per layer and direction k = l·D + d. */
  readonly layers: readonly BackwardAtLayer[];
}

const copy = (p: LayerParams): LayerParams => ({
  Wih: p.Wih.slice(),
  Whh: p.Whh.slice(),
  bih: p.bih.slice(),
  bhh: p.bhh.slice(),
});

function add(into: LayerParams, from: LayerParams): void {
  for (const key of ['Wih', 'Whh', 'bih', 'bhh'] as const) {
    const a = into[key];
    const b = from[key];
    for (let j = 0; j < a.length; j++) a[j]! += b[j]!;
  }
}

/** The backward pass of `batch` (one stream) at timestep t (0 ≤ t < T). */
export function backwardAt(m: Model, batch: Batch, t: number): BackwardAt {
  if (batch.B !== 1) throw new Error('The backward steps are shown for one sequence.');
  if (!Number.isInteger(t) || t < 0 || t >= batch.T)
    throw new Error(`There is no step ${String(t)} in ${String(batch.T)} steps.`);
  const pass = forwardModel(m, batch, null);
  const sums = m.layers.map((p) => ({
    Wih: new Float64Array(p.Wih.length),
    Whh: new Float64Array(p.Whh.length),
    bih: new Float64Array(p.bih.length),
    bhh: new Float64Array(p.bhh.length),
  }));
  const T = batch.T;
  const norms = m.layers.map(() => ({
    dh: new Float64Array(T),
    dc: m.config.cell === 'lstm' ? new Float64Array(T) : null,
    dWhh: new Float64Array(T),
  }));
  const found: Omit<BackwardAtLayer, 'norms'>[] = [];
  backwardModel(m, zeroGrads(m), pass, (s) => {
    add(sums[s.k]!, s.grads);
    const n = norms[s.k]!;
    n.dh[s.t] = norm2(s.dh);
    if (n.dc !== null && s.dc !== null) n.dc[s.t] = norm2(s.dc);
    n.dWhh[s.t] = norm2(s.grads.Whh);
    if (s.t !== t) return;
    found[s.k] = {
      fromOutput: s.fromOutput.slice(),
      fromNext: s.fromNext.slice(),
      dh: s.dh.slice(),
      dc: s.dc === null ? null : s.dc.slice(),
      dcFromNext: s.dcFromNext === null ? null : s.dcFromNext.slice(),
      fromNextDirect: s.fromNextDirect === null ? null : s.fromNextDirect.slice(),
      step: copy(s.grads),
      sum: copy(sums[s.k]!),
    };
  });
  const layers = found.map((f, k) => ({ ...f, norms: norms[k]! }));
  return { t, T, loss: pass.loss, layers };
}
