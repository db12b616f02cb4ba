// Eigenvalues and singular values against matrices whose spectrum is known by hand.
import { describe, expect, it } from 'vitest';
import { randomOrthogonal } from '../../src/engine/init.ts';
import { createRng } from '../../src/engine/rng.ts';
import { eigenvalues, singularValues, spectralRadius } from '../../src/engine/spectrum.ts';

const sorted = (e: { re: Float64Array; im: Float64Array }) =>
  Array.from(e.re, (re, i) => [re, e.im[i]!] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]);

describe('eigenvalues', () => {
  it('a rotation by θ has e^{±iθ}', () => {
    const th = 0.7;
    const e = eigenvalues(
      Float64Array.from([Math.cos(th), -Math.sin(th), Math.sin(th), Math.cos(th)]),
      2,
    );
    const [a, b] = sorted(e);
    expect(a![0]).toBeCloseTo(Math.cos(th), 14);
    expect(b![0]).toBeCloseTo(Math.cos(th), 14);
    expect(a![1]).toBeCloseTo(-Math.sin(th), 14);
    expect(b![1]).toBeCloseTo(Math.sin(th), 14);
  });
  it('a triangular matrix has its diagonal', () => {
    const e = eigenvalues(Float64Array.from([1, 2, 3, 0, 4, 5, 0, 0, -6]), 3);
    expect(sorted(e).map(([re]) => re)).toEqual([-6, 1, 4].map((v) => expect.closeTo(v, 12)));
    expect(Array.from(e.im)).toEqual([0, 0, 0]);
  });
  it('a companion matrix has the roots of its polynomial (x − 1)(x − 2)(x − 3)', () => {
    const e = eigenvalues(Float64Array.from([6, -11, 6, 1, 0, 0, 0, 1, 0]), 3);
    sorted(e).forEach(([re, im], i) => {
      expect(re).toBeCloseTo(i + 1, 10);
      expect(im).toBe(0);
    });
  });
  it.each([0.5, 1, 1.3])('s·Q (Q orthogonal, n = 40) has every |λ| = s (s = %f)', (s) => {
    const n = 40;
    const e = eigenvalues(randomOrthogonal(n, createRng(5), s), n);
    for (let i = 0; i < n; i++) expect(Math.hypot(e.re[i]!, e.im[i]!)).toBeCloseTo(s, 10);
    expect(spectralRadius(e)).toBeCloseTo(s, 10);
  });
  it('the eigenvalues of a random matrix sum to its trace and multiply to its determinant (2×2 blocks)', () => {
    const n = 24;
    const rng = createRng(8);
    const A = new Float64Array(n * n).map(() => rng.normal());
    const e = eigenvalues(A, n);
    let trace = 0;
    for (let i = 0; i < n; i++) trace += A[i * n + i]!;
    expect(e.re.reduce((a, v) => a + v, 0)).toBeCloseTo(trace, 9);
    expect(e.im.reduce((a, v) => a + v, 0)).toBeCloseTo(0, 9);
  });
  it('a non-normal Jordan-like block has its repeated eigenvalue', () => {
    const e = eigenvalues(Float64Array.from([0.9, 2, 0, 0.9]), 2);
    expect(Array.from(e.re)).toEqual([0.9, 0.9].map((v) => expect.closeTo(v, 12)));
  });
});

describe('singularValues', () => {
  it('s·Q has all singular values s', () => {
    const n = 32;
    const sv = singularValues(randomOrthogonal(n, createRng(2), 1.1), n, n);
    for (const v of sv) expect(v).toBeCloseTo(1.1, 12);
  });
  it('a diagonal matrix has |diagonal|, sorted, and [[0.9, 2], [0, 0.9]] has the closed form', () => {
    expect(Array.from(singularValues(Float64Array.from([0.5, 0, 0, -3]), 2, 2))).toEqual([3, 0.5]);
    const sv = singularValues(Float64Array.from([0.9, 2, 0, 0.9]), 2, 2);
    // σ² are the eigenvalues of AᵀA: σ_max·σ_min = |det| = 0.81, σ_max² + σ_min² = ‖A‖_F² = 5.62
    expect(sv[0]! * sv[1]!).toBeCloseTo(0.81, 12);
    expect(sv[0]! ** 2 + sv[1]! ** 2).toBeCloseTo(5.62, 12);
  });
});
