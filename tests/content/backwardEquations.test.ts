import katex, { type KatexOptions } from 'katex';
import { describe, expect, it } from 'vitest';
import {
  num,
  BPTT_SUMS,
  TEXTBOOK_BPTT,
  backwardEquations,
  type BackwardUnitValues,
} from '../../src/content/backwardEquations';

// The options of src/viz/Equation.tsx, but throwing: strict LaTeX except \htmlClass, the one
// trusted command.
const OPTIONS: KatexOptions = {
  throwOnError: true,
  strict: (errorCode) => (errorCode === 'htmlExtension' ? 'ignore' : 'error'),
  output: 'htmlAndMathml',
  trust: (context) => context.command === '\\htmlClass',
};
const render = (tex: string) => katex.renderToString(tex, { ...OPTIONS, displayMode: true });

/** Distinct numbers for every field, negatives among them, so each can be found in the output. */
function values(next: boolean): BackwardUnitValues {
  return {
    now: {
      a: -0.412,
      h: 0.537,
      i: 0.611,
      f: 0.723,
      g: -0.284,
      o: 0.456,
      c: 0.901,
      tanh_c: 0.717,
      r: 0.345,
      z: 0.678,
      n: -0.192,
      u: 1.234,
    },
    prev: { h: -0.321, c: 0.876 },
    next: next ? { f: 0.834, z: 0.265 } : null,
    back: {
      fromOutput: 0.125,
      fromNext: -0.047,
      dh: 0.078,
      dc: 0.219,
      dcFromNext: 0.183,
      fromNextDirect: 0.052,
      pre: {
        h: 0.0612,
        i: -0.0413,
        f: 0.0529,
        g: 0.0837,
        o: 0.0144,
        r: -0.0071,
        z: 0.0391,
        n: 0.0266,
      },
      preHh: {
        h: 0.0612,
        i: -0.0413,
        f: 0.0529,
        g: 0.0837,
        o: 0.0144,
        r: -0.0071,
        z: 0.0391,
        n: 0.0092,
      },
    },
  };
}

const CASES = [
  ['rnn', 'tanh'],
  ['rnn', 'relu'],
  ['lstm', 'tanh'],
  ['gru', 'tanh'],
] as const;

const line = (cell: 'rnn' | 'lstm' | 'gru', key: string, nl: 'tanh' | 'relu' = 'tanh') => {
  const found = backwardEquations(cell, nl).find((l) => l.key === key);
  if (found === undefined) throw new Error(`no line ${key} for ${cell}`);
  return found;
};
const plugged = (cell: 'rnn' | 'lstm' | 'gru', key: string, v: BackwardUnitValues) => {
  const plug = line(cell, key).plug;
  if (plug === null) throw new Error(`line ${key} of ${cell} has no plug`);
  return plug(v);
};

describe('backward equations', () => {
  it('each cell has its lines in the order the engine runs them', () => {
    expect(backwardEquations('rnn').map((l) => l.key)).toEqual(['dh', 'pre_h', 'dhnext', 'dW']);
    expect(backwardEquations('lstm').map((l) => l.key)).toEqual([
      'dh',
      'pre_o',
      'dc',
      'pre_i',
      'pre_f',
      'pre_g',
      'dcnext',
      'dhnext',
      'dW',
    ]);
    expect(backwardEquations('gru').map((l) => l.key)).toEqual([
      'dh',
      'dn',
      'dz',
      'pre_n',
      'pre_r',
      'pre_z',
      'hh_n',
      'dhnext',
      'dW',
    ]);
  });

  it('every equation and every plugged line typesets with KaTeX', () => {
    for (const [cell, nl] of CASES) {
      for (const l of backwardEquations(cell, nl)) {
        expect(() => render(l.tex), `${cell} ${l.key}`).not.toThrow();
        expect(l.label.length).toBeGreaterThan(10);
        for (const next of [true, false]) {
          if (l.plug !== null) expect(() => render(l.plug!(values(next)))).not.toThrow();
        }
      }
    }
    for (const tex of Object.values(BPTT_SUMS)) expect(() => render(tex)).not.toThrow();
    expect(() => render(TEXTBOOK_BPTT.textbook)).not.toThrow();
    expect(() => render(TEXTBOOK_BPTT.correct)).not.toThrow();
  });

  it('a missing number is shown as a dash, not as a crash', () => {
    const v = values(true);
    const empty = { ...v, now: {}, back: { ...v.back, dc: null, dcFromNext: null, pre: {} } };
    for (const [cell, nl] of CASES)
      for (const l of backwardEquations(cell, nl))
        if (l.plug !== null) expect(() => render(l.plug!(empty))).not.toThrow();
  });

  it('dh: the output term plus the term from step t+1 is the engine’s total', () => {
    const v = values(true);
    const tex = plugged('lstm', 'dh', v);
    for (const x of [v.back.fromOutput, v.back.fromNext, v.back.dh]) expect(tex).toContain(num(x));
    expect(line('gru', 'dh').label).toContain('(p_t − e_{y*_t}) / T');
    expect(line('rnn', 'dh').tex).toContain('\\htmlClass{sym-dhnext}');
  });

  it('RNN: tanh uses 1 − h², ReLU the indicator of a > 0', () => {
    const v = values(true);
    const tanh = plugged('rnn', 'pre_h', v);
    expect(line('rnn', 'pre_h').tex).toContain('1 -');
    expect(tanh).toContain(num(v.now['h']));
    expect(tanh).toContain(num(v.back.pre['h']));

    const relu = line('rnn', 'pre_h', 'relu');
    expect(relu.tex).toContain('\\mathbf{1}[');
    expect(relu.tex).not.toContain('1 -');
    const reluPlug = relu.plug!(v);
    expect(reluPlug).toContain(`\\mathbf{1}[\\htmlClass{sym-a}{${num(v.now['a'])}} > 0]`);
    expect(reluPlug).not.toContain(num(v.now['h']));
    expect(reluPlug).toContain(num(v.back.pre['h']));
    expect(line('rnn', 'dhnext').plug).toBeNull();
  });

  it('LSTM: the plugged lines show the trace’s factors and the engine’s results', () => {
    const v = values(true);
    const dc = plugged('lstm', 'dc', v);
    for (const x of [v.back.dc!, v.back.dcFromNext!, v.back.dh, v.now['o']!, v.now['tanh_c']!])
      expect(dc).toContain(num(x));
    expect(dc).toContain(num(v.next!['f']));
    expect(plugged('lstm', 'dc', values(false))).toContain('\\text{last step}');

    const o = plugged('lstm', 'pre_o', v);
    for (const x of [v.back.dh, v.now['tanh_c']!, v.now['o']!, v.back.pre['o']!])
      expect(o).toContain(num(x));
    const i = plugged('lstm', 'pre_i', v);
    for (const x of [v.back.dc!, v.now['g']!, v.now['i']!, v.back.pre['i']!])
      expect(i).toContain(num(x));
    const f = plugged('lstm', 'pre_f', v);
    for (const x of [v.back.dc!, v.prev.c, v.now['f']!, v.back.pre['f']!])
      expect(f).toContain(num(x));
    const g = plugged('lstm', 'pre_g', v);
    for (const x of [v.back.dc!, v.now['i']!, v.now['g']!, v.back.pre['g']!])
      expect(g).toContain(num(x));
    const cnext = plugged('lstm', 'dcnext', v);
    for (const x of [v.now['f']!, v.back.dc!]) expect(cnext).toContain(num(x));
    expect(line('lstm', 'pre_i').tex).toContain('\\hat{\\imath}');
  });

  it('GRU: r_t ⊙ dn̂ on the hidden side, u_t in the reset gate, the z path to t − 1', () => {
    const v = values(true);
    const hh = line('gru', 'hh_n');
    expect(hh.tex).toContain('\\htmlClass{sym-r}{r_t} \\odot \\mathrm{d}\\hat{n}_t');
    const hhPlug = plugged('gru', 'hh_n', v);
    for (const x of [v.now['r']!, v.back.pre['n']!, v.back.preHh['n']!])
      expect(hhPlug).toContain(num(x));

    const r = plugged('gru', 'pre_r', v);
    for (const x of [v.back.pre['n']!, v.now['u']!, v.now['r']!, v.back.pre['r']!])
      expect(r).toContain(num(x));
    const z = plugged('gru', 'pre_z', v);
    for (const x of [v.back.dh, v.prev.h, v.now['n']!, v.now['z']!, v.back.pre['z']!])
      expect(z).toContain(num(x));
    const n = plugged('gru', 'pre_n', v);
    for (const x of [v.back.dh, v.now['z']!, v.now['n']!, v.back.pre['n']!])
      expect(n).toContain(num(x));

    const dh = plugged('gru', 'dh', v);
    for (const x of [v.back.fromNext, v.back.fromNextDirect!, v.next!['z']!, v.back.dh])
      expect(dh).toContain(num(x));
    expect(plugged('gru', 'dh', values(false))).toContain('\\text{last step}');

    const next = line('gru', 'dhnext');
    expect(next.tex).toContain('\\htmlClass{sym-z}{z_t} \\odot \\htmlClass{sym-dh}');
    expect(next.tex).toContain('W_{hh}^\\top');
    const nextPlug = plugged('gru', 'dhnext', v);
    for (const x of [v.now['z']!, v.back.dh]) expect(nextPlug).toContain(num(x));
  });

  it('the sums over time and the boundary for each cell', () => {
    expect(BPTT_SUMS.rnn).toContain('\\mathrm{d}a_t\\, h_{t-1}^\\top');
    expect(BPTT_SUMS.gru).toContain('g^{hh}_t\\, h_{t-1}^\\top');
    expect(BPTT_SUMS.gru).toContain('\\mathrm{d}b_{ih} = \\textstyle\\sum_{t=1}^{T} g^{ih}_t');
    for (const tex of Object.values(BPTT_SUMS)) expect(tex).toContain('h_T^{\\text{next}} = 0');
    expect(BPTT_SUMS.lstm).toContain('c_T^{\\text{next}} = 0');
  });

  it('the textbook formula: the shape error and the derivative at the wrong place', () => {
    const whats = TEXTBOOK_BPTT.problems.map((p) => p.what);
    expect(whats.some((w) => w.startsWith('Shape error'))).toBe(true);
    expect(whats.some((w) => w.startsWith('Derivative at the wrong place'))).toBe(true);
    const shape = TEXTBOOK_BPTT.problems.find((p) => p.what.startsWith('Shape error'))!;
    expect(shape.why).toContain('W_hyᵀ');
    expect(TEXTBOOK_BPTT.textbook).toContain("\\sigma'(h_t)");
    expect(TEXTBOOK_BPTT.correct).toContain('W_{hy}^\\top');
    expect(TEXTBOOK_BPTT.correct).toContain('\\delta_{T+1} = 0');
  });
});
