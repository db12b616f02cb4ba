// The experiments on one RNN (E1–E3, E5–E7): ‖∂h_T/∂h_k‖ against s^{T−k} or ‖W^{T−k}‖ in closed
// form and the bound (γ·σ_max(W_hh))^{T−k}; the squared-error gradient before and after clipping
// (ĝ = g·min(1, θ/‖g‖) or element-wise); full against truncated BPTT with window K.

import type { Compute } from '../kernels.ts';
import { clipGradNorm, clipGradValue, globalNorm } from '../clip.ts';
import { namedTensors, type Model, type ModelConfig } from '../model.ts';
import { lossAndGradients, zeroGrads } from '../network.ts';
import { truncatedGradient } from '../truncation.ts';
import { flowNorms, gammaOf, jacobianMap, powers, spectrumOf } from './gradientPaths.ts';
import { buildRnn, experimentInput, INPUT_SIZE, norm2x2Upper, runForward } from './models.ts';
import type { GradientParams } from './params.ts';
import type {
  ClipResult,
  FlowSeries,
  GradientResult,
  IdentityCheck,
  TruncationResult,
} from './results.ts';

/** E1–E3, E5–E7 on one RNN with a regression (or, for truncation, a two-class char) head. */
export function rnnExperiment(
  p: GradientParams,
  head: ModelConfig['head'],
  compute?: Compute,
): GradientResult {
  const { T, H } = p;
  const m = buildRnn(p, head, head === 'softmax' ? 2 : 1, compute);
  const nonlinearity = m.config.nonlinearity;
  const x = p.preset === 'nonnormal' ? new Float64Array(T * INPUT_SIZE) : experimentInput(p);
  const fwd = runForward(m, x, T);
  const flow = flowNorms(m, fwd, x);
  const Whh = m.layers[0]!.Whh;
  const spec = spectrumOf(Whh, H);
  const gamma = gammaOf(nonlinearity);
  const identities: IdentityCheck[] = [];
  let expected: Float64Array | null = null;
  if (p.preset === 'scale' || p.preset === 'clip' || p.preset === 'truncation') {
    // E1: linear, or tanh on the zero trajectory, gives ‖∂h_T/∂h_k‖ = s^{T−k} exactly.
    if (nonlinearity === 'linear' || (nonlinearity === 'tanh' && p.inputScale === 0)) {
      expected = powers(p.s, T);
      identities.push({ label: `s^T = ${p.s}^${T}`, expected: expected[0]!, measured: flow.h[0]! });
    }
  } else if (p.preset === 'nonnormal') {
    // E6: W^k = [[λ^k, kαλ^{k−1}], [0, λ^k]] block by block.
    expected = Float64Array.from({ length: T + 1 }, (_, k) => {
      const n = T - k;
      return n === 0
        ? 1
        : norm2x2Upper(p.lambda ** n, n * p.alpha * p.lambda ** (n - 1), p.lambda ** n);
    });
    identities.push({
      label: `‖W^T‖ for T = ${T}`,
      words: 'powerNorm',
      expected: expected[0]!,
      measured: flow.h[0]!,
    });
  }
  const series: FlowSeries[] = [];
  let clip: ClipResult | null = null;
  let truncation: TruncationResult | null = null;
  let reach: (t: number) => number = () => 0;
  if (p.preset === 'truncation') {
    const K = p.trunc;
    const full = truncatedGradient(m, x, T, T, T);
    const cut = truncatedGradient(m, x, T, K, T);
    const dependency = T - p.delay;
    series.push({
      id: 'full',
      label: '‖∂ℓ_T/∂h_k‖, full BPTT',
      values: full.norms,
      style: 'loss',
      expected: null,
    });
    series.push({
      id: 'truncated',
      label: `‖∂ℓ_T/∂h_k‖, truncated at K = ${K}`,
      values: cut.norms,
      style: 'truncated',
      expected: Float64Array.from({ length: T + 1 }, (_, k) =>
        k < cut.reach ? 0 : full.norms[k]!,
      ),
    });
    let zeros = 0;
    for (let k = 0; k < cut.reach; k++) if (cut.norms[k] === 0) zeros++;
    identities.push({
      label: 'states with exactly zero gradient',
      words: 'zeroStates',
      expected: cut.reach,
      measured: zeros,
    });
    truncation = {
      K,
      delay: p.delay,
      dependency: dependency >= 0 ? dependency : -1,
      reach: cut.reach,
      full: dependency >= 0 ? full.norms[dependency]! : NaN,
      truncated: dependency >= 0 ? cut.norms[dependency]! : NaN,
    };
    reach = (t) => {
      const start = Math.floor((t - 1) / K) * K;
      return start === 0 ? 0 : start + 1;
    };
  }
  series.unshift({ id: 'h', label: '‖∂h_T/∂h_k‖', values: flow.h, style: 'main', expected });
  if (p.preset === 'nonnormal') {
    series.push({
      id: 'radius',
      label: 'ρ(W)^(T−k)',
      values: powers(spec.radius, T),
      style: 'reference',
      expected: null,
    });
  }
  if (p.preset === 'clip') {
    const r = clipExperiment(m, x, p);
    clip = r.clip;
    identities.push(...r.identities);
    series.push({ id: 'loss', label: '‖∂L/∂h_k‖', values: r.dLdh, style: 'loss', expected: null });
  }
  return {
    params: p,
    T,
    H,
    series,
    bound: powers(gamma * spec.max, T),
    gamma,
    matrixLabel: 'W_hh',
    matrixSize: H,
    eigen: spec.eigen,
    spectralRadius: spec.radius,
    sigmaMax: spec.max,
    sigmaMin: spec.min,
    sigmaMaxWhh: spec.max,
    heatmap: jacobianMap(flow.J, flow.S, H, T, p.seed, reach),
    clip,
    truncation,
    identities,
  };
}

/** E5: the gradient of the squared error at every step, before and after clipping. */
function clipExperiment(
  m: Model,
  x: Float64Array,
  p: GradientParams,
): { clip: ClipResult; identities: IdentityCheck[]; dLdh: Float64Array } {
  const T = p.T;
  const targets = new Float64Array(T).map((_, t) => Math.sin(t / 3)); // a smooth target signal
  const grads = zeroGrads(m);
  const { back } = lossAndGradients(
    m,
    grads,
    { T, B: 1, input: { kind: 'dense', x }, targets },
    null,
  );
  const H = p.H;
  const dLdh = new Float64Array(T + 1);
  dLdh[0] = Math.hypot(...back.dInitial.h[0]!);
  for (let t = 0; t < T; t++) dLdh[t + 1] = Math.hypot(...back.dLdh[0]![t]!.subarray(0, H));
  const tensors = namedTensors(grads);
  const before = tensors.map((t) => Float64Array.from(t.data));
  const after = tensors.map((t) => Float64Array.from(t.data));
  const report =
    p.clipMode === 'norm'
      ? clipGradNorm(after, p.clip)
      : p.clipMode === 'value'
        ? clipGradValue(after, p.clip)
        : { normBefore: globalNorm(before), normAfter: globalNorm(before), clipped: false };
  let dot = 0;
  let changed = 0;
  let count = 0;
  before.forEach((b, i) => {
    const a = after[i]!;
    for (let j = 0; j < b.length; j++) {
      dot += a[j]! * b[j]!;
      if (a[j] !== b[j]) changed++;
      count++;
    }
  });
  const cosine = dot / (report.normBefore * globalNorm(after));
  const whh = tensors.findIndex((t) => t.name.startsWith('rnn.weight_hh'));
  const n = Math.min(1024, before[whh]!.length);
  const identities: IdentityCheck[] = [];
  if (p.clipMode === 'norm') {
    identities.push({
      label: 'cos(ĝ, g) with norm clipping',
      words: 'cosine',
      expected: 1,
      measured: cosine,
    });
    // PyTorch's clip_grad_norm_ scales by θ/(‖g‖ + 1e-6), so ‖ĝ‖ lands just under θ.
    const g = report.normBefore;
    identities.push({
      label: '‖ĝ‖ = ‖g‖·min(1, θ/(‖g‖ + 10⁻⁶))',
      expected: g * Math.min(1, p.clip / (g + 1e-6)),
      measured: report.normAfter,
    });
  }
  return {
    dLdh,
    identities,
    clip: {
      mode: p.clipMode,
      threshold: p.clip,
      normBefore: report.normBefore,
      normAfter: report.normAfter,
      cosine,
      clipped: report.clipped,
      changedFraction: count > 0 ? changed / count : 0,
      before: before[whh]!.slice(0, n),
      after: after[whh]!.slice(0, n),
      tensors: tensors.map((t, i) => ({
        name: t.name,
        before: globalNorm([before[i]!]),
        after: globalNorm([after[i]!]),
      })),
    },
  };
}
