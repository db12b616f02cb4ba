// Truncated BPTT seen from one loss: exact zeros outside the loss's chunk, full BPTT inside it.
import { describe, expect, it } from 'vitest';
import { createModel } from '../../src/engine/model.ts';
import { createRng } from '../../src/engine/rng.ts';
import { truncatedGradient } from '../../src/engine/truncation.ts';

function setup(T: number, H = 6, I = 3) {
  const m = createModel(
    {
      cell: 'lstm',
      nonlinearity: 'tanh',
      hiddenSize: H,
      numLayers: 1,
      bidirectional: false,
      input: 'dense',
      inputSize: I,
      outputSize: 3,
      head: 'softmax',
    },
    createRng(4),
  );
  const rng = createRng(9);
  const x = new Float64Array(T * I).map(() => rng.normal());
  return { m, x };
}

describe('truncatedGradient', () => {
  it.each([
    [30, 7, 30],
    [30, 10, 30],
    [30, 10, 21],
    [25, 1, 25],
  ])('T = %i, K = %i, loss at t = %i: ∂ℓ_t/∂h_k = 0 exactly when t − k ≥ K', (T, K, t) => {
    const { m, x } = setup(T);
    const full = truncatedGradient(m, x, T, T, t);
    const cut = truncatedGradient(m, x, T, K, t);
    for (let k = 0; k <= T; k++) {
      if (k >= 1 && t - k >= K) expect(cut.norms[k]).toBe(0);
      if (k < cut.reach || k > t) expect(cut.norms[k]).toBe(0);
      else expect(cut.norms[k]).toBe(full.norms[k]); // the same arithmetic, bit for bit
    }
    // full BPTT does reach the start
    expect(full.norms[0]).toBeGreaterThan(0);
  });
  it('K ≥ T is full BPTT', () => {
    const { m, x } = setup(12);
    expect(Array.from(truncatedGradient(m, x, 12, 50, 12).norms)).toEqual(
      Array.from(truncatedGradient(m, x, 12, 12, 12).norms),
    );
  });
  it('rejects a regression model and bad lengths', () => {
    const { m, x } = setup(5);
    expect(() => truncatedGradient(m, x, 5, 0, 5)).toThrow(/truncation/);
    expect(() => truncatedGradient(m, x, 5, 2, 6)).toThrow(/out of range/);
  });
});
