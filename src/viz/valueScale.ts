// The colour scales of the Forward pass charts, shared by heat strips, the unrolled diagram and
// the cell belt so one value always has one colour: gates in [0, 1] on a sequential scale
// (viridis), signed values in [−m, m] on a diverging one (blue negative, red positive).
import { scaleDiverging, scaleSequential } from 'd3-scale';
import { interpolateRdBu, interpolateViridis } from 'd3-scale-chromatic';

export type ValueScale =
  /** A sigmoid gate: values in [0, 1]. */
  | { readonly kind: 'gate' }
  /** A signed value (tanh output, cell state, pre-activation) shown on [−max, max]. */
  | { readonly kind: 'signed'; readonly max: number };

export const GATE_SCALE: ValueScale = { kind: 'gate' };
export const TANH_SCALE: ValueScale = { kind: 'signed', max: 1 };

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
