// Quantiles of a sample, as numpy's default (`method="linear"`): the value at position
// q·(n − 1) of the sorted sample, interpolated linearly between the two order statistics around it.

/** The q-quantile (0 ≤ q ≤ 1) of `values`; NaN for an empty sample. Does not change `values`. */
export function quantile(values: ArrayLike<number>, q: number): number {
  return quantiles(values, [q])[0]!;
}

/** Several quantiles of one sample (sorted once). */
export function quantiles(values: ArrayLike<number>, qs: readonly number[]): number[] {
  const sorted = Float64Array.from(values).sort();
  const n = sorted.length;
  return qs.map((q) => {
    if (!(q >= 0 && q <= 1)) throw new Error(`A quantile is between 0 and 1, not ${String(q)}.`);
    if (n === 0) return NaN;
    const at = q * (n - 1);
    const lo = Math.floor(at);
    const hi = Math.min(n - 1, lo + 1);
    return sorted[lo]! + (at - lo) * (sorted[hi]! - sorted[lo]!);
  });
}
