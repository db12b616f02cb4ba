// The colour scales of the Forward pass charts, shared by heat strips, the unrolled diagram and
// the cell belt so one value always has one colour: gates in [0, 1] on a sequential scale
// (viridis), signed values in [−m, m] on a diverging one (blue negative, red positive). Each
// quantity has one fixed scale, whatever the model and the text, so two runs compare by eye;
// values beyond an unbounded quantity's scale are clipped to its ends and marked (`clipSide`).
import { scaleDiverging, scaleSequential } from 'd3-scale';
import { interpolateRdBu, interpolateViridis } from 'd3-scale-chromatic';

export type ValueScale =
  /** A sigmoid gate: values in [0, 1]. */
  | { readonly kind: 'gate' }
  /** A signed value (tanh output, cell state, pre-activation) shown on [−max, max]. */
  | { readonly kind: 'signed'; readonly max: number };

export const GATE_SCALE: ValueScale = { kind: 'gate' };
export const TANH_SCALE: ValueScale = { kind: 'signed', max: 1 };

/**
 * The end of the fixed scale of the unbounded signed quantities (the LSTM's cell state c, the
 * RNN's pre-activation a, a ReLU state). tanh(3) = 0.995: beyond ±3 the tanh that reads them is
 * saturated, so the colours spend their range where a change still matters.
 */
export const SIGNED_MAX = 3;
/** The cell state c (and c_{t−1}, what is kept, what is written). */
export const CELL_SCALE: ValueScale = { kind: 'signed', max: SIGNED_MAX };
/** A pre-activation a = W_ih x + W_hh h + b. */
export const PREACTIVATION_SCALE: ValueScale = { kind: 'signed', max: SIGNED_MAX };
/** A ReLU RNN's state h (≥ 0, unbounded). */
export const RELU_SCALE: ValueScale = { kind: 'signed', max: SIGNED_MAX };

/** What a colour stands for: each quantity has one scale, the same for every model and text. */
export type Quantity = 'gate' | 'tanh' | 'cell' | 'preactivation' | 'relu';

const QUANTITY_SCALES: Record<Quantity, ValueScale> = {
  gate: GATE_SCALE,
  tanh: TANH_SCALE,
  cell: CELL_SCALE,
  preactivation: PREACTIVATION_SCALE,
  relu: RELU_SCALE,
};

/** The fixed colour scale of a quantity. */
export function scaleOf(quantity: Quantity): ValueScale {
  return QUANTITY_SCALES[quantity];
}

/** Whether the scale cuts values off: its ends then stand for everything beyond. */
export function clipsValues(scale: ValueScale): boolean {
  return scale.kind === 'signed' && scale.max > 1;
}

/**
 * −1 where v lies below the scale's domain, +1 above it, 0 inside (or not finite). Only a scale
 * that clips (`clipsValues`) reports a side: a gate or a tanh value cannot leave its range, and
 * rounding just past ±1 is not a clip.
 */
export function clipSide(scale: ValueScale, v: number): -1 | 0 | 1 {
  if (!clipsValues(scale) || !Number.isFinite(v)) return 0;
  const [lo, hi] = domainOf(scale);
  return v < lo ? -1 : v > hi ? 1 : 0;
}

/** The units whose value the scale clips, with the side (for the marks drawn on them). */
export function clippedUnits(
  values: ArrayLike<number>,
  scale: ValueScale,
): { unit: number; side: -1 | 1 }[] {
  const out: { unit: number; side: -1 | 1 }[] = [];
  if (!clipsValues(scale)) return out;
  for (let j = 0; j < values.length; j++) {
    const side = clipSide(scale, values[j]!);
    if (side !== 0) out.push({ unit: j, side });
  }
  return out;
}

export function domainOf(scale: ValueScale): [number, number] {
  return scale.kind === 'gate' ? [0, 1] : [-scale.max, scale.max];
}

/** Shades per scale: colours are looked up, not interpolated, in the charts' hot loops. */
export const SHADES = 256;

interface ShadeTable {
  readonly lo: number;
  readonly hi: number;
  /** CSS colours, one per shade. */
  readonly css: readonly string[];
  /** The same as RGBA bytes (for ImageData), SHADES × 4. */
  readonly rgba: Uint8ClampedArray;
}

const tables = new WeakMap<ValueScale, ShadeTable>();

/** The scale's SHADES colours (computed once per scale object). */
export function shadesOf(scale: ValueScale): ShadeTable {
  let table = tables.get(scale);
  if (table !== undefined) return table;
  const [lo, hi] = domainOf(scale);
  const exact =
    scale.kind === 'gate'
      ? scaleSequential(interpolateViridis).domain([0, 1]).clamp(true)
      : scaleDiverging((u: number) => interpolateRdBu(1 - u))
          .domain([lo, 0, hi])
          .clamp(true);
  const css = Array.from({ length: SHADES }, (_, k) => exact(lo + (k / (SHADES - 1)) * (hi - lo)));
  const rgba = new Uint8ClampedArray(SHADES * 4);
  css.forEach((color, k) => {
    // d3's interpolators return "rgb(r, g, b)" (or "#rrggbb" for some schemes).
    const m = /(\d+),\s*(\d+),\s*(\d+)/.exec(color);
    const hex = /^#([0-9a-f]{6})$/i.exec(color);
    const n = hex ? parseInt(hex[1]!, 16) : 0;
    rgba[k * 4] = m ? Number(m[1]) : (n >> 16) & 255;
    rgba[k * 4 + 1] = m ? Number(m[2]) : (n >> 8) & 255;
    rgba[k * 4 + 2] = m ? Number(m[3]) : n & 255;
    rgba[k * 4 + 3] = 255;
  });
  table = { lo, hi, css, rgba };
  tables.set(scale, table);
  return table;
}

/** The shade index of a value (clamped to the domain), or −1 for a value that is not finite. */
export function shadeIndex(table: ShadeTable, v: number): number {
  if (!Number.isFinite(v)) return -1;
  const k = Math.round(((v - table.lo) / (table.hi - table.lo)) * (SHADES - 1));
  return k < 0 ? 0 : k >= SHADES ? SHADES - 1 : k;
}

/** The colour of a value (clamped to the scale's domain), from the scale's shade table. */
export function colorOf(scale: ValueScale): (v: number) => string {
  const table = shadesOf(scale);
  return (v) => {
    const k = shadeIndex(table, v);
    return k < 0 ? 'transparent' : table.css[k]!;
  };
}

/** Evenly spaced gradient stops for a legend. */
export function legendStops(scale: ValueScale, n = 9): { offset: number; color: string }[] {
  const [lo, hi] = domainOf(scale);
  const color = colorOf(scale);
  return Array.from({ length: n }, (_, k) => {
    const u = k / (n - 1);
    return { offset: u, color: color(lo + u * (hi - lo)) };
  });
}
