import { describe, expect, it } from 'vitest';
import { randomOrthogonal } from '../../src/engine/init.ts';
import { DEFAULT_SETTINGS, initOptionsOf } from '../../src/engine/settings.ts';
import { createModel, type ModelConfig } from '../../src/engine/model.ts';
import { createRng } from '../../src/engine/rng.ts';

const config = (cell: ModelConfig['cell'], H = 16): ModelConfig => ({
  cell,
  nonlinearity: 'tanh',
  hiddenSize: H,
  numLayers: 2,
  bidirectional: false,
  input: 'onehot',
  inputSize: 10,
  outputSize: 10,
  head: 'softmax',
});

describe('initialisation', () => {
  it('default: every recurrent weight and bias in U(−1/√H, 1/√H), spread over the range', () => {
    const H = 16;
    const m = createModel(config('lstm', H), createRng(1));
    for (const p of m.layers) {
      for (const a of [p.Wih, p.Whh, p.bih, p.bhh]) {
        const max = Math.max(...a.map(Math.abs));
        expect(max).toBeLessThanOrEqual(1 / Math.sqrt(H));
        expect(max).toBeGreaterThan(0.9 / Math.sqrt(H));
      }
    }
  });

  it('orthogonal blocks satisfy QᵀQ = gain²·I', () => {
    const n = 12;
    const Q = randomOrthogonal(n, createRng(3), 1.3);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        let dot = 0;
        for (let r = 0; r < n; r++) dot += Q[r * n + i]! * Q[r * n + j]!;
        expect(dot).toBeCloseTo(i === j ? 1.69 : 0, 12);
      }
    }
  });

  it('identity init sets each gate block of W_hh to scale·I', () => {
    const H = 5;
    const m = createModel(config('gru', H), createRng(2), {
      recurrent: 'identity',
      recurrentScale: 0.5,
    });
    const W = m.layers[1]!.Whh;
    for (let g = 0; g < 3; g++) {
      for (let i = 0; i < H; i++) {
        for (let j = 0; j < H; j++) expect(W[(g * H + i) * H + j]).toBe(i === j ? 0.5 : 0);
      }
    }
  });

  it('Gaussian blocks have entries N(0, s²/H): mean 0 and standard deviation s/√H', () => {
    const H = 64;
    const s = 1.5;
    const m = createModel(config('gru', H), createRng(3), {
      recurrent: 'normal',
      recurrentScale: s,
    });
    for (const p of m.layers) {
      for (let g = 0; g < 3; g++) {
        const block = p.Whh.subarray(g * H * H, (g + 1) * H * H);
        const mean = block.reduce((a, b) => a + b, 0) / block.length;
        const sd = Math.sqrt(block.reduce((a, b) => a + (b - mean) ** 2, 0) / block.length);
        expect(Math.abs(mean)).toBeLessThan(0.01);
        expect(sd / (s / Math.sqrt(H))).toBeGreaterThan(0.97);
        expect(sd / (s / Math.sqrt(H))).toBeLessThan(1.03);
      }
      // Only W_hh: W_ih keeps PyTorch's uniform draw.
      expect(Math.max(...p.Wih.map(Math.abs))).toBeLessThanOrEqual(1 / Math.sqrt(H));
    }
  });

  it('the recurrent scale setting reaches the init, and only when the init is not the default', () => {
    expect(initOptionsOf({ ...DEFAULT_SETTINGS, recurrentScale: 0.9 })).toEqual({
      recurrent: 'default',
    });
    expect(initOptionsOf({ ...DEFAULT_SETTINGS, init: 'orthogonal', recurrentScale: 0.9 })).toEqual(
      { recurrent: 'orthogonal', recurrentScale: 0.9 },
    );
    const H = 8;
    const m = createModel(
      config('rnn', H),
      createRng(2),
      initOptionsOf({ ...DEFAULT_SETTINGS, init: 'identity', recurrentScale: 0.5 }),
    );
    expect(m.layers[0]!.Whh[0]).toBe(0.5);
    expect(m.layers[0]!.Whh[1]).toBe(0);
  });

  it('forget-gate bias (LSTM) and update-gate bias (GRU) set b_ih + b_hh of their block', () => {
    const H = 4;
    const lstm = createModel(config('lstm', H), createRng(4), { forgetBias: 1 });
    const gru = createModel(config('gru', H), createRng(4), { updateBias: 2 });
    for (let j = H; j < 2 * H; j++) {
      expect(lstm.layers[0]!.bih[j]! + lstm.layers[0]!.bhh[j]!).toBe(1);
      expect(gru.layers[0]!.bih[j]! + gru.layers[0]!.bhh[j]!).toBe(2);
    }
    // Other blocks keep their random draw.
    expect(lstm.layers[0]!.bih[0]).not.toBe(0);
  });

  it('the same seed gives the same weights', () => {
    const a = createModel(config('rnn'), createRng(9));
    const b = createModel(config('rnn'), createRng(9));
    expect(Array.from(a.layers[0]!.Whh)).toEqual(Array.from(b.layers[0]!.Whh));
  });
});
