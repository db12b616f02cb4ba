// Quantiles as numpy's default ("linear"): interpolated between the order statistics around q·(n − 1).
import { describe, expect, it } from 'vitest';
import { quantile, quantiles } from '../../src/engine/quantile.ts';

describe('quantile', () => {
  it('interpolates between order statistics, whatever the input order', () => {
    const v = [4, 1, 3, 2];
    // numpy.quantile([1, 2, 3, 4], [0.1, 0.5, 0.9]) = [1.3, 2.5, 3.7]
    const [a, b, c] = quantiles(v, [0.1, 0.5, 0.9]);
    expect(a).toBeCloseTo(1.3, 12);
    expect(b).toBeCloseTo(2.5, 12);
    expect(c).toBeCloseTo(3.7, 12);
    expect(v).toEqual([4, 1, 3, 2]);
    expect(quantile([5, 1, 3], 0.5)).toBe(3);
    expect(quantile([5, 1, 3], 0)).toBe(1);
    expect(quantile([5, 1, 3], 1)).toBe(5);
  });

  it('of one value or equal values is that value; of none, NaN; q outside [0, 1] is refused', () => {
    expect(quantile([7], 0.9)).toBe(7);
    expect(quantiles([2, 2, 2], [0.1, 0.9])).toEqual([2, 2]);
    expect(quantile([], 0.5)).toBeNaN();
    expect(() => quantile([1, 2], 1.5)).toThrow(/between 0 and 1/);
    expect(() => quantile([1, 2], Number.NaN)).toThrow(/between 0 and 1/);
  });
});
