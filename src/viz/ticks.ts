// Axis ticks for every chart: d3's own tick machinery (scale.ticks, scale.tickFormat), powers
// of ten on log axes, whole numbers only on step axes, and labels that never repeat or overlap
// (fewer ticks are asked for until they fit the axis's length). Pure: no DOM.
import { format } from 'd3-format';
import { scaleLinear, scaleLog } from 'd3-scale';
import { formatDecade } from '../content/format';

export interface Tick {
  readonly value: number;
  readonly label: string;
}

export interface AxisOptions {
  /** The scale's domain (in either order). */
  readonly domain: readonly [number, number];
  /** A log scale: powers of ten when the domain holds two or more. */
  readonly log?: boolean;
  /** A step axis: whole numbers only. */
  readonly whole?: boolean;
  /** Length of the axis in pixels. */
  readonly length: number;
  /** 'x' labels sit side by side (their width counts), 'y' labels are stacked (one line each). */
  readonly orient: 'x' | 'y';
}

/** About how wide a tick label's character is, and how high a line is, in pixels. */
const CHAR_WIDTH = 7;
const LINE_HEIGHT = 14;
const wholeFormat = format(',');

/** The fewest significant digits that write every value exactly (so no two labels repeat). */
function exactLabels(values: readonly number[]): string[] {
  for (let p = 1; p <= 12; p++) {
    const plain = values.every((v) => v === 0 || (Math.abs(v) >= 1e-3 && Math.abs(v) < 1e6));
    const f = format(plain ? `.${p}~r` : `.${p}~e`);
    const labels = values.map((v) => f(v).replace('e+', 'e'));
    const exact = values.every(
      (v, i) => Math.abs(Number(labels[i]) - v) <= 1e-9 * Math.max(Math.abs(v), 1e-300),
    );
    if (exact) return labels;
  }
  return values.map((v) => String(v));
}

function powersOfTen(lo: number, hi: number, n: number, whole: boolean): Tick[] | null {
  const e0 = Math.ceil(Math.log10(lo) - 1e-9);
  const e1 = Math.floor(Math.log10(hi) + 1e-9);
  if (e1 <= e0) return null;
  const step = Math.max(1, Math.ceil((e1 - e0 + 1) / Math.max(1, n)));
  const ticks: Tick[] = [];
  for (let e = Math.ceil(e0 / step) * step; e <= e1; e += step) {
    const value = Number(`1e${e}`);
    ticks.push({ value, label: whole ? wholeFormat(value) : formatDecade(e) });
  }
  return ticks;
}

function candidates(lo: number, hi: number, n: number, o: AxisOptions): Tick[] {
  const whole = o.whole === true;
  if (o.log) {
    const powers = powersOfTen(lo, hi, n, whole);
    if (powers) return powers;
    const values = scaleLog()
      .domain([lo, hi])
      .ticks(n)
      .filter((v) => v >= lo && v <= hi && (!whole || Number.isInteger(v)));
    const labels = whole ? values.map(wholeFormat) : exactLabels(values);
    return values.map((value, i) => ({ value, label: labels[i]! }));
  }
  // A step axis never asks for more ticks than it has whole steps, so d3's step stays ≥ 1.
  const m = whole ? Math.max(1, Math.min(n, Math.floor(hi - lo))) : n;
  const scale = scaleLinear().domain([lo, hi]);
  const values = scale.ticks(m).filter((v) => !whole || Number.isInteger(v));
  const f = scale.tickFormat(m, whole ? ',d' : ',~f');
  return values.map((value) => ({ value, label: f(value) }));
}

/** Whether neighbouring labels have room: `at` is a value's position in pixels. */
function fits(ticks: readonly Tick[], at: (v: number) => number, o: AxisOptions): boolean {
  for (let i = 1; i < ticks.length; i++) {
    const a = ticks[i - 1]!;
    const b = ticks[i]!;
    const need =
      o.orient === 'y' ? LINE_HEIGHT : ((a.label.length + b.label.length) / 2) * CHAR_WIDTH + 8;
    if (Math.abs(at(b.value) - at(a.value)) < need) return false;
  }
  return new Set(ticks.map((t) => t.label)).size === ticks.length;
}

/** Keeps the first tick and every later one with room after the last kept. */
function thinOut(ticks: readonly Tick[], at: (v: number) => number, o: AxisOptions): Tick[] {
  const kept: Tick[] = [];
  for (const t of ticks) {
    const last = kept.at(-1);
    if (!last || fits([last, t], at, o)) kept.push(t);
  }
  return kept;
}

/** The ticks of an axis: values inside the domain, ascending, with distinct labels that fit. */
export function axisTicks(o: AxisOptions): Tick[] {
  const lo = Math.min(o.domain[0], o.domain[1]);
  const hi = Math.max(o.domain[0], o.domain[1]);
  if (!Number.isFinite(lo) || !Number.isFinite(hi) || (o.log && lo <= 0)) return [];
  if (lo === hi) {
    if (o.whole && !Number.isInteger(lo)) return [];
    const e = Math.log10(lo);
    const label =
      o.whole === true
        ? wholeFormat(lo)
        : o.log && Number.isInteger(e)
          ? formatDecade(e)
          : exactLabels([lo])[0]!;
    return [{ value: lo, label }];
  }
  const at = o.log
    ? (v: number) => (Math.log(v / lo) / Math.log(hi / lo)) * o.length
    : (v: number) => ((v - lo) / (hi - lo)) * o.length;
  const most = Math.floor(o.length / (o.orient === 'x' ? 60 : 30));
  let ticks: Tick[] = [];
  for (let n = Math.max(2, Math.min(10, most)); n >= 1; n--) {
    ticks = candidates(lo, hi, n, o);
    if (fits(ticks, at, o)) return ticks;
  }
  return thinOut(ticks, at, o);
}
