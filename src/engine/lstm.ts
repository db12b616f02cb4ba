// LSTM cell, PyTorch nn.LSTM, gate blocks i, f, g, o (rows [0,H), [H,2H), [2H,3H), [3H,4H)):
//   [î; f̂; ĝ; ô] = W_ih x_t + b_ih + W_hh h_{t−1} + b_hh,  i = σ(î), f = σ(f̂), g = tanh(ĝ), o = σ(ô)
//   c_t = f ⊙ c_{t−1} + i ⊙ g,   h_t = o ⊙ tanh(c_t)
// Backward as docs/equations.md §4.3, with dc_t = dc^{next} + dh ⊙ o ⊙ (1 − tanh² c_t).

import type {
  Cell,
  LayerInput,
  LayerParams,
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
import { LSTM_GATES, type NamedStep } from './traceKeys.ts';

export interface LstmCache extends StepCacheBase {
  /** Gate pre-activations [B, 4H]: î, f̂, ĝ, ô blocks per stream. */
  readonly pre: Float64Array;
  /** Gate activations [B, 4H]: i, f, g, o blocks per stream. */
  readonly act: Float64Array;
  /** c_t [B, H] */
  readonly c: Float64Array;
  /** tanh(c_t) [B, H] */
  readonly tc: Float64Array;
  /** h_t [B, H] */
  readonly h: Float64Array;
}

export function createLstmCell(): Cell<LstmCache> {
  // Scratch for W_hh h_{t−1} + b_hh (forward) and the gate gradients dA (backward).
  const hhWork = workspace();
  const dAWork = workspace();
  return {
    kind: 'lstm',
    gates: LSTM_GATES.length,
    gateNames: LSTM_GATES,
    hasCellState: CELL_INFO.lstm.hasCellState,
    forward(
      p: LayerParams,
      d: StepDims,
      x: LayerInput,
      hPrev: Float64Array,
      cPrev: Float64Array | null,
      compute: Compute,
    ): LstmCache {
      const { B, H, I } = d;
      const G = 4 * H;
      const pre = new Float64Array(B * G);
      const hh = hhWork(B * G);
      const act = new Float64Array(B * G);
      const c = new Float64Array(B * H);
      const tc = new Float64Array(B * H);
      const h = new Float64Array(B * H);
      projectInput(compute, p.Wih, p.bih, G, I, x, B, pre); // W_ih x + b_ih
      projectDense(compute, p.Whh, p.bhh, G, H, hPrev, B, hh); // W_hh h_{t−1} + b_hh
      for (let b = 0; b < B; b++) {
        const g0 = b * G;
        const s0 = b * H;
        for (let j = 0; j < H; j++) {
          const pi = (pre[g0 + j]! += hh[g0 + j]!);
          const pf = (pre[g0 + H + j]! += hh[g0 + H + j]!);
          const pg = (pre[g0 + 2 * H + j]! += hh[g0 + 2 * H + j]!);
          const po = (pre[g0 + 3 * H + j]! += hh[g0 + 3 * H + j]!);
          const i = sigmoid(pi);
          const f = sigmoid(pf);
          const g = Math.tanh(pg);
          const o = sigmoid(po);
          act[g0 + j] = i;
          act[g0 + H + j] = f;
          act[g0 + 2 * H + j] = g;
          act[g0 + 3 * H + j] = o;
          const ct = f * (cPrev ? cPrev[s0 + j]! : 0) + i * g; // c_t = f ⊙ c_{t−1} + i ⊙ g
          const t = Math.tanh(ct);
          c[s0 + j] = ct;
          tc[s0 + j] = t;
          h[s0 + j] = o * t; // h_t = o ⊙ tanh(c_t)
        }
      }
      return { pre, act, c, tc, h };
    },
    backward(
      p: LayerParams,
      g: LayerParams | null,
      d: StepDims,
      x: LayerInput,
      hPrev: Float64Array,
      cPrev: Float64Array | null,
      cache: LstmCache,
      dh: Float64Array,
      dcNext: Float64Array | null,
      out: StepGradOut,
      compute: Compute,
    ): void {
      const { B, H, I } = d;
      const G = 4 * H;
      const { act, tc } = cache;
      const dA = dAWork(B * G);
      for (let b = 0; b < B; b++) {
        const g0 = b * G;
        const s0 = b * H;
        for (let j = 0; j < H; j++) {
          const i = act[g0 + j]!;
          const f = act[g0 + H + j]!;
          const gg = act[g0 + 2 * H + j]!;
          const o = act[g0 + 3 * H + j]!;
          const t = tc[s0 + j]!;
          const dhj = dh[s0 + j]!;
          // through h = o ⊙ tanh(c): do = dh ⊙ tanh(c), dc += dh ⊙ o ⊙ (1 − tanh² c)
          const dO = dhj * t;
          const dc = (dcNext ? dcNext[s0 + j]! : 0) + dhj * o * (1 - t * t);
          if (out.dc) out.dc[s0 + j] = dc;
          // through c = f ⊙ c_{t−1} + i ⊙ g
          const di = dc * gg;
          const dg = dc * i;
          const cp = cPrev ? cPrev[s0 + j]! : 0;
          const df = dc * cp;
          if (out.dcPrev) out.dcPrev[s0 + j] = dc * f; // dc_{t−1} = dc ⊙ f
          // through the gate nonlinearities (σ′ = s(1 − s), tanh′ = 1 − g²)
          dA[g0 + j] = di * i * (1 - i);
          dA[g0 + H + j] = df * f * (1 - f);
          dA[g0 + 2 * H + j] = dg * (1 - gg * gg);
          dA[g0 + 3 * H + j] = dO * o * (1 - o);
        }
      }
      if (g) {
        accumulateInputGrads(compute, g.Wih, g.bih, G, I, x, B, dA); // dW_ih += dA xᵀ, db_ih += dA
        accumulateDenseGrads(compute, g.Whh, g.bhh, G, H, hPrev, B, dA); // dW_hh += dA h_{t−1}ᵀ, db_hh += dA
      }
      backpropDense(compute, p.Whh, G, H, dA, B, out.dhPrev, false); // dh_{t−1} = W_hhᵀ dA
      if (out.dx) backpropDense(compute, p.Wih, G, I, dA, B, out.dx, false); // dx = W_ihᵀ dA
    },
    named(cache: LstmCache, H: number, b: number): NamedStep {
      const g0 = b * 4 * H;
      const s0 = b * H;
      const out: NamedStep = {};
      LSTM_GATES.forEach((name, k) => {
        out[`${name}_pre`] = cache.pre.slice(g0 + k * H, g0 + (k + 1) * H);
        out[name] = cache.act.slice(g0 + k * H, g0 + (k + 1) * H);
      });
      out['c'] = cache.c.slice(s0, s0 + H);
      out['tanh_c'] = cache.tc.slice(s0, s0 + H);
      out['h'] = cache.h.slice(s0, s0 + H);
      return out;
    },
  };
}
