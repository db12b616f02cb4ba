// GRU cell, PyTorch nn.GRU (reset applied after the recurrent product), gate blocks r, z, n:
//   r = σ(W_ir x + b_ir + W_hr h_{t−1} + b_hr),  z = σ(W_iz x + b_iz + W_hz h_{t−1} + b_hz)
//   u = W_hn h_{t−1} + b_hn,  n = tanh(W_in x + b_in + r ⊙ u),  h_t = (1 − z) ⊙ n + z ⊙ h_{t−1}
// Backward as docs/equations.md §4.4: the n block of the hidden side carries the extra r ⊙.

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
import { GRU_GATES, type NamedStep } from './traceKeys.ts';

export interface GruCache extends StepCacheBase {
  /** W_ih x + b_ih [B, 3H] (r, z, n blocks). */
  readonly gi: Float64Array;
  /** W_hh h_{t−1} + b_hh [B, 3H] (r, z, n blocks; the n block is u_t). */
  readonly gh: Float64Array;
  /** Activations [B, 3H]: r, z, n blocks. */
  readonly act: Float64Array;
  readonly h: Float64Array;
  readonly c: null;
}

export function createGruCell(): Cell<GruCache> {
  // Scratch for the backward pass's gate gradients on the input and hidden sides.
  const dGiWork = workspace();
  const dGhWork = workspace();
  return {
    kind: 'gru',
    gates: GRU_GATES.length,
    gateNames: GRU_GATES,
    hasCellState: CELL_INFO.gru.hasCellState,
    forward(
      p: LayerParams,
      d: StepDims,
      x: LayerInput,
      hPrev: Float64Array,
      _cPrev: Float64Array | null,
      compute: Compute,
    ): GruCache {
      const { B, H, I } = d;
      const G = 3 * H;
      const gi = new Float64Array(B * G);
      const gh = new Float64Array(B * G);
      const act = new Float64Array(B * G);
      const h = new Float64Array(B * H);
      projectInput(compute, p.Wih, p.bih, G, I, x, B, gi); // W_ih x + b_ih
      projectDense(compute, p.Whh, p.bhh, G, H, hPrev, B, gh); // W_hh h_{t−1} + b_hh
      for (let b = 0; b < B; b++) {
        const g0 = b * G;
        const s0 = b * H;
        for (let j = 0; j < H; j++) {
          const r = sigmoid(gi[g0 + j]! + gh[g0 + j]!);
          const z = sigmoid(gi[g0 + H + j]! + gh[g0 + H + j]!);
          const n = Math.tanh(gi[g0 + 2 * H + j]! + r * gh[g0 + 2 * H + j]!); // n = tanh(W_in x + b_in + r ⊙ u)
          act[g0 + j] = r;
          act[g0 + H + j] = z;
          act[g0 + 2 * H + j] = n;
          h[s0 + j] = (1 - z) * n + z * hPrev[s0 + j]!; // h = (1 − z) ⊙ n + z ⊙ h_{t−1}
        }
      }
      return { gi, gh, act, h, c: null };
    },
    backward(
      p: LayerParams,
      g: LayerParams | null,
      d: StepDims,
      x: LayerInput,
      hPrev: Float64Array,
      _cPrev: Float64Array | null,
      cache: GruCache,
      dh: Float64Array,
      _dcNext: Float64Array | null,
      out: StepGradOut,
      compute: Compute,
    ): void {
      const { B, H, I } = d;
      const G = 3 * H;
      const { act, gh } = cache;
      const dGi = dGiWork(B * G); // [dr̂; dẑ; dn̂]
      const dGh = dGhWork(B * G); // [dr̂; dẑ; r ⊙ dn̂]
      const dhPrev = out.dhPrev;
      const direct = out.direct ?? null;
      for (let b = 0; b < B; b++) {
        const g0 = b * G;
        const s0 = b * H;
        for (let j = 0; j < H; j++) {
          const r = act[g0 + j]!;
          const z = act[g0 + H + j]!;
          const n = act[g0 + 2 * H + j]!;
          const u = gh[g0 + 2 * H + j]!;
          const dhj = dh[s0 + j]!;
          // through h = (1 − z) ⊙ n + z ⊙ h_{t−1}
          const dn = dhj * (1 - z);
          const dz = dhj * (hPrev[s0 + j]! - n);
          dhPrev[s0 + j] = dhj * z; // direct path; W_hhᵀ term added below
          if (direct !== null) direct[s0 + j] = dhj * z;
          // through n = tanh(… + r ⊙ u)
          const dnHat = dn * (1 - n * n);
          const dr = dnHat * u;
          const drHat = dr * r * (1 - r);
          const dzHat = dz * z * (1 - z);
          dGi[g0 + j] = drHat;
          dGi[g0 + H + j] = dzHat;
          dGi[g0 + 2 * H + j] = dnHat;
          dGh[g0 + j] = drHat;
          dGh[g0 + H + j] = dzHat;
          dGh[g0 + 2 * H + j] = r * dnHat; // through r ⊙ (W_hn h + b_hn)
        }
      }
      if (g) {
        accumulateInputGrads(compute, g.Wih, g.bih, G, I, x, B, dGi); // dW_ih += g^{ih} xᵀ
        accumulateDenseGrads(compute, g.Whh, g.bhh, G, H, hPrev, B, dGh); // dW_hh += g^{hh} h_{t−1}ᵀ
      }
      backpropDense(compute, p.Whh, G, H, dGh, B, dhPrev, true); // dh_{t−1} += W_hhᵀ g^{hh}
      if (out.dx) backpropDense(compute, p.Wih, G, I, dGi, B, out.dx, false); // dx = W_ihᵀ g^{ih}
    },
    named(cache: GruCache, H: number, b: number): NamedStep {
      const g0 = b * 3 * H;
      const s0 = b * H;
      const out: NamedStep = {};
      GRU_GATES.forEach((name, k) => {
        out[name] = cache.act.slice(g0 + k * H, g0 + (k + 1) * H);
        out[`${name}_ih`] = cache.gi.slice(g0 + k * H, g0 + (k + 1) * H);
        out[`${name}_hh`] = cache.gh.slice(g0 + k * H, g0 + (k + 1) * H);
      });
      out['r_pre'] = out['r_ih']!.map((v, j) => v + out['r_hh']![j]!);
      out['z_pre'] = out['z_ih']!.map((v, j) => v + out['z_hh']![j]!);
      out['u'] = out['n_hh']!;
      out['n_pre'] = out['n_ih']!.map((v, j) => v + out['r']![j]! * out['u']![j]!);
      out['h'] = cache.h.slice(s0, s0 + H);
      return out;
    },
  };
}
