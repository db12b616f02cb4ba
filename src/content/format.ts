// How the app writes numbers: the one module every view, chart and equation formats them with
// (content, so that viz, panels and the store may all import it). Trace values have a fixed
// number of decimals, so tests can compare what is shown with the engine's trace; quantities
// that span many decades (gradient norms, parameters) keep significant digits instead.

/** Decimals of every trace value the views show (gates, states, logits, losses). */
const DECIMALS = 3;

/** A trace value as the view shows it: fixed 3 decimals, ASCII minus ("-0.250"), "–" for none. */
export function formatValue(v: number | undefined): string {
  if (v === undefined || Number.isNaN(v)) return '–';
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '-∞';
  // Avoid "-0.000": a value that rounds to zero is shown without a sign.
  const s = Math.abs(v) >= 1e4 ? v.toExponential(2) : v.toFixed(DECIMALS);
  return /^-0\.0+$/.test(s) ? s.slice(1) : s;
}

/** A probability as a number: 3 decimals, or 3 significant digits below 0.001 ("4.12e-4"). */
export function formatProbability(p: number | undefined): string {
  if (p === undefined || Number.isNaN(p)) return '–';
  return p > 0 && p < 0.001 ? p.toExponential(2) : formatValue(p);
}

/**
 * A probability as a percentage with one decimal: 0.4137 → "41.4 %"; in Chinese (`locale`
 * zh…) without the space, as Chinese text writes it: "41.4%".
 */
export function formatPercent(p: number | undefined, locale?: string): string {
  if (p === undefined || Number.isNaN(p)) return '–';
  const space = locale?.startsWith('zh') === true ? '' : ' ';
  return `${(p * 100).toFixed(1)}${space}%`;
}

/** A number with a few significant digits (1.05, 0.0123, 1.23e+6); "—" for NaN. */
export function formatSignificant(v: number, digits = 4): string {
  if (Number.isNaN(v)) return '—';
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '−∞';
  if (v === 0) return '0';
  const a = Math.abs(v);
  return a >= 1e-3 && a < 1e5 ? String(Number(v.toPrecision(digits))) : v.toExponential(digits - 1);
}

/** A norm as the tables show it: 4 significant digits in e-notation (5.154e-3), 0 as "0". */
export function formatNorm(v: number): string {
  if (Number.isNaN(v)) return '—';
  if (v === 0) return '0';
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '−∞';
  return v.toExponential(3);
}

/** A power of ten for an axis tick: 10⁻⁶ as "1e-6". */
export function formatDecade(e: number): string {
  return e === 0 ? '1' : `1e${e}`;
}

// Intl formatters are costly to create (a fraction of a millisecond each, several times a
// second while training), so each one is made once and reused. They are immutable.
const COUNT_FORMATS = [0, 1, 2, 3].map(
  (digits) =>
    new Intl.NumberFormat('en-US', {
      maximumFractionDigits: digits,
      minimumFractionDigits: digits,
    }),
);
const TIME_FORMAT = new Intl.DateTimeFormat('en-GB', {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** A count or rate with thousands separators and a fixed number of decimals (0…3): "1,131". */
export function formatCount(v: number, digits: 0 | 1 | 2 | 3 = 0): string {
  return COUNT_FORMATS[digits]!.format(v);
}

/** A time of day as "21:05:09". */
export function formatClock(ms: number): string {
  return TIME_FORMAT.format(new Date(ms));
}
