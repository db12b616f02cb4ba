import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/engine/rng.ts';
import type { Rng } from '../../src/engine/rng.ts';
import { argmax, sampleIndex, softmaxInto } from '../../src/engine/sample.ts';

const logits = Float64Array.from([1, 2, 0.5, 3, -1]);

/** An Rng whose next() returns the given values in turn, counting calls. */
function fixedRng(values: number[]): Rng & { calls: number } {
  const rng = {
    calls: 0,
    next() {
      return values[rng.calls++ % values.length]!;
    },
    uniform: () => 0,
    normal: () => 0,
    int: () => 0,
  };
  return rng;
}

function softmax(ys: number[], tau = 1): number[] {
  const e = ys.map((y) => Math.exp(y / tau));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / s);
}

describe('softmaxInto', () => {
  it('computes softmax(y/τ) of a slice into out', () => {
    const out = new Float64Array(3);
    softmaxInto(Float64Array.from([9, 9, 1, 2, 3]), 2, 3, out);
    const s = Math.E + Math.E ** 2 + Math.E ** 3;
    expect(out[0]).toBeCloseTo(Math.E / s, 15);
    expect(out[2]).toBeCloseTo(Math.E ** 3 / s, 15);
    softmaxInto(Float64Array.from([1, 2, 3]), 0, 3, out, 2);
    softmax([1, 2, 3], 2).forEach((p, i) => expect(out[i]).toBeCloseTo(p, 15));
    const wide = new Float64Array(5).fill(-1);
    softmaxInto(Float64Array.from([0, 0]), 0, 2, wide, 1, 3);
    expect(Array.from(wide)).toEqual([-1, -1, -1, 0.5, 0.5]);
  });

  it('is stable for large logits', () => {
    const out = new Float64Array(3);
    softmaxInto(Float64Array.from([1000, 1001, 1002]), 0, 3, out);
    softmax([0, 1, 2]).forEach((p, i) => expect(out[i]).toBeCloseTo(p, 14));
    softmaxInto(Float64Array.from([-1000, -1001, -1002]), 0, 3, out);
    softmax([0, -1, -2]).forEach((p, i) => expect(out[i]).toBeCloseTo(p, 14));
  });

  it('rejects a temperature that is not a finite number > 0', () => {
    for (const bad of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => softmaxInto(logits, 0, 5, new Float64Array(5), bad)).toThrow(/temperature/);
    }
  });
});

describe('sampleIndex', () => {
  it('greedy takes the argmax, the lowest index on ties, and uses no randomness', () => {
    const rng = fixedRng([0.5]);
    expect(sampleIndex(logits, 0, 5, { greedy: true }, rng)).toBe(3);
    expect(sampleIndex(Float64Array.from([0, 2, 1, 2]), 0, 4, { greedy: true }, rng)).toBe(1);
    expect(sampleIndex(Float64Array.from([7, 0, 2, 1]), 1, 3, { greedy: true }, rng)).toBe(1);
    expect(argmax(Float64Array.from([-Infinity, -5, -5]), 0, 3)).toBe(1);
    expect(rng.calls).toBe(0);
  });

  it('draws by inverse CDF with exactly one rng.next() per sample', () => {
    // p = (0.5, 0.25, 0.25): [0, 0.5) → 0, [0.5, 0.75) → 1, [0.75, 1) → 2.
    const ys = Float64Array.from([Math.log(2), 0, 0]);
    const us = [0, 0.49, 0.5, 0.74, 0.76, 0.999999];
    const rng = fixedRng(us);
    const got = us.map(() => sampleIndex(ys, 0, 3, {}, rng));
    expect(got).toEqual([0, 0, 1, 1, 2, 2]);
    expect(rng.calls).toBe(us.length);
  });

  it('matches softmax probabilities over 20,000 draws', () => {
    const scratch = new Float64Array(5);
    for (const temperature of [1, 0.7, 2]) {
      const rng = createRng(1234);
      const counts = new Array<number>(5).fill(0);
      const draws = 20_000;
      for (let k = 0; k < draws; k++) {
        counts[sampleIndex(logits, 0, 5, { temperature }, rng, scratch)]!++;
      }
      const p = softmax(Array.from(logits), temperature);
      counts.forEach((c, i) => expect(Math.abs(c / draws - p[i]!)).toBeLessThan(0.01));
    }
  });

  it('top-k keeps only the k largest logits, renormalised', () => {
    const rng = createRng(7);
    const counts = new Array<number>(5).fill(0);
    const draws = 20_000;
    for (let k = 0; k < draws; k++) counts[sampleIndex(logits, 0, 5, { topK: 2 }, rng)]!++;
    expect([counts[0], counts[2], counts[4]]).toEqual([0, 0, 0]);
    const p = softmax([2, 3]);
    expect(Math.abs(counts[1]! / draws - p[0]!)).toBeLessThan(0.01);
    expect(Math.abs(counts[3]! / draws - p[1]!)).toBeLessThan(0.01);
    // k ≥ n changes nothing.
    const a = createRng(3);
    const b = createRng(3);
    for (let k = 0; k < 100; k++) {
      expect(sampleIndex(logits, 0, 5, { topK: 5 }, a)).toBe(sampleIndex(logits, 0, 5, {}, b));
    }
  });

  it('top-1 and temperature → 0 behave like greedy', () => {
    const rng = createRng(99);
    for (let k = 0; k < 1000; k++) {
      expect(sampleIndex(logits, 0, 5, { topK: 1 }, rng)).toBe(3);
      expect(sampleIndex(logits, 0, 5, { temperature: 1e-3 }, rng)).toBe(3);
    }
  });

  it('gives the same sequence for the same seed', () => {
    const seq = (seed: number) => {
      const rng = createRng(seed);
      return Array.from({ length: 200 }, () => sampleIndex(logits, 0, 5, {}, rng));
    };
    expect(seq(42)).toEqual(seq(42));
    expect(seq(42)).not.toEqual(seq(43));
  });

  it('rejects bad options and diverged logits', () => {
    const rng = createRng(1);
    for (const temperature of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => sampleIndex(logits, 0, 5, { temperature }, rng)).toThrow(/temperature/);
    }
    for (const topK of [0, -2, 1.5, Number.NaN]) {
      expect(() => sampleIndex(logits, 0, 5, { topK }, rng)).toThrow(/top-k/);
    }
    expect(() => sampleIndex(Float64Array.from([0, Number.NaN]), 0, 2, {}, rng)).toThrow(
      /diverged/,
    );
    expect(() =>
      sampleIndex(Float64Array.from([0, Number.POSITIVE_INFINITY]), 0, 2, { greedy: true }, rng),
    ).toThrow(/diverged/);
    expect(() => sampleIndex(Float64Array.from([-Infinity]), 0, 1, {}, rng)).toThrow(/-Infinity/);
  });
});
