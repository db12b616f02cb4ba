// The `forward` slice: what the Forward pass view shows. Its URL keys live here too, so a shared
// link reproduces the view. (Filled in by the Forward pass view.)
import type * as v from 'valibot';

export interface ForwardState {
  /** Placeholder until the view lands. */
  ready: boolean;
}

export function initialForward(): ForwardState {
  return { ready: false };
}

/** URL keys of the forward view (valibot entries, merged into the one URL schema). */
export const FORWARD_PARAMS = {} satisfies v.ObjectEntries;

export type ForwardParams = {
  [K in keyof typeof FORWARD_PARAMS]?: v.InferOutput<(typeof FORWARD_PARAMS)[K]>;
};

/** The slice an address describes (defaults for missing keys). */
export function forwardFromParams(_params: ForwardParams): Partial<ForwardState> {
  return {};
}

/** The URL keys for the slice: only values that differ from the defaults. */
export function paramsFromForward(_state: ForwardState): ForwardParams {
  return {};
}
