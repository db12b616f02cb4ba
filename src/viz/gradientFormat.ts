// Number formats shared by the gradient charts and their data tables.

/** A norm as the tables show it: 4 significant digits in e-notation (5.154e-3), 0 as "0". */
export function formatNorm(v: number): string {
  if (Number.isNaN(v)) return '—';
  if (v === 0) return '0';
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '−∞';
  return v.toExponential(3);
}

/** A plain number with a few significant digits (1.05, 0.0123, 1.23e+6). */
export function formatValue(v: number, digits = 4): string {
  if (Number.isNaN(v)) return '—';
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '−∞';
  if (v === 0) return '0';
  const a = Math.abs(v);
  return a >= 1e-3 && a < 1e5 ? String(Number(v.toPrecision(digits))) : v.toExponential(digits - 1);
}

/** A power of ten for an axis tick: 10⁻⁶ as "1e-6". */
export function formatDecade(e: number): string {
  return e === 0 ? '1' : `1e${e}`;
}
