// Valibot pieces for URL values that every view's keys use: a whole number or a real number in a
// range, written as text. Anything else fails, and the URL parser drops the key with a notice.
import * as v from 'valibot';

/** An optional whole number in [lo, hi], written in decimal digits. */
export const whole = (lo: number, hi: number) =>
  v.optional(
    v.pipe(
      v.string(),
      v.regex(/^\d{1,9}$/),
      v.transform(Number),
      v.integer(),
      v.minValue(lo),
      v.maxValue(hi),
    ),
  );

/** An optional real number in [lo, hi], in decimal or exponent notation (1e-3). */
export const real = (lo: number, hi: number) =>
  v.optional(
    v.pipe(
      v.string(),
      v.regex(/^-?\d*\.?\d+(e-?\d+)?$/i),
      v.transform(Number),
      v.number(),
      v.minValue(lo),
      v.maxValue(hi),
    ),
  );
