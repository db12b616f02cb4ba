// Unit ranking: features of a text and correlations of activations with them.
import { describe, expect, it } from 'vitest';
import { correlation, rankUnits, textFeatures } from '../../src/engine/neurons.ts';

describe('neuron features', () => {
  it('marks quotes, brackets, line position, after-space and uppercase', () => {
    const f = textFeatures([...'a "b" (c)\nD']);
    expect([...f.quote]).toEqual([0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0]);
    expect([...f.bracket]).toEqual([0, 0, 0, 0, 0, 0, 1, 1, 1, 0, 0]);
    expect([...f.linePos]).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0]);
    expect(f.afterSpace[2]).toBe(1);
    expect(f.upper[10]).toBe(1);
    expect(f.upper[0]).toBe(0);
  });

  it('correlation is ±1 for affine copies and 0 for a constant', () => {
    const f = Float64Array.from([0, 1, 0, 1, 1]);
    expect(
      correlation(
        Float64Array.from(f, (x) => 2 * x - 1),
        f,
      ),
    ).toBeCloseTo(1, 12);
    expect(
      correlation(
        Float64Array.from(f, (x) => -x),
        f,
      ),
    ).toBeCloseTo(-1, 12);
    expect(correlation(new Float64Array(5).fill(3), f)).toBe(0);
  });

  it('ranks a unit that tracks brackets above a noisy one', () => {
    const chars = [...'ab (cd) ef (gh ij) kl'.repeat(5)];
    const feats = textFeatures(chars);
    const H = 2;
    const acts = new Float64Array(chars.length * H);
    for (let t = 0; t < chars.length; t++) {
      acts[t * H] = Math.sin(t * 1.7);
      acts[t * H + 1] = feats.bracket[t]! * 0.8 + 0.01 * Math.cos(t);
    }
    const ranked = rankUnits(acts, H, chars);
    expect(ranked[0]).toMatchObject({ unit: 1, feature: 'bracket' });
    expect(ranked[0]!.r).toBeGreaterThan(0.99);
  });
});
