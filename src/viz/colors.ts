// The colours of the Training view's chart series, declared once: a quantity keeps its colour in
// every chart, and no two quantities share one (CSS variables, so each theme sets its own shade;
// training.css defines them, each meeting 3:1 against the page in its theme).

export const SERIES_COLORS = {
  /** Training loss (per step and smoothed). */
  loss: 'var(--accent)',
  validation: 'var(--val)',
  /** The raw gradient norm, before clipping cuts it. */
  beforeClipping: 'var(--muted)',
  afterClipping: 'var(--series-clipped)',
} as const;

const LAYERS = [
  'var(--series-layer-0)',
  'var(--series-layer-1)',
  'var(--series-layer-2)',
  'var(--series-layer-3)',
] as const;

/** The colour of layer l's curves (its dL/dh_t and ∂ℓ_T/∂h_t), cycling after four layers. */
export function layerColor(l: number): string {
  return LAYERS[l % LAYERS.length]!;
}
