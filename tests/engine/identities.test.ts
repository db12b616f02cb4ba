// Exact identities of the engine's math (docs/equations.md §4.5 and §6) and one step of each cell
// against values computed by hand (independently, with Python's math module).
import { describe, expect, it } from 'vitest';
import { createCompute } from '../../src/engine/kernels.ts';
import { zeroState } from '../../src/engine/bptt.ts';
import { createGruCell } from '../../src/engine/gru.ts';
import { randomOrthogonal } from '../../src/engine/init.ts';
import { createLstmCell } from '../../src/engine/lstm.ts';
import { lossAndGradients, zeroGrads } from '../../src/engine/network.ts';
import { createRng } from '../../src/engine/rng.ts';
import { createRnnCell } from '../../src/engine/rnn.ts';
import { traceSequence } from '../../src/engine/trace.ts';
import { charBatch, smallModel } from './helpers.ts';

const f64 = (...v: number[]) => Float64Array.from(v);
const dense = (v: number) => ({ kind: 'dense' as const, x: f64(v), off: 0 });
/** The plain-JS path (the kernel gives the same numbers; kernels.test.ts checks that). */
const js = createCompute();

describe('one step against hand-computed values (H = 1, I = 1)', () => {
  it('RNN: h = tanh(W_ih x + b_ih + W_hh h + b_hh)', () => {
    const p = { Wih: f64(0.5), Whh: f64(-0.3), bih: f64(0.1), bhh: f64(0.2) };
    const c = createRnnCell('tanh').forward(p, { B: 1, H: 1, I: 1 }, dense(2), f64(0.4), null, js);
    expect(c.a[0]).toBeCloseTo(1.18, 14);
    expect(c.h[0]).toBeCloseTo(0.8274516110081667, 14);
  });
  it('LSTM: gates i, f, g, o then c and h', () => {
    const p = {
      Wih: f64(0.5, -0.4, 0.3, 0.2),
      Whh: f64(0.1, 0.6, -0.7, 0.8),
      bih: f64(0.01, 0.02, 0.03, 0.04),
      bhh: f64(-0.05, 0.5, 0.06, -0.07),
    };
    const c = createLstmCell().forward(
      p,
      { B: 1, H: 1, I: 1 },
      dense(1.5),
      f64(-0.2),
      f64(0.9),
      js,
    );
    const want = [0.6659669267518202, 0.45016600268752216, 0.5915193954318164, 0.5274723043445937];
    want.forEach((w, k) => expect(c.act[k]).toBeCloseTo(w, 14));
    expect(c.c[0]).toBeCloseTo(0.7990817563085915, 14);
    expect(c.h[0]).toBeCloseTo(0.34999006293522245, 14);
  });
  it('GRU: r, z, n with the reset applied after W_hn h + b_hn, and h = (1 − z) n + z h', () => {
    const p = {
      Wih: f64(0.5, -0.4, 0.3),
      Whh: f64(0.1, 0.6, -0.7),
      bih: f64(0.01, 0.02, 0.03),
      bhh: f64(-0.05, 0.5, 0.06),
    };
    const cell = createGruCell();
    const c = cell.forward(p, { B: 1, H: 1, I: 1 }, dense(1.5), f64(-0.2), null, js);
    const named = cell.named(c, 1, 0);
    expect(named['r']![0]).toBeCloseTo(0.6659669267518202, 14);
    expect(named['z']![0]).toBeCloseTo(0.45016600268752216, 14);
    expect(named['u']![0]).toBeCloseTo(0.2, 14);
    expect(named['n']![0]).toBeCloseTo(0.5463710980548931, 14);
    expect(c.h[0]).toBeCloseTo(0.21038020432202523, 14);
  });
});

describe('gradient identities', () => {
  it.each(['rnn', 'lstm'] as const)('%s: db_ih equals db_hh exactly', (cell) => {
    const m = smallModel(cell, { H: 4, L: 2, V: 6 });
    const g = zeroGrads(m);
    lossAndGradients(m, g, charBatch(createRng(3), 5, 3, 6), null);
    for (const layer of g.layers) {
      expect(Array.from(layer.bih)).toEqual(Array.from(layer.bhh));
      expect(layer.bih.some((v) => v !== 0)).toBe(true);
    }
  });
  it('gru: db_ih equals db_hh on the r and z blocks but not on n', () => {
    const H = 4;
    const m = smallModel('gru', { H, V: 6 });
    const g = zeroGrads(m);
    lossAndGradients(m, g, charBatch(createRng(3), 5, 3, 6), null);
    const { bih, bhh } = g.layers[0]!;
    expect(Array.from(bih.slice(0, 2 * H))).toEqual(Array.from(bhh.slice(0, 2 * H)));
    for (let j = 2 * H; j < 3 * H; j++) expect(bih[j]).not.toBe(bhh[j]);
  });
  it('the softmax cross-entropy gradient sums to zero at every position', () => {
    const V = 7;
    const m = smallModel('lstm', { V });
    const { back } = lossAndGradients(m, zeroGrads(m), charBatch(createRng(4), 6, 2, V), null);
    for (const dy of back.dOutputs) {
      for (let b = 0; b < 2; b++) {
        const s = dy.slice(b * V, (b + 1) * V).reduce((a, v) => a + v, 0);
        expect(Math.abs(s)).toBeLessThan(1e-16);
      }
    }
  });
  it('zero decoder weights give a loss of exactly ln V', () => {
    const V = 9;
    const m = smallModel('gru', { V, L: 2 });
    m.decoder.W.fill(0);
    m.decoder.b.fill(0);
    const { loss } = lossAndGradients(m, zeroGrads(m), charBatch(createRng(5), 8, 3, V), null);
    expect(loss).toBeCloseTo(Math.log(V), 14);
  });
});

describe('Jacobian products', () => {
  const H = 6;
  const T = 12;
  it.each([0.9, 1.1])('linear RNN with W_hh = s·Q gives ‖∂h_T/∂h_0‖ = s^T (s = %f)', (s) => {
    const m = smallModel('rnn', { H, V: 4, nonlinearity: 'linear', seed: 2 });
    m.layers[0]!.Whh.set(randomOrthogonal(H, createRng(9), s));
    const ids = Int32Array.from({ length: T }, (_, t) => t % 4);
    const tr = traceSequence(m, ids, ids, { jacobians: true });
    expect(tr.jacobian!.h[0]![0]! / s ** T).toBeCloseTo(1, 10);
    expect(tr.jacobian!.h[0]![T - 5]! / s ** 5).toBeCloseTo(1, 10);
    expect(tr.jacobian!.h[0]![T]).toBe(1);
  });
  it('tanh RNN with zero input, bias and initial state behaves like the linear one', () => {
    const s = 1.05;
    const m = smallModel('rnn', { H, V: 4, nonlinearity: 'tanh', seed: 2 });
    m.layers[0]!.Whh.set(randomOrthogonal(H, createRng(9), s));
    m.layers[0]!.bih.fill(0);
    m.layers[0]!.bhh.fill(0);
    const ids = new Int32Array(T).fill(-1); // −1: the zero input vector
    const tr = traceSequence(m, ids, new Int32Array(T).fill(0), { jacobians: true });
    expect(tr.jacobian!.h[0]![0]! / s ** T).toBeCloseTo(1, 10);
  });
  it('LSTM with W_hh = 0 and x = 0 gives ‖∂c_T/∂c_0‖ = σ(b_f)^T', () => {
    const bf = 1.5;
    const m = smallModel('lstm', { H, V: 4, seed: 3 });
    const p = m.layers[0]!;
    p.Whh.fill(0);
    p.bih.fill(bf, H, 2 * H);
    p.bhh.fill(0, H, 2 * H);
    const ids = new Int32Array(T).fill(-1);
    const init = zeroState(1, 1, H, true);
    init.c![0]!.fill(0.7);
    const tr = traceSequence(m, ids, new Int32Array(T).fill(0), { jacobians: true, initial: init });
    const sig = 1 / (1 + Math.exp(-bf));
    expect(tr.jacobian!.c![0]![0]! / sig ** T).toBeCloseTo(1, 12);
    expect(tr.jacobian!.c![0]![4]! / sig ** (T - 4)).toBeCloseTo(1, 12);
  });
  it('GRU with W_hh = 0 and x = 0 gives ‖∂h_T/∂h_0‖ = σ(b_z)^T', () => {
    const bz = 2;
    const m = smallModel('gru', { H, V: 4, seed: 4 });
    const p = m.layers[0]!;
    p.Whh.fill(0);
    p.bih.fill(bz, H, 2 * H);
    p.bhh.fill(0, H, 2 * H);
    const tr = traceSequence(m, new Int32Array(T).fill(-1), new Int32Array(T).fill(0), {
      jacobians: true,
    });
    expect(tr.jacobian!.h[0]![0]! / (1 / (1 + Math.exp(-bz))) ** T).toBeCloseTo(1, 12);
  });
});

describe('the LSTM trace', () => {
  it('holds both terms of c_t = f ⊙ c_{t−1} + i ⊙ g, adding up to c_t exactly', () => {
    const H = 5;
    const m = smallModel('lstm', { H, V: 4, L: 2, seed: 8 });
    const init = zeroState(2, 1, H, true);
    init.c!.forEach((c, l) => c.fill(0.3 * (l + 1)));
    const ids = Int32Array.of(0, 1, 2, 3, 1);
    const tr = traceSequence(m, ids, ids, { initial: init });
    for (let l = 0; l < 2; l++) {
      for (let t = 0; t < ids.length; t++) {
        const n = tr.named[l]![t]!;
        const cPrev = t === 0 ? init.c![l]! : tr.named[l]![t - 1]!['c']!;
        for (let j = 0; j < H; j++) {
          expect(n['fc']![j]! + n['ig']![j]!).toBe(n['c']![j]);
          expect(n['fc']![j]).toBe(n['f']![j]! * cPrev[j]!);
        }
      }
    }
  });
});
