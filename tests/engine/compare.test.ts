// The one comparison the Gradient flow view uses for "theory against engine": a relative
// tolerance, and a separate verdict when both figures lie below the range of a double.
import { describe, expect, it } from 'vitest';
import { compareFigures, SMALLEST_DOUBLE } from '../../src/engine/experiments.ts';

describe('compareFigures', () => {
  it('equal within a relative tolerance, whatever the magnitude', () => {
    expect(compareFigures(1e-2, 1e-2 * (1 + 1e-12))).toBe('equal');
    expect(compareFigures(1.8087572283951064e-185, 1.8087572283951e-185)).toBe('equal');
    expect(compareFigures(3e40, 3e40 * (1 - 1e-11))).toBe('equal');
    expect(compareFigures(0, 0)).toBe('equal');
  });
  it('differ beyond it, and when only one side underflowed', () => {
    expect(compareFigures(1e-2, 1.001e-2)).toBe('differ');
    expect(compareFigures(1.8e-185, 0)).toBe('differ');
    expect(compareFigures(1, NaN)).toBe('differ');
    expect(compareFigures(1, 0)).toBe('differ');
  });
  it('"below range" when theory itself is below the smallest normal double', () => {
    expect(SMALLEST_DOUBLE).toBe(2.2250738585072014e-308);
    expect(compareFigures(4e-310, 0)).toBe('below range');
    expect(compareFigures(1e-320, 0)).toBe('below range');
    expect(compareFigures(Infinity, Infinity)).toBe('above range');
  });
});
