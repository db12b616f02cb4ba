// The `gradients` slice: what the Gradient flow view shows. Its URL keys live here too, so a shared
// link reproduces the view. (Filled in by the Gradient flow view.)
import type * as v from 'valibot';

export interface GradientsState {
  /** Placeholder until the view lands. */
  ready: boolean;
}

export function initialGradients(): GradientsState {
  return { ready: false };
}

/** URL keys of the gradients view (valibot entries, merged into the one URL schema). */
export const GRADIENTS_PARAMS = {} satisfies v.ObjectEntries;

export type GradientsParams = {
  [K in keyof typeof GRADIENTS_PARAMS]?: v.InferOutput<(typeof GRADIENTS_PARAMS)[K]>;
};

/** The slice an address describes (defaults for missing keys). */
export function gradientsFromParams(_params: GradientsParams): Partial<GradientsState> {
  return {};
}

/** The URL keys for the slice: only values that differ from the defaults. */
export function paramsFromGradients(_state: GradientsState): GradientsParams {
  return {};
}
