// AdamW against torch.optim.AdamW's documented algorithm (amsgrad off): each step first decays the
// weights, θ ← θ − γλθ (param.mul_(1 − lr·weight_decay)), then takes Adam's step with the gradient
// alone. Expected values are worked by hand for step 1 and computed to full precision for steps
// 2–3 with a float64 transcription of the documented algorithm (m̂/(√v̂ + ε) form).
import { describe, expect, it } from 'vitest';
import { createOptimizer, optimizerFor, type OptimizerConfig } from '../../src/engine/optim.ts';

const p0 = [1, -2];
const grads = [
  [0.5, 1],
  [-1, 2],
  [0.25, -0.5],
];

function run(config: OptimizerConfig, g = grads): number[][] {
  const opt = createOptimizer(config, [2]);
  const p = Float64Array.from(p0);
  return g.map((gs) => {
    opt.step([p], [Float64Array.from(gs)]);
    return Array.from(p);
  });
}

function expectClose(actual: number[][], expected: number[][], tol = 1e-12): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((row, s) =>
    row.forEach((x, i) => {
      const e = expected[s]![i]!;
      expect(Math.abs(x - e), `step ${s + 1}, element ${i}: ${x} vs ${e}`).toBeLessThanOrEqual(
        tol * Math.max(1, Math.abs(e)),
      );
    }),
  );
}

describe('AdamW', () => {
  it('decays the weights by 1 − lr·λ, then takes the Adam step (lr 0.1, λ 0.01)', () => {
    // step 1: θ = (1, −2)·(1 − 0.1·0.01) = (0.999, −1.998); m̂ = g, v̂ = g², so the Adam step is
    // lr·g/(|g| + ε) = (0.1·0.5/0.50000001, 0.1·1/1.00000001): θ = (0.899000002, −2.097999999).
    // step 2: θ·0.999 = (0.898101002, −2.095902…); m = (−0.055, 0.29), v = (0.00124975, 0.004999),
    // m̂ = m/0.19, v̂ = v/0.001999: θ −= 0.1·m̂/(√v̂ + ε) = (−0.0366101, 0.0965182).
    expectClose(run({ kind: 'adamw', lr: 0.1, weightDecay: 0.01 }), [
      [0.899000002, -2.0979999990000002],
      [0.9347113542385653, -2.1924202009728337],
      [0.9474457089827375, -2.2490884535997906],
    ]);
  });

  it('a large λ: the decay is not divided by √v̂ as an L2 term in Adam would be', () => {
    // step 1: θ = (1, −2)·(1 − 0.1·0.5) = (0.95, −1.9), then the same Adam step as above.
    expectClose(run({ kind: 'adamw', lr: 0.1, weightDecay: 0.5 }), [
      [0.8500000019999999, -1.999999999],
      [0.8441103541405653, -1.9965182010218334],
      [0.8155739025319478, -1.955552963798671],
    ]);
  });

  it('takes PyTorch’s default λ = 0.01 when none is given', () => {
    expect(run({ kind: 'adamw', lr: 0.1 })).toEqual(
      run({ kind: 'adamw', lr: 0.1, weightDecay: 0.01 }),
    );
  });

  it('with λ = 0 is Adam, bit for bit', () => {
    expect(run({ kind: 'adamw', lr: 0.1, weightDecay: 0 })).toEqual(run({ kind: 'adam', lr: 0.1 }));
  });

  it('with zero gradients shrinks the weights geometrically, where Adam does not move', () => {
    const zeros = [
      [0, 0],
      [0, 0],
      [0, 0],
    ];
    const keep = 1 - 0.1 * 0.2;
    const expected: number[][] = [];
    let p = p0;
    for (let s = 0; s < 3; s++) expected.push((p = p.map((x) => x * keep)));
    expect(run({ kind: 'adamw', lr: 0.1, weightDecay: 0.2 }, zeros)).toEqual(expected);
    expect(run({ kind: 'adam', lr: 0.1 }, zeros)).toEqual([p0, p0, p0]);
  });

  it('keeps the step with a changed learning rate (the decay uses the current lr)', () => {
    const opt = createOptimizer({ kind: 'adamw', lr: 0.1, weightDecay: 0.5 }, [2]);
    const p = Float64Array.from(p0);
    opt.lr = 0.2;
    opt.step([p], [new Float64Array(2)]);
    expect(Array.from(p)).toEqual([1 * (1 - 0.2 * 0.5), -2 * (1 - 0.2 * 0.5)]);
  });

  it('has Adam’s state, under its own kind', () => {
    const opt = createOptimizer({ kind: 'adamw', lr: 0.1 }, [2]);
    opt.step([Float64Array.from(p0)], [Float64Array.from(grads[0]!)]);
    const state = opt.exportState();
    expect(state.kind).toBe('adamw');
    expect(Object.keys(state.buffers).sort()).toEqual(['exp_avg', 'exp_avg_sq']);
    expect(() => createOptimizer({ kind: 'adam', lr: 0.1 }, [2]).importState(state)).toThrow(
      /Cannot load adamw optimizer state/,
    );
  });

  it('refuses a negative λ, as PyTorch does', () => {
    expect(() => createOptimizer({ kind: 'adamw', lr: 0.1, weightDecay: -0.1 }, [2])).toThrow(
      /AdamW weight_decay/,
    );
  });

  it('is what the settings build for AdamW; the other optimizers have no λ', () => {
    expect(optimizerFor('adamw', { lr: 0.003, weightDecay: 0.05 })).toEqual({
      kind: 'adamw',
      lr: 0.003,
      weightDecay: 0.05,
    });
    expect(optimizerFor('adam', { lr: 0.003, weightDecay: 0.05 })).toEqual({
      kind: 'adam',
      lr: 0.003,
    });
  });
});
