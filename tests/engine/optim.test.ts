import { describe, expect, it } from 'vitest';
import { createOptimizer, defaultLr } from '../../src/engine/optim.ts';
import type { Optimizer, OptimizerConfig } from '../../src/engine/optim.ts';

// Expected values: torch.optim's single-tensor update rules, worked by hand for the first steps (in the
// comments) and computed to full precision with an independent float64 NumPy transcription of them.
const p0 = [1, -2];
const grads = [
  [0.5, 1],
  [-1, 2],
  [0.25, -0.5],
];

/** Runs `steps` steps from p0 with the fixed gradient sequence; returns the parameters after each. */
function run(config: OptimizerConfig, steps = 3): number[][] {
  const opt = createOptimizer(config, [2]);
  const p = Float64Array.from(p0);
  const out: number[][] = [];
  for (let s = 0; s < steps; s++) {
    opt.step([p], [Float64Array.from(grads[s]!)]);
    out.push(Array.from(p));
  }
  return out;
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

describe('defaultLr', () => {
  it("uses PyTorch's defaults, and 0.1 for SGD", () => {
    expect(defaultLr('adagrad')).toBe(0.01);
    expect(defaultLr('rmsprop')).toBe(0.01);
    expect(defaultLr('adam')).toBe(0.001);
    expect(defaultLr('sgd')).toBe(0.1);
  });
});

describe('SGD', () => {
  it('plain: p -= lr·g', () => {
    expectClose(run({ kind: 'sgd', lr: 0.1 }), [
      [0.95, -2.1],
      [1.05, -2.3],
      [1.025, -2.25],
    ]);
  });

  it('momentum: the buffer is g on the first step, then μ·buf + g', () => {
    // step 1: buf = (0.5, 1), p = (0.95, −2.1); step 2: buf = 0.9·(0.5, 1) + (−1, 2) = (−0.55, 2.9).
    expectClose(run({ kind: 'sgd', lr: 0.1, momentum: 0.9 }), [
      [0.95, -2.1],
      [1.005, -2.39],
      [1.0295, -2.601],
    ]);
  });

  it('dampening is not applied on the first step', () => {
    // step 1: buf = g (undamped); step 2: buf = 0.9·(0.5, 1) + 0.5·(−1, 2) = (−0.05, 1.9).
    expectClose(run({ kind: 'sgd', lr: 0.1, momentum: 0.9, dampening: 0.5 }), [
      [0.95, -2.1],
      [0.955, -2.29],
      [0.947, -2.436],
    ]);
  });

  it('nesterov: steps along g + μ·buf', () => {
    // step 1: d = g + 0.9·g = (0.95, 1.9), p = (0.905, −2.19).
    expectClose(run({ kind: 'sgd', lr: 0.1, momentum: 0.9, nesterov: true }), [
      [0.905, -2.19],
      [1.0545, -2.651],
      [1.05155, -2.7909],
    ]);
  });

  it('rejects nesterov without momentum or with dampening', () => {
    expect(() => createOptimizer({ kind: 'sgd', lr: 0.1, nesterov: true }, [1])).toThrow(
      /Nesterov/,
    );
    expect(() =>
      createOptimizer({ kind: 'sgd', lr: 0.1, momentum: 0.9, dampening: 0.1, nesterov: true }, [1]),
    ).toThrow(/Nesterov/);
  });
});

describe('Adagrad', () => {
  it('sum += g², p -= lr·g/(√sum + 1e-10)', () => {
    // step 1: sum = (0.25, 1), p = 1 − 0.1·0.5/(0.5 + 1e-10) = 0.90000000002.
    // step 2: sum = (1.25, 5), p = 0.90000000002 + 0.1/(√1.25 + 1e-10).
    expectClose(run({ kind: 'adagrad', lr: 0.1 }), [
      [0.90000000002, -2.09999999999],
      [0.9894427191119917, -2.1894427190859918],
      [0.9676209300902971, -2.167620930063345],
    ]);
  });

  it('lr_decay: clr = lr/(1 + (t−1)·lr_decay)', () => {
    // step 2: clr = 0.1/1.5, p = 0.90000000002 + (0.1/1.5)/(√1.25 + 1e-10).
    expectClose(run({ kind: 'adagrad', lr: 0.1, lrDecay: 0.5 }), [
      [0.90000000002, -2.09999999999],
      [0.9596284794146611, -2.1596284793873277],
      [0.9487175849038139, -2.1487175848760045],
    ]);
  });

  it('initial_accumulator_value starts the sum', () => {
    // step 1: sum = (0.35, 1.1), p = 1 − 0.05/√0.35.
    expectClose(run({ kind: 'adagrad', lr: 0.1, initialAccumulatorValue: 0.1 }), [
      [0.9154845745414341, -2.0953462589154683],
      [1.0015508711164136, -2.183907747465556],
      [0.9805157130226, -2.1622908624081347],
    ]);
  });
});

describe('RMSprop', () => {
  it('defaults (α = 0.99, ε = 1e-8): p -= lr·g/(√v + ε)', () => {
    // step 1: v = 0.01·g², √v = 0.1·|g|, p = 1 − 0.01·0.5/(0.05 + 1e-8).
    expectClose(run({ kind: 'rmsprop', lr: 0.01 }), [
      [0.900000019999996, -2.099999990000001],
      [0.9895323081911337, -2.189532282199154],
      [0.9675849574904029, -2.167584930535051],
    ]);
  });

  it('alpha', () => {
    // step 1: v = 0.1·g², p = 1 − 0.01·0.5/(√0.025 + 1e-8).
    expectClose(run({ kind: 'rmsprop', lr: 0.01, alpha: 0.9 }), [
      [0.968377225398316, -2.031622775601684],
      [0.9969486531534181, -2.060194203764949],
      [0.9896241691766472, -2.052869719680882],
    ]);
  });

  it('centered: divides by √(v − g_avg²) + ε', () => {
    // step 1: v = 0.1·g², g_avg = 0.1·g, v − g_avg² = 0.09·g², p = 1 − 0.01·0.5/(0.15 + 1e-8).
    expectClose(run({ kind: 'rmsprop', lr: 0.01, alpha: 0.9, centered: true }), [
      [0.9666666688888887, -2.0333333322222225],
      [0.9955975371587433, -2.0647254390193575],
      [0.9882541107613643, -2.057023820073614],
    ]);
  });

  it('momentum: buf = μ·buf + g/avg, p -= lr·buf', () => {
    expectClose(run({ kind: 'rmsprop', lr: 0.01, alpha: 0.9, momentum: 0.5 }), [
      [0.968377225398316, -2.031622775601684],
      [0.9811372658525762, -2.076005591565791],
      [0.9801928021029355, -2.0908725154637775],
    ]);
  });

  it('centered with momentum', () => {
    expectClose(run({ kind: 'rmsprop', lr: 0.01, alpha: 0.9, momentum: 0.5, centered: true }), [
      [0.9666666688888887, -2.0333333322222225],
      [0.9789308716031877, -2.081392105130469],
      [0.9777195465629581, -2.097719872638849],
    ]);
  });
});

describe('Adam', () => {
  it('defaults: bias correction makes the first step lr·g/(|g| + ε)', () => {
    // step 1: m = 0.1·g, v = 0.001·g², bc1 = 0.1, bc2 = 0.001: p = 1 − 0.1·0.5/(0.5 + 1e-8).
    expectClose(run({ kind: 'adam', lr: 0.1 }), [
      [0.900000002, -2.099999999],
      [0.9366103542405654, -2.1965182009718336],
      [0.9502794203389762, -2.255378873799763],
    ]);
  });

  it('adds ε after dividing √v by √bc2 (not (√v + ε)/√bc2)', () => {
    // step 1: p = 1 − 0.1·0.5/(0.5 + 0.01) = 1 − 0.05/0.51.
    const got = run({ kind: 'adam', lr: 0.1, eps: 1e-2 });
    expectClose(got, [
      [0.9019607843137255, -2.099009900990099],
      [0.9381139008606872, -2.1949215957676405],
      [0.9515793737787427, -2.2533406310331427],
    ]);
    // The other placement would give 0.9387… after one step.
    expect(Math.abs(got[0]![0]! - 0.9387425886722793)).toBeGreaterThan(0.03);
  });

  it('betas', () => {
    expectClose(run({ kind: 'adam', lr: 0.05, beta1: 0.5, beta2: 0.9 }), [
      [0.950000001, -2.0499999995],
      [0.9811349930661069, -2.101891653266641],
      [0.986582071700092, -2.1182328892932136],
    ]);
  });

  it('rejects betas outside [0, 1)', () => {
    expect(() => createOptimizer({ kind: 'adam', lr: 0.1, beta1: 1 }, [1])).toThrow(/beta1/);
    expect(() => createOptimizer({ kind: 'adam', lr: 0.1, beta2: -0.1 }, [1])).toThrow(/beta2/);
  });
});

const configs: OptimizerConfig[] = [
  { kind: 'sgd', lr: 0.1 },
  { kind: 'sgd', lr: 0.05, momentum: 0.9, nesterov: true },
  { kind: 'adagrad', lr: 0.5 },
  { kind: 'rmsprop', lr: 0.01, momentum: 0.5, centered: true },
  { kind: 'adam', lr: 0.05 },
];

// Gradients that differ per step and per element, so every buffer matters.
function gradAt(s: number, x: Float64Array, a: readonly number[]): Float64Array {
  return Float64Array.from(x, (xi, i) => xi - a[i]! + 0.1 * Math.sin(s + i));
}

describe.each(configs)('$kind %#', (config) => {
  it('minimises f(x) = ½‖x − a‖²', () => {
    const a = [3, -1, 0.5, 2];
    const x = new Float64Array(4);
    const opt = createOptimizer(config, [4]);
    const dist = () => Math.hypot(...Array.from(x, (xi, i) => xi - a[i]!));
    const start = dist();
    for (let s = 0; s < 2000; s++) {
      opt.step([x], [Float64Array.from(x, (xi, i) => xi - a[i]!)]);
    }
    expect(opt.stepCount).toBe(2000);
    expect(dist()).toBeLessThan(0.02 * start);
  });

  it('continues identically after export → JSON → import', () => {
    const a = [1, 2, 3, -1, -2];
    const sizes = [2, 3];
    const A = createOptimizer(config, sizes);
    const x = new Float64Array(5);
    const split = (v: Float64Array) => [v.subarray(0, 2), v.subarray(2)];
    for (let s = 0; s < 3; s++) A.step(split(x), split(gradAt(s, x, a)));

    const B = createOptimizer(config, sizes);
    B.importState(JSON.parse(JSON.stringify(A.exportState())));
    expect(B.stepCount).toBe(3);
    const y = Float64Array.from(x);
    for (let s = 3; s < 6; s++) {
      A.step(split(x), split(gradAt(s, x, a)));
      B.step(split(y), split(gradAt(s, y, a)));
    }
    expect(Array.from(y)).toEqual(Array.from(x));
    expect(B.exportState()).toEqual(A.exportState());
  });

  it('takes a new lr on the next step without resetting its state', () => {
    const a = [1, -1];
    const A = createOptimizer(config, [2]);
    const B = createOptimizer(config, [2]);
    const x = new Float64Array(2);
    const y = new Float64Array(2);
    for (let s = 0; s < 3; s++) {
      A.step([x], [gradAt(s, x, a)]);
      B.step([y], [gradAt(s, y, a)]);
    }
    A.lr = config.lr / 4;
    expect(A.lr).toBe(config.lr / 4);
    const g = gradAt(3, x, a);
    const before = Array.from(x);
    A.step([x], [g]);
    B.step([y], [g]);
    expect(A.stepCount).toBe(4);
    // Every rule's step is linear in lr given the state, so A moves exactly a quarter of B's move.
    for (let i = 0; i < 2; i++) {
      const dA = x[i]! - before[i]!;
      const dB = y[i]! - before[i]!;
      expect(Math.abs(dB)).toBeGreaterThan(1e-6);
      expect(dA / dB).toBeCloseTo(0.25, 10);
    }
  });
});

describe('Optimizer', () => {
  it('treats tensors independently: two tensors step like one concatenated tensor', () => {
    const g = [0.3, -1.2, 2.5];
    const one = createOptimizer({ kind: 'adam', lr: 0.1 }, [3]);
    const two = createOptimizer({ kind: 'adam', lr: 0.1 }, [1, 2]);
    const x = Float64Array.from([1, 2, 3]);
    const y = Float64Array.from([1, 2, 3]);
    for (let s = 0; s < 3; s++) {
      const gs = Float64Array.from(g, (v) => v * (s + 1));
      one.step([x], [gs]);
      two.step([y.subarray(0, 1), y.subarray(1)], [gs.subarray(0, 1), gs.subarray(1)]);
    }
    expect(Array.from(y)).toEqual(Array.from(x));
  });

  it('exports buffers under PyTorch state names as plain arrays', () => {
    const opt = createOptimizer({ kind: 'rmsprop', lr: 0.01, momentum: 0.9, centered: true }, [2]);
    opt.step([new Float64Array(2)], [Float64Array.from([1, -1])]);
    const state = opt.exportState();
    expect(state.kind).toBe('rmsprop');
    expect(state.stepCount).toBe(1);
    expect(Object.keys(state.buffers).sort()).toEqual([
      'grad_avg',
      'momentum_buffer',
      'square_avg',
    ]);
    expect(Array.isArray(state.buffers['square_avg']![0])).toBe(true);
    expect(state.buffers['square_avg']![0]![0]).toBeCloseTo(0.01, 15);
    expect(Object.keys(createOptimizer({ kind: 'sgd', lr: 1 }, [2]).exportState().buffers)).toEqual(
      [],
    );
    expect(
      Object.keys(createOptimizer({ kind: 'adam', lr: 1 }, [2]).exportState().buffers).sort(),
    ).toEqual(['exp_avg', 'exp_avg_sq']);
  });

  it('rejects state of another kind or shape, leaving its own state intact', () => {
    const opt: Optimizer = createOptimizer({ kind: 'adam', lr: 0.1 }, [2]);
    opt.step([new Float64Array(2)], [Float64Array.from([1, 2])]);
    const good = opt.exportState();
    const sgd = createOptimizer({ kind: 'sgd', lr: 0.1 }, [2]).exportState();
    expect(() => opt.importState(sgd)).toThrow(/sgd/);
    const badShape = { ...good, buffers: { exp_avg: [[0, 0, 0]], exp_avg_sq: [[0, 0]] } };
    expect(() => opt.importState(badShape)).toThrow(/exp_avg\[0\]/);
    expect(() => opt.importState({ ...good, stepCount: -1 })).toThrow(/stepCount/);
    expect(opt.exportState()).toEqual(good);
  });

  it('validates lr, hyperparameters and tensor counts', () => {
    expect(() => createOptimizer({ kind: 'sgd', lr: -0.1 }, [1])).toThrow(/learning rate/);
    expect(() => createOptimizer({ kind: 'adam', lr: Number.NaN }, [1])).toThrow(/learning rate/);
    expect(() => createOptimizer({ kind: 'adagrad', lr: 0.1, eps: -1 }, [1])).toThrow(/eps/);
    expect(() => createOptimizer({ kind: 'rmsprop', lr: 0.1, alpha: 1.5 }, [1])).toThrow(/alpha/);
    const opt = createOptimizer({ kind: 'sgd', lr: 0.1 }, [2]);
    expect(() => {
      opt.lr = Number.NaN;
    }).toThrow(/learning rate/);
    expect(opt.lr).toBe(0.1);
    expect(() => opt.step([new Float64Array(2)], [])).toThrow(/Expected 1/);
    expect(() => opt.step([new Float64Array(3)], [new Float64Array(3)])).toThrow(/length 2/);
    expect(opt.stepCount).toBe(0);
  });
});
