// How a figure from theory is compared with the engine's: equal up to a relative tolerance (the
// rounding of a long product of floats), or both outside the range of a double, where no double
// can hold the value and "differ" would blame the engine for the number format.

/** The smallest normal double, 2⁻¹⁰²² ≈ 2.2e-308; below it precision is lost, then everything is 0. */
export const SMALLEST_DOUBLE = 2.2250738585072014e-308;

/** Relative tolerance of compareFigures: far above rounding (≈ T·2⁻⁵³), far below any real gap. */
export const FIGURE_RTOL = 1e-9;

export type FigureComparison = 'equal' | 'differ' | 'below range' | 'above range';

/**
 * Compares theory's `expected` with the engine's `measured`: 'equal' when
 * |measured − expected| ≤ rtol·max(|expected|, |measured|); 'below range' when theory is below the
 * smallest normal double (the engine can at best return a subnormal or 0); 'above range' when it
 * overflows; otherwise 'differ'.
 */
export function compareFigures(
  expected: number,
  measured: number,
  rtol = FIGURE_RTOL,
): FigureComparison {
  if (Number.isNaN(expected) || Number.isNaN(measured)) return 'differ';
  const a = Math.abs(expected);
  const b = Math.abs(measured);
  if (!Number.isFinite(a)) return !Number.isFinite(b) && a === b ? 'above range' : 'differ';
  if (a > 0 && a < SMALLEST_DOUBLE && b < SMALLEST_DOUBLE) return 'below range';
  if (expected === measured) return 'equal';
  return Math.abs(measured - expected) <= rtol * Math.max(a, b) ? 'equal' : 'differ';
}
