// The `gradients` slice: what the Gradient flow view shows — the experiment's parameters (in the
// URL, keys prefixed `g` so they never collide with another view's), the latest figures the
// engine sent back, and whether a computation is under way.
import * as v from 'valibot';
import { initialRace, type RaceState } from './race';
import { real, whole } from './urlValues';
import { urlSlice } from './urlSlice';
import {
  CLIP_MODES,
  DEFAULT_PARAMS,
  FLOW_CELLS,
  FLOW_NONLINEARITIES,
  GRADIENT_PRESETS,
  PARAM_LIMITS,
  PRESET_PARAMS,
  presetParams,
  sanitizeParams,
  type GradientParams,
  type GradientResult,
} from '../engine/experiments';

export interface GradientsState {
  params: GradientParams;
  /** The figures for the latest parameters that came back (null before the first). */
  result: GradientResult | null;
  /** How long the worker took for `result`, in milliseconds. */
  ms: number | null;
  /** A request is in flight. */
  computing: boolean;
  error: string | null;
  /** The race of a plain RNN against an LSTM at the end of the view (not in the URL). */
  race: RaceState;
}

export function initialGradients(): GradientsState {
  return {
    params: presetParams(DEFAULT_PARAMS.preset),
    result: null,
    ms: null,
    computing: false,
    error: null,
    race: initialRace(),
  };
}

const L = PARAM_LIMITS;

/** URL keys of the gradients view (valibot entries, merged into the one URL schema). */
export const GRADIENTS_PARAMS = {
  gp: v.optional(v.picklist(GRADIENT_PRESETS)),
  gT: whole(L.T.min, L.T.max),
  gH: whole(L.H.min, L.H.max),
  gs: real(L.s.min, L.s.max),
  gg: real(L.g.min, L.g.max),
  gn: v.optional(v.picklist(FLOW_NONLINEARITIES)),
  gx: real(L.inputScale.min, L.inputScale.max),
  gbf: real(L.bf.min, L.bf.max),
  gbz: real(L.bz.min, L.bz.max),
  gc: v.optional(v.picklist(FLOW_CELLS)),
  gcm: v.optional(v.picklist(CLIP_MODES)),
  gct: real(L.clip.min, L.clip.max),
  gl: real(L.lambda.min, L.lambda.max),
  ga: real(L.alpha.min, L.alpha.max),
  gk: whole(L.trunc.min, L.trunc.max),
  gd: whole(L.delay.min, L.delay.max),
  gseed: whole(L.seed.min, L.seed.max),
} satisfies v.ObjectEntries;

export type GradientsParams = {
  [K in keyof typeof GRADIENTS_PARAMS]?: v.InferOutput<(typeof GRADIENTS_PARAMS)[K]>;
};

/** Which URL key holds which parameter. */
const URL_KEY: Record<Exclude<keyof GradientParams, 'preset'>, keyof GradientsParams> = {
  T: 'gT',
  H: 'gH',
  s: 'gs',
  g: 'gg',
  nonlinearity: 'gn',
  inputScale: 'gx',
  bf: 'gbf',
  bz: 'gbz',
  cell: 'gc',
  clipMode: 'gcm',
  clip: 'gct',
  lambda: 'gl',
  alpha: 'ga',
  trunc: 'gk',
  delay: 'gd',
  seed: 'gseed',
};

/**
 * The slice an address describes: the preset's defaults, overridden by every key present. Keys
 * the preset does not read are ignored. Always returns the parameters, so a link with no `g`
 * keys resets the view to its default experiment.
 */
export function gradientsFromParams(params: GradientsParams): Partial<GradientsState> {
  const preset = params.gp ?? DEFAULT_PARAMS.preset;
  const out: Record<string, unknown> = { ...presetParams(preset) };
  for (const key of PRESET_PARAMS[preset]) {
    if (key === 'preset') continue;
    const value = params[URL_KEY[key]];
    if (value !== undefined) out[key] = value;
  }
  return { params: sanitizeParams(out as unknown as GradientParams) };
}

/**
 * The URL keys for the slice: the preset (unless it is the default one) and every parameter the
 * preset reads whose value differs from the preset's default, so a link reproduces the experiment
 * and the plain view stays `#/gradients`.
 */
export function paramsFromGradients(state: Pick<GradientsState, 'params'>): GradientsParams {
  const p = state.params;
  const defaults = presetParams(p.preset);
  const out: Record<string, unknown> = {};
  if (p.preset !== DEFAULT_PARAMS.preset) out['gp'] = p.preset;
  for (const key of PRESET_PARAMS[p.preset]) {
    if (key === 'preset' || p[key] === defaults[key]) continue;
    out[URL_KEY[key]] = p[key];
  }
  return out as GradientsParams;
}

/** The Gradient flow view's place in the address bar. */
export const GRADIENTS_SLICE = urlSlice({
  initial: initialGradients,
  params: GRADIENTS_PARAMS,
  fromParams: gradientsFromParams,
  toParams: paramsFromGradients,
});
