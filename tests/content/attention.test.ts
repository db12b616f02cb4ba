import katex, { type KatexOptions } from 'katex';
import { describe, expect, it } from 'vitest';
import {
  attentionEquations,
  attentionLiveEquations,
  attentionParameters,
  escapeTexText,
  texChar,
  type AttentionStepNumbers,
} from '../../src/content/attention';
import { num } from '../../src/content/backwardEquations';
import { LOCALES } from '../../src/content/i18n';
import { MESSAGES } from '../../src/content/i18n/all';
import { CELL_INFO, CELL_KINDS } from '../../src/engine/cell';
import { createRng } from '../../src/engine/rng';
import {
  ATTENTION_KINDS,
  allocateSeq2Seq,
  createSeq2Seq,
  seq2seqTensors,
  type AttentionKind,
  type Seq2SeqConfig,
} from '../../src/engine/seq2seq/model';
import { decodeGreedy } from '../../src/engine/seq2seq/network';
import { SEQ2SEQ_TASKS } from '../../src/engine/seq2seq/tasks';

// The options of src/viz/Equation.tsx, but throwing: strict LaTeX except \htmlClass, the one
// trusted command (as tests/content/backwardEquations.test.ts).
const OPTIONS: KatexOptions = {
  throwOnError: true,
  strict: (errorCode) => (errorCode === 'htmlExtension' ? 'ignore' : 'error'),
  output: 'htmlAndMathml',
  trust: (context) => context.command === '\\htmlClass',
};
const render = (tex: string) => katex.renderToString(tex, { ...OPTIONS, displayMode: true });
/** The text KaTeX shows (the TeX source annotation and the tags left out). */
const shown = (tex: string) =>
  render(tex)
    .replace(/<annotation[^>]*>.*?<\/annotation>/s, '')
    .replace(/<[^>]+>/g, '');

const BOTH = [false, true] as const;
const config = (attention: AttentionKind, bidirectional: boolean): Seq2SeqConfig => ({
  cell: 'gru',
  hiddenSize: 4,
  bidirectional,
  attention,
  attentionSize: 3,
  inputSize: 5,
  outputSize: 6,
});
const valid = (kind: AttentionKind, bi: boolean) => !(kind === 'dot' && bi);

describe('attention content', () => {
  it('has a label and a note for every attention kind and task the engine lists, in every language', () => {
    for (const locale of LOCALES) {
      const { kinds, tasks } = MESSAGES[locale].attention;
      expect(Object.keys(kinds).sort()).toEqual([...ATTENTION_KINDS].sort());
      expect(Object.keys(tasks).sort()).toEqual([...SEQ2SEQ_TASKS].sort());
      for (const k of ATTENTION_KINDS) {
        expect(kinds[k].label.length).toBeGreaterThan(1);
        expect(kinds[k].note.length).toBeGreaterThan(20);
      }
      for (const k of SEQ2SEQ_TASKS) expect(tasks[k].note.length).toBeGreaterThan(20);
    }
    const en = MESSAGES.en.attention;
    for (const k of ATTENTION_KINDS) expect(en.kinds[k].note).toMatch(/^[A-Z].{30,}\.$/);
    expect(en.kinds.additive.label).toContain('Bahdanau');
    expect(MESSAGES['zh-CN'].attention.kinds.general.label).toContain('Luong');
    expect(en.intro).toContain('fixed-size');
    expect(en.bottleneck).toContain('without attention');
  });

  it('every equation of every kind, cell and encoder typesets with strict KaTeX', () => {
    for (const kind of ATTENTION_KINDS)
      for (const cell of CELL_KINDS)
        for (const bi of BOTH) {
          const lines = attentionEquations(kind, cell, bi);
          // The panels key the lines by their labels.
          expect(new Set(lines.map((l) => l.label)).size).toBe(lines.length);
          for (const line of lines) {
            expect(() => render(line.tex), `${kind} ${cell} ${bi} ${line.key}`).not.toThrow();
            expect(line.label.length).toBeGreaterThan(10);
          }
        }
    expect(() => render('\\texttt{\\undefinedcommand}')).toThrow(); // the check can fail
  });

  it('runs the lines in the engine’s order: additive attends before the step, Luong after', () => {
    const keys = (k: AttentionKind) => attentionEquations(k, 'gru', false).map((l) => l.key);
    expect(keys('none')).toEqual(['encoder', 's0', 'decoder', 'p']);
    expect(keys('additive')).toEqual(['encoder', 's0', 'e', 'alpha', 'ctx', 'decoder', 'p']);
    for (const k of ['general', 'dot'] as const)
      expect(keys(k)).toEqual(['encoder', 's0', 'decoder', 'e', 'alpha', 'ctx', 'ht', 'p']);
  });

  it('writes what each decoder step reads and what the output layer reads', () => {
    const tex = (k: AttentionKind, key: string, cell: 'rnn' | 'lstm' | 'gru' = 'gru', bi = false) =>
      attentionEquations(k, cell, bi).find((l) => l.key === key)?.tex ?? '';
    for (const cell of CELL_KINDS)
      expect(tex('additive', 'decoder', cell)).toBe(
        `s_t = \\mathrm{${CELL_INFO[cell].label}}(s_{t-1}, [y_{t-1}; c_t])`,
      );
    expect(tex('none', 'decoder')).toBe('s_t = \\mathrm{GRU}(s_{t-1}, y_{t-1})');
    expect(tex('general', 'decoder')).toContain('[y_{t-1}; \\tilde{h}_{t-1}]');
    expect(tex('additive', 'e')).toContain('v_a^\\top \\tanh(W_a s_{t-1} + U_a h_{s})');
    expect(tex('general', 'e')).toContain('= s_{t}^\\top W_a h_{s}');
    expect(tex('dot', 'e')).toContain('= s_{t}^\\top h_{s}');
    expect(tex('dot', 'ht')).toContain('\\tanh(W_c [c_t; s_t])');
    expect(tex('none', 'p')).toContain('W_o s_t + b_o');
    expect(tex('additive', 'p')).toContain('W_o [s_t; c_t] + b_o');
    expect(tex('dot', 'p')).toContain('W_o \\tilde{h}_t + b_o');
    expect(tex('none', 's0')).toBe('s_0 = h_S');
    expect(tex('none', 's0', 'lstm', true)).toBe(
      's_0 = \\tanh(W_b [\\overrightarrow{h}_S; \\overleftarrow{h}_1] + b_b)',
    );
    expect(tex('additive', 'encoder', 'gru', true)).toContain(
      '= [\\overrightarrow{h}_s; \\overleftarrow{h}_s]',
    );
    const dotBi = attentionEquations('dot', 'gru', true).find((l) => l.key === 'e');
    expect(dotBi?.label).toContain('one-way');
  });

  it('names exactly the model’s parameters, and every symbol appears in an equation', () => {
    for (const kind of ATTENTION_KINDS)
      for (const bi of BOTH) {
        if (!valid(kind, bi)) continue;
        const names = attentionParameters(kind, bi).map((p) => p.name);
        const model = allocateSeq2Seq(config(kind, bi));
        const tensors = seq2seqTensors(model)
          .map((t) => t.name)
          .filter((n) => !n.startsWith('encoder.') && !n.startsWith('decoder.'));
        expect(names.sort()).toEqual(tensors.sort());
        const all = attentionEquations(kind, 'gru', bi)
          .map((l) => l.tex)
          .join(' ');
        for (const p of attentionParameters(kind, bi)) expect(all).toContain(p.tex);
      }
  });

  it('plugs the engine’s numbers into the live lines; α is exp(e − max) / Σ', () => {
    for (const kind of ATTENTION_KINDS.filter((k) => k !== 'none')) {
      const m = createSeq2Seq(config(kind, false), createRng(7));
      const run = decodeGreedy(m, Int32Array.of(1, 4, 2, 3, 0), 3);
      const step = run.steps[1]!;
      const e = [...step.e!];
      const eMax = Math.max(...e);
      const sumExp = e.reduce((a, v) => a + Math.exp(v - eMax), 0);
      const s = 2;
      const n: AttentionStepNumbers = {
        t: 2,
        s: s + 1,
        inputChar: '_',
        written: 'q',
        e: e[s]!,
        eMax,
        sumExp,
        alpha: step.alpha![s]!,
        S: e.length,
        contextNorm: Math.hypot(...step.ctx!),
        pWritten: Math.max(...step.p),
      };
      const lines = attentionLiveEquations(kind, n);
      expect(lines.map((l) => l.key)).toEqual(['e', 'alpha', 'ctx', 'p']);
      for (const l of lines) expect(() => render(l.tex), `${kind} ${l.key}`).not.toThrow();
      const all = lines.map((l) => l.tex).join(' ');
      for (const v of [n.e, n.eMax, n.sumExp, n.alpha, n.contextNorm, n.pWritten])
        expect(all).toContain(num(v));
      expect(all).toContain('\\texttt{\\_}');
      expect(all).toContain('p_{2}[\\texttt{q}]');
      expect(all).toContain('\\sum_{s=1}^{5}');
      expect(lines[0]!.tex).toContain(kind === 'additive' ? 'W_a s_{1}' : 's_{2}^\\top');
      const alphaTex = lines[1]!.tex;
      const written = /= ([^=]+)$/.exec(alphaTex)![1]!;
      expect(written).toBe(num(Math.exp(n.e - eMax) / sumExp));
      expect(Number(written)).toBeCloseTo(step.alpha![s]!, 2);
      expect(alphaTex).toContain(`\\exp(${num(n.e)} - `);
    }
    const none = attentionLiveEquations('none', { ...sample, written: '' });
    expect(none.map((l) => l.key)).toEqual(['p']);
    expect(none[0]!.tex).toContain('\\langle\\text{end}\\rangle');
    expect(attentionLiveEquations('dot', { ...sample, written: '⏎' })[3]!.tex).toContain(
      '\\hat{y}_{3} = \\langle\\text{end}\\rangle',
    );
    expect(() => render(none[0]!.tex)).not.toThrow();
  });

  it('a negative maximum score is put in parentheses', () => {
    const alpha = attentionLiveEquations('dot', { ...sample, e: -2.5, eMax: -0.75 })[1]!.tex;
    expect(alpha).toContain('\\exp(-2.5 - (-0.75))');
  });

  it('escapes every TeX special and keeps letters and digits', () => {
    const cases: [string, string][] = [
      ['{', '\\{'],
      ['}', '\\}'],
      ['\\', '\\textbackslash{}'],
      ['#', '\\#'],
      ['$', '\\$'],
      ['%', '\\%'],
      ['&', '\\&'],
      ['_', '\\_'],
      ['^', '\\textasciicircum{}'],
      ['~', '\\textasciitilde{}'],
      [' ', '{\\char"2423}'],
      ['é', 'U+00E9'],
      ['→', 'U+2192'],
      ['\n', 'U+000A'],
      ['aZ09+-/.,', 'aZ09+-/.,'],
      ['a b', 'a{\\char"2423}b'],
    ];
    for (const [ch, want] of cases) {
      expect(escapeTexText(ch), JSON.stringify(ch)).toBe(want);
      expect(() => render(texChar(ch)), JSON.stringify(ch)).not.toThrow();
    }
    // Unescaped, the specials break the TeX, or (~) turn into a space.
    for (const ch of ['{', '\\', '#', '$', '%', '&', '_', '^'])
      expect(() => render(`\\texttt{${ch}}`), ch).toThrow();
    expect(shown('\\texttt{~}')).not.toContain('~');
    expect(shown(texChar('~'))).toContain('~');
    expect(shown(texChar(' '))).toContain('␣');
    let ascii = '';
    for (let c = 32; c < 127; c++) ascii += String.fromCharCode(c);
    expect(() => render(texChar(ascii))).not.toThrow();
    expect(texChar('ab')).toBe('\\texttt{ab}');
  });
});

const sample: AttentionStepNumbers = {
  t: 3,
  s: 2,
  inputChar: 'b',
  written: 'c',
  e: 0.412,
  eMax: 1.93,
  sumExp: 3.17,
  alpha: Math.exp(0.412 - 1.93) / 3.17,
  S: 5,
  contextNorm: 1.234,
  pWritten: 0.912,
};
