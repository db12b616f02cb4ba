import { describe, expect, it } from 'vitest';
import { clipGradNorm, clipGradValue, globalNorm } from '../../src/engine/clip.ts';

// The E5 example of docs/equations.md §6: g = (10, 0.5, −0.2), here split over two tensors.
const make = () => [Float64Array.from([10, 0.5]), Float64Array.from([-0.2])];
const flat = (gs: Float64Array[]) => gs.flatMap((g) => Array.from(g));

function cosine(a: number[], b: number[]): number {
  let ab = 0;
  let aa = 0;
  let bb = 0;
  a.forEach((x, i) => {
    ab += x * b[i]!;
    aa += x * x;
    bb += b[i]! * b[i]!;
  });
  return ab / Math.sqrt(aa * bb);
}

describe('globalNorm', () => {
  it('is the L2 norm over all tensors together', () => {
    expect(globalNorm([Float64Array.from([3]), Float64Array.from([0, 4])])).toBe(5);
    expect(globalNorm(make())).toBeCloseTo(Math.sqrt(100.29), 14);
    expect(globalNorm([])).toBe(0);
  });
});

describe('clipGradNorm', () => {
  it('scales every tensor by maxNorm/(total + 1e-6), keeping the direction', () => {
    const gs = make();
    const before = flat(gs);
    const total = Math.sqrt(100.29);
    const r = clipGradNorm(gs, 5);
    expect(r.clipped).toBe(true);
    expect(r.normBefore).toBeCloseTo(total, 13);
    const coef = 5 / (total + 1e-6);
    expect(Math.abs(r.normAfter - (total * 5) / (total + 1e-6))).toBeLessThan(1e-12);
    // The 1e-6 leaves the result just below maxNorm, as in PyTorch.
    expect(r.normAfter).toBeLessThan(5);
    expect(5 - r.normAfter).toBeCloseTo((5 * 1e-6) / (total + 1e-6), 15);
    expect(Math.abs(globalNorm(gs) - r.normAfter)).toBeLessThan(1e-12);
    flat(gs).forEach((x, i) => expect(x).toBeCloseTo(before[i]! * coef, 14));
    expect(cosine(flat(gs), before)).toBeCloseTo(1, 14);
  });

  it('clips a norm exactly at the threshold (coefficient 5/(5 + 1e-6) < 1)', () => {
    const gs = [Float64Array.from([3, 4])];
    const r = clipGradNorm(gs, 5);
    expect(r.clipped).toBe(true);
    expect(r.normAfter).toBeCloseTo(25 / (5 + 1e-6), 14);
  });

  it('leaves gradients bit-identical below the threshold', () => {
    const gs = make();
    const before = flat(gs);
    const r = clipGradNorm(gs, 11);
    expect(r).toEqual({ normBefore: globalNorm(gs), normAfter: globalNorm(gs), clipped: false });
    expect(flat(gs)).toEqual(before);
  });

  it('reports a non-finite norm and leaves the gradients untouched', () => {
    const gs = [Float64Array.from([1, Number.NaN]), Float64Array.from([2])];
    const r = clipGradNorm(gs, 1);
    expect(r.normBefore).toBeNaN();
    expect(r.clipped).toBe(false);
    expect(Array.from(gs[0]!)).toEqual([1, Number.NaN]);
    expect(Array.from(gs[1]!)).toEqual([2]);

    const inf = [Float64Array.from([Number.POSITIVE_INFINITY, 3])];
    const ri = clipGradNorm(inf, 1);
    expect(ri.normBefore).toBe(Number.POSITIVE_INFINITY);
    expect(ri.clipped).toBe(false);
    expect(Array.from(inf[0]!)).toEqual([Number.POSITIVE_INFINITY, 3]);
  });

  it('rejects thresholds that are not > 0', () => {
    for (const bad of [0, -1, Number.NaN]) {
      expect(() => clipGradNorm(make(), bad)).toThrow(/maximum gradient norm/);
    }
  });
});

describe('clipGradValue', () => {
  it('clamps each element to [−v, v], which changes the direction', () => {
    const gs = make();
    const before = flat(gs);
    const r = clipGradValue(gs, 1);
    expect(flat(gs)).toEqual([1, 0.5, -0.2]);
    expect(r.clipped).toBe(true);
    expect(r.normBefore).toBeCloseTo(Math.sqrt(100.29), 13);
    expect(r.normAfter).toBeCloseTo(Math.sqrt(1.29), 14);
    // docs/equations.md §6 E5: cos = 0.9047.
    expect(cosine(flat(gs), before)).toBeCloseTo(10.29 / Math.sqrt(100.29 * 1.29), 14);
    expect(cosine(flat(gs), before)).toBeCloseTo(0.9047, 4);
  });

  it('clamps negative values too', () => {
    const gs = [Float64Array.from([-7, 0.5])];
    expect(clipGradValue(gs, 5).clipped).toBe(true);
    expect(Array.from(gs[0]!)).toEqual([-5, 0.5]);
  });

  it('changes nothing when every element is within range', () => {
    const gs = make();
    const before = flat(gs);
    const r = clipGradValue(gs, 10);
    expect(r.clipped).toBe(false);
    expect(r.normAfter).toBe(r.normBefore);
    expect(flat(gs)).toEqual(before);
  });

  it('rejects thresholds that are not > 0', () => {
    for (const bad of [0, -5, Number.NaN]) {
      expect(() => clipGradValue(make(), bad)).toThrow(/clip value/);
    }
  });
});
