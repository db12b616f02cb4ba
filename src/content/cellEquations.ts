// The equations of each cell in the form the engine runs (PyTorch's), as data. Each line is keyed
// by the engine's trace name of the quantity it defines, and can be shown with the numbers of one
// hidden unit plugged in: every number comes from the trace, nothing is recomputed here.
// Linked symbols are wrapped in \htmlClass{sym-KEY}{…} so hover can join equation and diagram.

import type { CellKind } from '../engine/cell.ts';
import type { TraceKey } from '../engine/traceKeys.ts';
import { formatValue } from './format';
import type { ParseKeys } from 'i18next';
import type { Locale } from './i18n';
import { i18n } from './i18n/instance';

/** The words of a locale (the lines' labels are the messages' `forward.equations.labels`). */
type Words = (key: ParseKeys) => string;
const wordsOf = (locale: Locale) => i18n.getFixedT(locale) as unknown as Words;

/** Trace values of one hidden unit j: `now` at step t, `prev` the state before it (h, c). */
export interface UnitValues {
  readonly now: Readonly<Record<string, number>>;
  readonly prev: { readonly h: number; readonly c: number };
}

export interface EquationLine {
  /** Trace name of the quantity the line defines ('i', 'f', 'c', 'h', …). */
  readonly key: string;
  /** What the line computes, in words (for tooltips and screen readers). */
  readonly label: string;
  /** The general equation. */
  readonly tex: string;
  /** The same line for unit j with the trace's numbers. */
  readonly plug: (v: UnitValues) => string;
}

/** A number for TeX, written as everywhere in the view (`formatValue`: 3 decimals). */
export function num(v: number | undefined): string {
  if (v === undefined || Number.isNaN(v)) return '\\text{--}';
  return formatValue(v).replace('∞', '\\infty');
}

/** A number that follows an operator: negatives in parentheses so "+ (-0.2)" reads right. */
export function term(v: number | undefined): string {
  const s = num(v);
  return s.startsWith('-') ? `(${s})` : s;
}

const sym = (key: string, body: string) => `\\htmlClass{sym-${key}}{${body}}`;
const at = (name: string) => `${name}_t[j]`;
/** A plugged number linked to its symbol (hovering it highlights the chart element). */
const val = (key: string, v: number | undefined, after = false) =>
  sym(key, after ? term(v) : num(v));

function gate(
  key: string,
  name: string,
  act: 'sigma' | 'tanh',
  label: string,
  w: string,
): EquationLine {
  const f = act === 'sigma' ? '\\sigma' : '\\tanh';
  return {
    key,
    label,
    tex: `${sym(key, `${name}_t`)} = ${f}(W_{i${w}}x_t + b_{i${w}} + W_{h${w}}${sym('hprev', 'h_{t-1}')} + b_{h${w}})`,
    plug: ({ now }) =>
      `${sym(key, at(name))} = ${f}(${num(now[`${key}_pre`])}) = ${val(key, now[key])}`,
  };
}

const LSTM = (t: Words): EquationLine[] => [
  gate('i', 'i', 'sigma', t('forward.equations.labels.lstmI'), 'i'),
  gate('f', 'f', 'sigma', t('forward.equations.labels.lstmF'), 'f'),
  gate('g', 'g', 'tanh', t('forward.equations.labels.lstmG'), 'g'),
  gate('o', 'o', 'sigma', t('forward.equations.labels.lstmO'), 'o'),
  {
    key: 'c',
    label: t('forward.equations.labels.lstmC'),
    tex: `${sym('c', 'c_t')} = ${sym('f', 'f_t')} \\odot ${sym('cprev', 'c_{t-1}')} + ${sym('i', 'i_t')} \\odot ${sym('g', 'g_t')}`,
    plug: ({ now, prev }) =>
      `${sym('c', at('c'))} = ${val('f', now['f'])} \\cdot ${val('cprev', prev.c, true)} + ${val('i', now['i'], true)} \\cdot ${val('g', now['g'], true)} = ${val('c', now['c'])}`,
  },
  {
    key: 'h',
    label: t('forward.equations.labels.lstmH'),
    tex: `${sym('h', 'h_t')} = ${sym('o', 'o_t')} \\odot \\tanh(${sym('c', 'c_t')})`,
    plug: ({ now }) =>
      `${sym('h', at('h'))} = ${val('o', now['o'])} \\cdot \\tanh(${val('c', now['c'])}) = ${val('o', now['o'])} \\cdot ${term(now['tanh_c'])} = ${val('h', now['h'])}`,
  },
];

const GRU = (t: Words): EquationLine[] => [
  gate('r', 'r', 'sigma', t('forward.equations.labels.gruR'), 'r'),
  gate('z', 'z', 'sigma', t('forward.equations.labels.gruZ'), 'z'),
  {
    key: 'n',
    label: t('forward.equations.labels.gruN'),
    tex: `${sym('n', 'n_t')} = \\tanh\\big(W_{in}x_t + b_{in} + ${sym('r', 'r_t')} \\odot (W_{hn}${sym('hprev', 'h_{t-1}')} + b_{hn})\\big)`,
    plug: ({ now }) =>
      `${sym('n', at('n'))} = \\tanh(${num(now['n_ih'])} + ${val('r', now['r'], true)} \\cdot ${term(now['u'])}) = ${val('n', now['n'])}`,
  },
  {
    key: 'h',
    label: t('forward.equations.labels.gruH'),
    tex: `${sym('h', 'h_t')} = (1 - ${sym('z', 'z_t')}) \\odot ${sym('n', 'n_t')} + ${sym('z', 'z_t')} \\odot ${sym('hprev', 'h_{t-1}')}`,
    plug: ({ now, prev }) =>
      `${sym('h', at('h'))} = (1 - ${val('z', now['z'], true)}) \\cdot ${val('n', now['n'], true)} + ${val('z', now['z'], true)} \\cdot ${val('hprev', prev.h, true)} = ${val('h', now['h'])}`,
  },
];

function rnn(t: Words, nonlinearity: 'tanh' | 'relu'): EquationLine[] {
  const f = nonlinearity === 'tanh' ? '\\tanh' : '\\operatorname{ReLU}';
  return [
    {
      key: 'a',
      label: t('forward.equations.labels.rnnA'),
      tex: `${sym('a', 'a_t')} = W_{ih}x_t + b_{ih} + W_{hh}${sym('hprev', 'h_{t-1}')} + b_{hh}`,
      // a_ih (W_ih x_t + b_ih) is a newer trace key; without it that term stays symbolic.
      plug: ({ now }) =>
        `${sym('a', at('a'))} = ${now['a_ih'] === undefined ? '(W_{ih}x_t + b_{ih})[j]' : num(now['a_ih'])} + ${term(now['ah'])} = ${val('a', now['a'])}`,
    },
    {
      key: 'h',
      label: t('forward.equations.labels.rnnH'),
      tex: `${sym('h', 'h_t')} = ${f}(${sym('a', 'a_t')})`,
      plug: ({ now }) =>
        `${sym('h', at('h'))} = ${f}(${val('a', now['a'])}) = ${val('h', now['h'])}`,
    },
  ];
}

/** Each cell's equations (a new cell adds its own; the compiler asks for it). */
const EQUATIONS: Record<CellKind, (t: Words, nonlinearity: 'tanh' | 'relu') => EquationLine[]> = {
  rnn,
  lstm: LSTM,
  gru: GRU,
};

/** A cell's equations, their labels in `locale`. */
export function cellEquations(
  cell: CellKind,
  nonlinearity: 'tanh' | 'relu' = 'tanh',
  locale: Locale = 'en',
): EquationLine[] {
  return EQUATIONS[cell](wordsOf(locale), nonlinearity);
}

/** The output head and the loss, shared by every cell. */
export const OUTPUT_EQUATIONS = {
  logits: String.raw`y_t = W_{hy}\,${sym('h', 'h_t')} + b_y`,
  softmax: String.raw`p_t = \operatorname{softmax}(y_t),\quad p_{t,k} = \frac{e^{y_{t,k}}}{\sum_{m} e^{y_{t,m}}}`,
  loss: String.raw`\ell_t = -\ln p_t[y^*_t]`,
  plugLoss: (p: number, loss: number) => String.raw`\ell_t = -\ln ${num(p)} = ${num(loss)}`,
};

/** Which trace keys each cell's diagram shows as heat strips, in order. */
const STRIP_KEYS: Record<CellKind, readonly TraceKey[]> = {
  rnn: ['a', 'h'],
  lstm: ['i', 'f', 'g', 'o', 'c', 'h'],
  gru: ['r', 'z', 'n', 'h'],
};

export function gateKeys(cell: CellKind): readonly TraceKey[] {
  return STRIP_KEYS[cell];
}

const RIGHT = String.raw`\overrightarrow{h}`;
const LEFT = String.raw`\overleftarrow{h}`;

/** A bidirectional layer and the head over both of its directions (docs/beyond-characters.md). */
export const BIDIRECTIONAL_TEX = {
  logits: String.raw`y_t = W_{hy}\,[${RIGHT}_t;\ ${LEFT}_t] + b_y`,
  general: [
    String.raw`${sym('h', `${RIGHT}_t`)} = \operatorname{cell}(x_t,\ ${sym('hprev', `${RIGHT}_{t-1}`)})`,
    String.raw`${sym('h', `${LEFT}_t`)} = \operatorname{cell}(x_t,\ ${sym('hprev', `${LEFT}_{t+1}`)})`,
    String.raw`y_t = W_{hy}\,[${RIGHT}_t;\ ${LEFT}_t] + b_y`,
    String.raw`${sym('p', 'p_t')} = \operatorname{softmax}(y_t)`,
  ],
  /** The same lines for unit j: the states before and after, the logits, the probabilities. */
  plug: (v: {
    fwd: number | undefined;
    fwdPrev: number | undefined;
    back: number | undefined;
    backNext: number | undefined;
    y: readonly number[];
    p: readonly number[];
    tag: string;
  }): string[] => [
    String.raw`${sym('h', `${RIGHT}_t[j]`)} = \operatorname{cell}(x_t,\ ${val('hprev', v.fwdPrev)}) = ${val('h', v.fwd)}`,
    String.raw`${sym('h', `${LEFT}_t[j]`)} = \operatorname{cell}(x_t,\ ${val('hprev', v.backNext)}) = ${val('h', v.back)}`,
    String.raw`y_t = (${v.y.map((x) => num(x)).join(',\\ ')})`,
    String.raw`${sym('p', 'p_t')} = \operatorname{softmax}(y_t) = (${v.p.map((x) => num(x)).join(',\\ ')}) \;\Rightarrow\; \text{${v.tag}}`,
  ],
};
