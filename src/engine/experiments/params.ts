// Parameters of the gradient-flow experiments (docs/equations.md §5–§6, E1–E7): the presets, the
// controls each one reads, their defaults and ranges. W_hh = s·Q (scale), W_hh ~ N(0, g²/H) (gain),
// W = blockdiag([[λ, α], [0, λ]]) (non-normal); sanitizeParams checks and clamps a parameter set.

import type { CellKind, Nonlinearity } from '../cell.ts';

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
