// Gradient-flow experiments (docs/equations.md §5–§6, E1–E7), public entry: runGradientExperiment
// sends a parameter set to its preset (one RNN, or the three cells), which measures ∂h_T/∂h_k =
// J_T ⋯ J_{k+1}, the Pascanu bound (γ·σ_max(W_hh))^{T−k}, the spectrum, a (t, k) map, clipping
// and truncation. The parts live in experiments/ and everything callers use is re-exported here.

import type { Compute } from './kernels.ts';
import { cellsExperiment } from './experiments/cellsExperiment.ts';
import { sanitizeParams, type GradientParams } from './experiments/params.ts';
import type { GradientResult } from './experiments/results.ts';
import { rnnExperiment } from './experiments/rnnExperiment.ts';

export {
  compareFigures,
  FIGURE_RTOL,
  SMALLEST_DOUBLE,
  type FigureComparison,
} from './experiments/compare.ts';
export {
  CLIP_MODES,
  DEFAULT_PARAMS,
  FLOW_CELLS,
  FLOW_NONLINEARITIES,
  GRADIENT_PRESETS,
  HIDDEN_SIZES,
  MAX_H_CELLS,
  PARAM_LIMITS,
  PRESET_DEFAULTS,
  PRESET_PARAMS,
  presetParams,
  sanitizeParams,
  type ClipMode,
  type GradientParams,
  type GradientPreset,
} from './experiments/params.ts';
export type {
  ClipResult,
  FlowSeries,
  GradientResult,
  IdentityCheck,
  SeriesStyle,
  TruncationResult,
} from './experiments/results.ts';
export {
  buildCell,
  buildRnn,
  experimentInput,
  INPUT_SIZE,
  nonNormalMatrix,
  norm2x2Upper,
} from './experiments/models.ts';
export {
  flowNorms,
  gammaOf,
  HEATMAP_MAX_ROWS,
  jacobianMap,
  type FlowNorms,
} from './experiments/gradientPaths.ts';

/** Runs the experiment a parameter set describes. Pure and deterministic (seeded). */
/** Runs an experiment; `compute` is what its models compute with (plain JS by default). */
export function runGradientExperiment(raw: GradientParams, compute?: Compute): GradientResult {
  const p = sanitizeParams(raw);
  switch (p.preset) {
    case 'cells':
    case 'carousel':
      return cellsExperiment(p, compute);
    case 'clip':
      return rnnExperiment(p, 'linear', compute);
    case 'truncation':
      return rnnExperiment(p, 'softmax', compute);
    default:
      return rnnExperiment(p, 'linear', compute);
  }
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
