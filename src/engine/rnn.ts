// Vanilla (Elman) RNN cell, PyTorch nn.RNN:  a_t = W_ih x_t + b_ih + W_hh h_{t−1} + b_hh,
// h_t = f(a_t) with f = tanh or ReLU (PyTorch), or linear / sigmoid for the gradient experiments.
// Backward: da = dh ⊙ f′(a);  dW_ih += da xᵀ;  dW_hh += da h_{t−1}ᵀ;  db_ih = db_hh += da;  dh_{t−1} = W_hhᵀ da.

import type {
  Cell,
  LayerInput,
  LayerParams,
  Nonlinearity,
  StepCacheBase,
  StepDims,
  StepGradOut,
} from './cell.ts';
import { CELL_INFO } from './cell.ts';
import {
  accumulateDenseGrads,
  accumulateInputGrads,
  backpropDense,
  projectDense,
  projectInput,
  workspace,
} from './linear.ts';
import type { Compute } from './kernels.ts';
import { sigmoid } from './tensor.ts';
import { RNN_GATES, type NamedStep } from './traceKeys.ts';

export interface RnnCache extends StepCacheBase {
  /** Pre-activation a_t [B, H]. */
  readonly a: Float64Array;
  /** W_ih x_t + b_ih [B, H] (kept apart so the equation panel can show both terms). */
  readonly ai: Float64Array;
  /** W_hh h_{t−1} + b_hh [B, H]. */
  readonly ah: Float64Array;
  readonly c: null;
}

/** f(a) for each nonlinearity. */
export function activate(kind: Nonlinearity, a: number): number {
  switch (kind) {
    case 'tanh':
      return Math.tanh(a);
    case 'relu':
      return a > 0 ? a : 0;
    case 'linear':
      return a;
    case 'sigmoid':
      return sigmoid(a);
  }
}

/** f′(a) written in terms of h = f(a) (and a for ReLU). */
export function activationDerivative(kind: Nonlinearity, a: number, h: number): number {
  switch (kind) {
    case 'tanh':
      return 1 - h * h;
    case 'relu':
      return a > 0 ? 1 : 0;
    case 'linear':
      return 1;
    case 'sigmoid':
      return h * (1 - h);
  }
}

export function createRnnCell(nonlinearity: Nonlinearity = 'tanh'): Cell<RnnCache> {
  // Scratch for da in the backward pass.
  const daWork = workspace();
  return {
    kind: 'rnn',
    gates: RNN_GATES.length,
    gateNames: RNN_GATES,
    hasCellState: CELL_INFO.rnn.hasCellState,
    forward(
      p: LayerParams,
      d: StepDims,
      x: LayerInput,
      hPrev: Float64Array,
      _cPrev: Float64Array | null,
      compute: Compute,
    ): RnnCache {
      const { B, H, I } = d;
      const a = new Float64Array(B * H);
      const ai = new Float64Array(B * H);
      const ah = new Float64Array(B * H);
      const h = new Float64Array(B * H);
      projectInput(compute, p.Wih, p.bih, H, I, x, B, ai); // ai = W_ih x + b_ih
      projectDense(compute, p.Whh, p.bhh, H, H, hPrev, B, ah); // ah = W_hh h_{t−1} + b_hh
      for (let k = 0; k < B * H; k++) {
        a[k] = ai[k]! + ah[k]!; // a = ai + ah
        h[k] = activate(nonlinearity, a[k]!); // h = f(a)
      }
      return { a, ai, ah, h, c: null };
    },
    backward(
      p: LayerParams,
      g: LayerParams | null,
      d: StepDims,
      x: LayerInput,
      hPrev: Float64Array,
      _cPrev: Float64Array | null,
      cache: RnnCache,
      dh: Float64Array,
      _dcNext: Float64Array | null,
      out: StepGradOut,
      compute: Compute,
    ): void {
      const { B, H, I } = d;
      const da = daWork(B * H);
      // through h = f(a): da = dh ⊙ f′(a)
      for (let k = 0; k < B * H; k++) {
        da[k] = dh[k]! * activationDerivative(nonlinearity, cache.a[k]!, cache.h[k]!);
      }
      if (g) {
        accumulateInputGrads(compute, g.Wih, g.bih, H, I, x, B, da); // dW_ih += da xᵀ, db_ih += da
        accumulateDenseGrads(compute, g.Whh, g.bhh, H, H, hPrev, B, da); // dW_hh += da h_{t−1}ᵀ, db_hh += da
      }
      backpropDense(compute, p.Whh, H, H, da, B, out.dhPrev, false); // dh_{t−1} = W_hhᵀ da
      if (out.dx) backpropDense(compute, p.Wih, H, I, da, B, out.dx, false); // dx = W_ihᵀ da
    },
    named(cache: RnnCache, H: number, b: number): NamedStep {
      const s = b * H;
      return {
        a: cache.a.slice(s, s + H),
        a_ih: cache.ai.slice(s, s + H),
        ah: cache.ah.slice(s, s + H),
        h: cache.h.slice(s, s + H),
      };
    },
  };
}
