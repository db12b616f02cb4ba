// The gradient-flow experiments (equations.md §5–§6, E1–E7): each preset builds a model and an
// input from its parameters with a seeded PRNG, runs the engine's forward pass, and measures the
// Jacobian products ∂h_T/∂h_k = J_T ⋯ J_{k+1} (J read off each cell's own backward pass), the
// Pascanu bound (γ·σ_max(W_hh))^{T−k}, the spectrum, a (t, k) map, clipping and truncation.

import { forwardStack, type StackForward } from './bptt.ts';
import type { CellKind, LayerInput, Nonlinearity } from './cell.ts';
import { clipGradNorm, clipGradValue, globalNorm } from './clip.ts';
import { matmulSquare, stepJacobian } from './jacobian.ts';
import { createModel, namedTensors, type Model, type ModelConfig } from './model.ts';
import { lossAndGradients, zeroGrads } from './network.ts';
import { createRng, type Rng } from './rng.ts';
import { randomOrthogonal } from './init.ts';
import { eigenvalues, singularValues, spectralRadius, type Eigenvalues } from './spectrum.ts';
import { truncatedGradient } from './truncation.ts';

export const GRADIENT_PRESETS = [
  'scale',
  'gain',
  'cells',
  'carousel',
  'clip',
  'nonnormal',
  'truncation',
] as const;
export type GradientPreset = (typeof GRADIENT_PRESETS)[number];
export const FLOW_CELLS = ['rnn', 'lstm', 'gru'] as const satisfies readonly CellKind[];
export const FLOW_NONLINEARITIES = [
  'linear',
  'tanh',
  'sigmoid',
  'relu',
] as const satisfies readonly Nonlinearity[];
export const CLIP_MODES = ['none', 'norm', 'value'] as const;
export type ClipMode = (typeof CLIP_MODES)[number];
export const HIDDEN_SIZES = [8, 16, 32, 64] as const;
/** Largest hidden size when the three cells are compared. */
export const MAX_H_CELLS = 32;

/** Every parameter of every experiment; each preset reads the ones `PRESET_PARAMS` lists. */
export interface GradientParams {
  readonly preset: GradientPreset;
  /** Sequence length T (steps). */
  readonly T: number;
  /** Hidden size H. */
  readonly H: number;
  /** Recurrent scale s: W_hh = s·Q with Q orthogonal. */
  readonly s: number;
  /** Random gain g: W_hh ~ N(0, g²/H). */
  readonly g: number;
  readonly nonlinearity: Nonlinearity;
  /** Standard deviation of the inputs x_t (0: zero input). */
  readonly inputScale: number;
  /** LSTM forget-gate bias b_f. */
  readonly bf: number;
  /** GRU update-gate bias b_z. */
  readonly bz: number;
  /** The cell shown in detail (spectrum, map, equation) when cells are compared. */
  readonly cell: CellKind;
  readonly clipMode: ClipMode;
  /** Clipping threshold: the maximum norm, or the maximum absolute value. */
  readonly clip: number;
  /** Non-normal W = blockdiag([[λ, α], [0, λ]]). */
  readonly lambda: number;
  readonly alpha: number;
  /** Truncation length K of truncated BPTT. */
  readonly trunc: number;
  /** Distance d of the dependency the loss at step T has on the state at T − d. */
  readonly delay: number;
  readonly seed: number;
}

type NumericKey = Exclude<keyof GradientParams, 'preset' | 'nonlinearity' | 'cell' | 'clipMode'>;

/** Ranges of the numeric parameters (inclusive); values outside are clamped. */
export const PARAM_LIMITS: Record<NumericKey, { min: number; max: number; step: number }> = {
  T: { min: 1, max: 200, step: 1 },
  H: { min: 2, max: 64, step: 2 },
  s: { min: 0.5, max: 1.5, step: 0.01 },
  g: { min: 0.1, max: 3, step: 0.05 },
  inputScale: { min: 0, max: 3, step: 0.05 },
  bf: { min: -2, max: 5, step: 0.1 },
  bz: { min: -2, max: 5, step: 0.1 },
  clip: { min: 0.01, max: 10000, step: 0.01 },
  lambda: { min: 0.5, max: 1.1, step: 0.01 },
  alpha: { min: 0, max: 4, step: 0.05 },
  trunc: { min: 1, max: 200, step: 1 },
  delay: { min: 1, max: 200, step: 1 },
  seed: { min: 0, max: 999_999_999, step: 1 },
};

export const DEFAULT_PARAMS: GradientParams = {
  preset: 'scale',
  T: 50,
  H: 32,
  s: 0.9,
  g: 1.5,
  nonlinearity: 'linear',
  inputScale: 0,
  bf: 0,
  bz: 0,
  cell: 'lstm',
  clipMode: 'norm',
  clip: 1,
  lambda: 0.9,
  alpha: 2,
  trunc: 20,
  delay: 25,
  seed: 1,
};

/** What each preset starts from (on top of DEFAULT_PARAMS). */
export const PRESET_DEFAULTS: Record<GradientPreset, Partial<GradientParams>> = {
  scale: {},
  gain: { nonlinearity: 'tanh', g: 1.5 },
  cells: { inputScale: 1, bf: 0, bz: 0, cell: 'lstm' },
  carousel: { T: 30, inputScale: 0, bf: 1, bz: 2, cell: 'lstm' },
  clip: { s: 1.2, T: 60, inputScale: 1, clipMode: 'norm', clip: 1 },
  nonnormal: { T: 100, lambda: 0.9, alpha: 2 },
  truncation: { s: 1, T: 60, inputScale: 1, trunc: 20, delay: 25 },
};

/** The parameters each preset reads, in the order its controls appear. */
export const PRESET_PARAMS: Record<GradientPreset, readonly (keyof GradientParams)[]> = {
  scale: ['s', 'T', 'inputScale', 'nonlinearity', 'H', 'seed'],
  gain: ['g', 'T', 'inputScale', 'nonlinearity', 'H', 'seed'],
  cells: ['bf', 'bz', 'T', 'inputScale', 'cell', 'H', 'seed'],
  carousel: ['bf', 'bz', 'T', 'inputScale', 'cell', 'H', 'seed'],
  clip: ['clipMode', 'clip', 's', 'T', 'inputScale', 'nonlinearity', 'H', 'seed'],
  nonnormal: ['lambda', 'alpha', 'T', 'H'],
  truncation: ['trunc', 'delay', 'T', 's', 'inputScale', 'nonlinearity', 'H', 'seed'],
};

export function presetParams(preset: GradientPreset, seed = DEFAULT_PARAMS.seed): GradientParams {
  return { ...DEFAULT_PARAMS, ...PRESET_DEFAULTS[preset], preset, seed };
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** Checks enums and clamps numbers into range (whole numbers where the step is 1). Throws on junk. */
export function sanitizeParams(p: GradientParams): GradientParams {
  const pick = <T extends string>(v: T, all: readonly T[], what: string): T => {
    if (!all.includes(v)) throw new RangeError(`Unknown ${what} “${String(v).slice(0, 20)}”.`);
    return v;
  };
  const out: Record<string, unknown> = {
    preset: pick(p.preset, GRADIENT_PRESETS, 'experiment'),
    nonlinearity: pick(p.nonlinearity, FLOW_NONLINEARITIES, 'nonlinearity'),
    cell: pick(p.cell, FLOW_CELLS, 'cell'),
    clipMode: pick(p.clipMode, CLIP_MODES, 'clipping mode'),
  };
  for (const key of Object.keys(PARAM_LIMITS) as NumericKey[]) {
    const v = p[key];
    if (typeof v !== 'number' || !Number.isFinite(v))
      throw new RangeError(`${key} must be a number.`);
    const { min, max, step } = PARAM_LIMITS[key];
    out[key] = clamp(step >= 1 ? Math.round(v) : v, min, max);
  }
  if ((out['H'] as number) % 2 === 1) out['H'] = (out['H'] as number) + 1;
  // Three cells at once (an LSTM's state is 2H wide) cost S³ per step: keep them to H ≤ 32.
  if (out['preset'] === 'cells' || out['preset'] === 'carousel')
    out['H'] = Math.min(out['H'] as number, MAX_H_CELLS);
  return out as unknown as GradientParams;
}

// ---- results ------------------------------------------------------------------------------

export type SeriesStyle = 'main' | 'cell' | 'gate' | 'loss' | 'reference' | 'truncated';

/** One curve over the unrolled sequence: values[k] for k = 0…T (h_0 is the initial state). */
export interface FlowSeries {
  readonly id: string;
  readonly label: string;
  readonly values: Float64Array;
  readonly style: SeriesStyle;
  /** The exact value theory gives, when this setup has one (else null). */
  readonly expected: Float64Array | null;
}

/** A figure the experiment must reproduce exactly, with what was measured. */
export interface IdentityCheck {
  readonly label: string;
  readonly expected: number;
  readonly measured: number;
}

export interface ClipResult {
  readonly mode: ClipMode;
  readonly threshold: number;
  readonly normBefore: number;
  readonly normAfter: number;
  /** cos(ĝ, g) over all parameters. */
  readonly cosine: number;
  readonly clipped: boolean;
  /** Fraction of the gradient's elements that clipping changed. */
  readonly changedFraction: number;
  /** Elements of dL/dW_hh before and after (at most 1024 of them), for the scatter. */
  readonly before: Float64Array;
  readonly after: Float64Array;
  /** Per-tensor norms before and after, in state_dict order. */
  readonly tensors: { name: string; before: number; after: number }[];
}

export interface TruncationResult {
  readonly K: number;
  readonly delay: number;
  /** The state index the dependency sits at (T − d), or −1 if it is before the sequence. */
  readonly dependency: number;
  /** First state the truncated gradient reaches. */
  readonly reach: number;
  readonly full: number;
  readonly truncated: number;
}

export interface GradientResult {
  readonly params: GradientParams;
  readonly T: number;
  readonly H: number;
  /** Curves for the main chart. */
  readonly series: FlowSeries[];
  /** (γ·σ_max(W_hh))^{T−k}, RNN only. */
  readonly bound: Float64Array | null;
  readonly gamma: number | null;
  /** The matrix whose spectrum is shown: W_hh (RNN) or the last one-step Jacobian (gated). */
  readonly matrixLabel: 'W_hh' | 'J_T';
  readonly matrixSize: number;
  readonly eigen: Eigenvalues;
  readonly spectralRadius: number;
  readonly sigmaMax: number;
  readonly sigmaMin: number;
  /** σ_max(W_hh) used in the bound (RNN; gated: of the whole [G·H, H] W_hh). */
  readonly sigmaMaxWhh: number;
  /** ‖u_tᵀ ∂h_t/∂h_k‖ for sampled rows t (1…T) and every k = 0…T (NaN above the diagonal). */
  readonly heatmap: { readonly rows: Int32Array; readonly values: Float64Array };
  readonly clip: ClipResult | null;
  readonly truncation: TruncationResult | null;
  readonly identities: IdentityCheck[];
}

/** Upper bound of every activation derivative: γ = 1 (tanh, ReLU, linear), ¼ (sigmoid). */
export function gammaOf(f: Nonlinearity): number {
  return f === 'sigmoid' ? 0.25 : 1;
}

/** Most rows the (t, k) map computes (rows are sampled evenly, always including t = T). */
export const HEATMAP_MAX_ROWS = 64;
/** Input width of the experiments' models. */
export const INPUT_SIZE = 4;

// ---- building blocks -------------------------------------------------------------------------

function sigmoid(x: number): number {
  return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
}

/** Dense inputs x [T·I] ~ scale·N(0, 1), from their own stream so every cell reads the same. */
export function experimentInput(p: GradientParams): Float64Array {
  const rng = createRng(p.seed * 7919 + 17);
  const x = new Float64Array(p.T * INPUT_SIZE);
  if (p.inputScale === 0) return x;
  for (let k = 0; k < x.length; k++) x[k] = p.inputScale * rng.normal();
  return x;
}

function fillNormal(a: Float64Array, std: number, rng: Rng): void {
  for (let k = 0; k < a.length; k++) a[k] = std * rng.normal();
}

/** W = blockdiag([[λ, α], [0, λ]], …) (H even): eigenvalues all λ, yet ‖W^k‖ grows first. */
export function nonNormalMatrix(H: number, lambda: number, alpha: number): Float64Array {
  const W = new Float64Array(H * H);
  for (let b = 0; b + 1 < H; b += 2) {
    W[b * H + b] = lambda;
    W[b * H + b + 1] = alpha;
    W[(b + 1) * H + b + 1] = lambda;
  }
  return W;
}

/** ‖[[a, b], [0, d]]‖₂ in closed form. */
export function norm2x2Upper(a: number, b: number, d: number): number {
  const f = a * a + b * b + d * d;
  return Math.sqrt((f + Math.sqrt(Math.max(0, f * f - 4 * a * a * d * d))) / 2);
}

/** A one-layer RNN for the scale, gain, clip, non-normal and truncation experiments. */
export function buildRnn(p: GradientParams, head: ModelConfig['head'], outputSize: number): Model {
  const rng = createRng(p.seed);
  const nonlinearity = p.preset === 'nonnormal' ? 'linear' : p.nonlinearity;
  const m = createModel(
    {
      cell: 'rnn',
      nonlinearity,
      hiddenSize: p.H,
      numLayers: 1,
      inputSize: INPUT_SIZE,
      outputSize,
      head,
    },
    rng,
  );
  const layer = m.layers[0]!;
  // Zero biases, so zero input and a zero initial state keep h at 0 (tanh′ = 1 there: E1b).
  layer.bih.fill(0);
  layer.bhh.fill(0);
  fillNormal(layer.Wih, 1 / Math.sqrt(INPUT_SIZE), rng); // inputs of scale 1 move h by O(1)
  if (p.preset === 'gain') fillNormal(layer.Whh, p.g / Math.sqrt(p.H), rng);
  else if (p.preset === 'nonnormal') layer.Whh.set(nonNormalMatrix(p.H, p.lambda, p.alpha));
  else layer.Whh.set(randomOrthogonal(p.H, rng, p.s));
  return m;
}

/** One model per cell at PyTorch's default initialisation, with the gate biases of the sliders. */
export function buildCell(p: GradientParams, cell: CellKind): Model {
  const m = createModel(
    {
      cell,
      nonlinearity: 'tanh',
      hiddenSize: p.H,
      numLayers: 1,
      inputSize: INPUT_SIZE,
      outputSize: 1,
      head: 'regression',
    },
    createRng(p.seed),
    cell === 'lstm' ? { forgetBias: p.bf } : cell === 'gru' ? { updateBias: p.bz } : {},
  );
  if (p.preset === 'carousel') m.layers[0]!.Whh.fill(0);
  return m;
}

function runForward(m: Model, x: Float64Array, T: number): StackForward {
  const stack = {
    cell: m.cell,
    layers: m.layers,
    inputSize: m.config.inputSize,
    hiddenSize: m.config.hiddenSize,
  };
  return forwardStack(stack, { kind: 'dense', x }, T, 1, null);
}

/**
 * Largest singular value of the r×c block at (r0, c0) of an S×S matrix, by power iteration on
 * BᵀB warm-started from `v` (updated in place). Exact after one step when all singular values are
 * equal (s·Q products, diagonal gate products with equal gates); otherwise run to a relative
 * change below 1e-12 or 400 iterations (then an estimate from below; the warm start from the
 * previous k usually points close to the top singular vector already).
 */
function blockNorm(
  P: Float64Array,
  S: number,
  r0: number,
  c0: number,
  n: number,
  v: Float64Array,
): number {
  const u = new Float64Array(n);
  let sigma = -1;
  // Blend a fixed generic vector into the warm start, so a top direction that has moved to
  // another coordinate since the previous k is still found (a pure warm start can miss it).
  let wn = 0;
  for (let j = 0; j < n; j++) wn += v[j]! * v[j]!;
  wn = Math.sqrt(wn);
  if (wn > 0 && Number.isFinite(wn)) {
    for (let j = 0; j < n; j++)
      v[j] = v[j]! / wn + (0.1 * (1 + 0.1 * Math.sin(1 + 7 * j))) / Math.sqrt(n);
  }
  for (let it = 0; it < 400; it++) {
    let vn = 0;
    for (let j = 0; j < n; j++) vn += v[j]! * v[j]!;
    vn = Math.sqrt(vn);
    if (!(vn > 0) || !Number.isFinite(vn)) {
      // restart from a generic vector (a zero product has norm 0)
      for (let j = 0; j < n; j++) v[j] = 1 + 0.1 * Math.sin(1 + 7 * j);
      if (it > 0) return vn === 0 ? 0 : NaN;
      continue;
    }
    for (let j = 0; j < n; j++) v[j]! /= vn;
    let un = 0;
    for (let i = 0; i < n; i++) {
      let s = 0;
      const row = (r0 + i) * S + c0;
      for (let j = 0; j < n; j++) s += P[row + j]! * v[j]!;
      u[i] = s;
      un += s * s;
    }
    const next = Math.sqrt(un);
    if (next === 0) return 0;
    if (!Number.isFinite(next)) return next;
    // v ← Bᵀu
    v.fill(0);
    for (let i = 0; i < n; i++) {
      const ui = u[i]!;
      const row = (r0 + i) * S + c0;
      for (let j = 0; j < n; j++) v[j]! += P[row + j]! * ui;
    }
    if (Math.abs(next - sigma) <= 1e-12 * next) return next;
    sigma = next;
  }
  return sigma;
}

export interface FlowNorms {
  /** ‖∂h_T/∂h_k‖₂, k = 0…T. */
  readonly h: Float64Array;
  /** ‖∂c_T/∂c_k‖₂ (LSTM), else null. */
  readonly c: Float64Array | null;
  /** One-step Jacobians: J[k − 1] = ∂s_k/∂s_{k−1}, S×S, k = 1…T. */
  readonly J: Float64Array[];
  readonly S: number;
}

/** The products ∂s_T/∂s_k from k = T (identity) down to 0, P ← P·J_{k+1}, and their norms. */
export function flowNorms(m: Model, fwd: StackForward, x: Float64Array): FlowNorms {
  const T = fwd.T;
  const H = m.config.hiddenSize;
  const I = m.config.inputSize;
  const hasC = m.cell.hasCellState;
  const S = hasC ? 2 * H : H;
  const J: Float64Array[] = [];
  for (let t = 0; t < T; t++) {
    const input: LayerInput = { kind: 'dense', x, off: t * I };
    J.push(stepJacobian(m, fwd, input, 0, t, 0));
  }
  const h = new Float64Array(T + 1);
  const c = hasC ? new Float64Array(T + 1) : null;
  const vh = new Float64Array(H).map((_, j) => 1 + 0.1 * Math.sin(1 + 7 * j));
  const vc = Float64Array.from(vh);
  let P: Float64Array = new Float64Array(S * S);
  for (let i = 0; i < S; i++) P[i * S + i] = 1;
  for (let k = T; k >= 0; k--) {
    if (k < T) P = matmulSquare(P, J[k]!, S); // ∂s_T/∂s_k = ∂s_T/∂s_{k+1} · J_{k+1}
    h[k] = blockNorm(P, S, 0, 0, H, vh);
    if (c) c[k] = blockNorm(P, S, H, H, H, vc);
  }
  return { h, c, J, S };
}

/** max_j ∏_{i=k+1}^{T} gate_{i,j} for k = 0…T: the norm of the diagonal carousel product. */
function gateProduct(m: Model, fwd: StackForward, gate: 'f' | 'z'): Float64Array {
  const H = m.config.hiddenSize;
  const T = fwd.T;
  const out = new Float64Array(T + 1);
  const prod = new Float64Array(H).fill(1);
  out[T] = 1;
  for (let k = T - 1; k >= 0; k--) {
    const g = m.cell.named(fwd.caches[0]![k]!, H, 0)[gate]!; // gate of math step k + 1
    let mx = 0;
    for (let j = 0; j < H; j++) mx = Math.max(mx, (prod[j]! *= g[j]!));
    out[k] = mx;
  }
  return out;
}

/**
 * ‖u_tᵀ ∂h_t/∂h_k‖ for a random unit probe u_t per sampled row t: the gradient that a loss
 * ℓ_t = u_t·h_t sends back to h_k, an estimate of ‖∂h_t/∂h_k‖₂ from below (exact when all singular
 * values of the product are equal). Vector–Jacobian products with the stored J: O(rows·T·S²).
 * `reach(t)`: first state the backward pass from t may reach (truncated BPTT); before it, exact 0.
 */
export function jacobianMap(
  J: readonly Float64Array[],
  S: number,
  H: number,
  T: number,
  seed: number,
  reach: (t: number) => number = () => 0,
): { rows: Int32Array; values: Float64Array } {
  const stride = Math.max(1, Math.ceil(T / HEATMAP_MAX_ROWS));
  const rowList: number[] = [];
  for (let t = T; t >= 1; t -= stride) rowList.push(t);
  rowList.reverse();
  const rows = Int32Array.from(rowList);
  const values = new Float64Array(rows.length * (T + 1)).fill(NaN);
  const rng = createRng(seed * 31 + 5);
  let v = new Float64Array(S);
  let w = new Float64Array(S);
  rows.forEach((t, r) => {
    v.fill(0);
    let n = 0;
    for (let j = 0; j < H; j++) n += (v[j] = rng.normal()) ** 2;
    n = Math.sqrt(n);
    for (let j = 0; j < H; j++) v[j]! /= n;
    const base = r * (T + 1);
    const stop = reach(t);
    for (let k = t; k >= 0; k--) {
      if (k < stop) {
        values[base + k] = 0; // truncated: the backward pass never reaches h_k
        continue;
      }
      let hn = 0;
      for (let j = 0; j < H; j++) hn += v[j]! * v[j]!;
      values[base + k] = Math.sqrt(hn);
      if (k === 0) break;
      // vᵀ ← vᵀ J_k
      const Jk = J[k - 1]!;
      w.fill(0);
      for (let i = 0; i < S; i++) {
        const vi = v[i]!;
        if (vi === 0) continue;
        const off = i * S;
        for (let j = 0; j < S; j++) w[j]! += vi * Jk[off + j]!;
      }
      [v, w] = [w, v];
    }
  });
  return { rows, values };
}

function spectrumOf(M: Float64Array, n: number) {
  const eigen = eigenvalues(M, n);
  const sv = singularValues(M, n, n);
  return { eigen, radius: spectralRadius(eigen), max: sv[0] ?? 0, min: sv[n - 1] ?? 0 };
}

const powers = (base: number, T: number): Float64Array =>
  Float64Array.from({ length: T + 1 }, (_, k) => base ** (T - k));

// ---- the experiments -----------------------------------------------------------------------

/** Runs the experiment a parameter set describes. Pure and deterministic (seeded). */
export function runGradientExperiment(raw: GradientParams): GradientResult {
  const p = sanitizeParams(raw);
  switch (p.preset) {
    case 'cells':
    case 'carousel':
      return cellsExperiment(p);
    case 'clip':
      return rnnExperiment(p, 'regression');
    case 'truncation':
      return rnnExperiment(p, 'char');
    default:
      return rnnExperiment(p, 'regression');
  }
}

function rnnExperiment(p: GradientParams, head: ModelConfig['head']): GradientResult {
  const { T, H } = p;
  const m = buildRnn(p, head, head === 'char' ? 2 : 1);
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
    identities.push({ label: `‖W^T‖ for T = ${T}`, expected: expected[0]!, measured: flow.h[0]! });
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
      label: 'ρ(W)^{T−k}',
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
    identities.push({ label: 'cos(ĝ, g) with norm clipping', expected: 1, measured: cosine });
    identities.push({
      label: '‖ĝ‖ = min(‖g‖, θ)',
      expected: Math.min(report.normBefore, p.clip),
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

/** E4: RNN, LSTM and GRU side by side on the same input, each at PyTorch's default init. */
function cellsExperiment(p: GradientParams): GradientResult {
  const { T, H } = p;
  const x = experimentInput(p);
  const series: FlowSeries[] = [];
  const identities: IdentityCheck[] = [];
  const exactGates = p.preset === 'carousel' && p.inputScale === 0;
  let detail: { m: Model; flow: FlowNorms } | null = null;
  for (const cell of FLOW_CELLS) {
    const m = buildCell(p, cell);
    const fwd = runForward(m, x, T);
    const flow = flowNorms(m, fwd, x);
    if (cell === p.cell) detail = { m, flow };
    if (cell === 'rnn') {
      series.push({
        id: 'rnn',
        label: 'RNN ‖∂h_T/∂h_k‖',
        values: flow.h,
        style: 'main',
        expected: null,
      });
    } else if (cell === 'lstm') {
      const expected = exactGates ? powers(sigmoid(p.bf), T) : null;
      series.push({
        id: 'lstm-h',
        label: 'LSTM ‖∂h_T/∂h_k‖',
        values: flow.h,
        style: 'main',
        expected: null,
      });
      series.push({
        id: 'lstm-c',
        label: 'LSTM ‖∂c_T/∂c_k‖',
        values: flow.c!,
        style: 'cell',
        expected,
      });
      series.push({
        id: 'lstm-f',
        label: 'LSTM max ∏ f',
        values: gateProduct(m, fwd, 'f'),
        style: 'gate',
        expected: null,
      });
      if (expected)
        identities.push({
          label: `σ(b_f)^T = σ(${p.bf})^${T}`,
          expected: expected[0]!,
          measured: flow.c![0]!,
        });
    } else {
      const expected = exactGates ? powers(sigmoid(p.bz), T) : null;
      series.push({
        id: 'gru-h',
        label: 'GRU ‖∂h_T/∂h_k‖',
        values: flow.h,
        style: 'main',
        expected,
      });
      series.push({
        id: 'gru-z',
        label: 'GRU max ∏ z',
        values: gateProduct(m, fwd, 'z'),
        style: 'gate',
        expected: null,
      });
      if (expected)
        identities.push({
          label: `σ(b_z)^T = σ(${p.bz})^${T}`,
          expected: expected[0]!,
          measured: flow.h[0]!,
        });
    }
  }
  const { m, flow } = detail!;
  const isRnn = m.config.cell === 'rnn';
  // RNN: the spectrum of W_hh. Gated cells: that of the last one-step Jacobian, the matrix the
  // gradient is actually multiplied by (W_hh alone does not tell the whole story).
  const M = isRnn ? m.layers[0]!.Whh : (flow.J[T - 1] ?? new Float64Array(flow.S * flow.S));
  const spec = spectrumOf(M, isRnn ? H : flow.S);
  const whhSigma = isRnn
    ? spec.max
    : (singularValues(m.layers[0]!.Whh, m.layers[0]!.Whh.length / H, H)[0] ?? 0);
  return {
    params: p,
    T,
    H,
    series,
    bound: isRnn ? powers(spec.max, T) : null,
    gamma: isRnn ? 1 : null,
    matrixLabel: isRnn ? 'W_hh' : 'J_T',
    matrixSize: isRnn ? H : flow.S,
    eigen: spec.eigen,
    spectralRadius: spec.radius,
    sigmaMax: spec.max,
    sigmaMin: spec.min,
    sigmaMaxWhh: whhSigma,
    heatmap: jacobianMap(flow.J, flow.S, H, T, p.seed),
    clip: null,
    truncation: null,
    identities,
  };
}

/** Every buffer of a result, to transfer rather than copy. */
export function resultBuffers(r: GradientResult): ArrayBufferLike[] {
  const set = new Set<ArrayBufferLike>();
  for (const s of r.series) {
    set.add(s.values.buffer);
    if (s.expected) set.add(s.expected.buffer);
  }
  if (r.bound) set.add(r.bound.buffer);
  set.add(r.eigen.re.buffer);
  set.add(r.eigen.im.buffer);
  set.add(r.heatmap.rows.buffer);
  set.add(r.heatmap.values.buffer);
  if (r.clip) {
    set.add(r.clip.before.buffer);
    set.add(r.clip.after.buffer);
  }
  return [...set];
}
