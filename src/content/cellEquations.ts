// The equations of each cell in the form the engine runs (PyTorch's), as data. Each line is keyed
// by the engine's trace name of the quantity it defines, and can be shown with the numbers of one
// hidden unit plugged in: every number comes from the trace, nothing is recomputed here.
// Linked symbols are wrapped in \htmlClass{sym-KEY}{…} so hover can join equation and diagram.

import type { CellKind } from '../engine/cell.ts';

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

/** A number for TeX: 3 decimals, negatives in parentheses so "+ (−0.2)" reads right. */
export function num(v: number | undefined): string {
  if (v === undefined || Number.isNaN(v)) return '\\text{–}';
  const s = Math.abs(v) >= 1e4 ? v.toExponential(2) : v.toFixed(3);
  return v < 0 ? `(${s})` : s;
}

const sym = (key: string, body: string) => `\\htmlClass{sym-${key}}{${body}}`;
const at = (name: string) => `${name}_t[j]`;

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
    plug: ({ now }) => `${sym(key, at(name))} = ${f}(${num(now[`${key}_pre`])}) = ${num(now[key])}`,
  };
}

const LSTM: EquationLine[] = [
  gate('i', 'i', 'sigma', 'input gate: how much of the candidate to write', 'i'),
  gate('f', 'f', 'sigma', 'forget gate: how much of the old cell state to keep', 'f'),
  gate('g', 'g', 'tanh', 'candidate values to write into the cell', 'g'),
  gate('o', 'o', 'sigma', 'output gate: how much of the cell to show as h', 'o'),
  {
    key: 'c',
    label: 'cell state: keep part of the old, add part of the new',
    tex: `${sym('c', 'c_t')} = ${sym('f', 'f_t')} \\odot ${sym('cprev', 'c_{t-1}')} + ${sym('i', 'i_t')} \\odot ${sym('g', 'g_t')}`,
    plug: ({ now, prev }) =>
      `${sym('c', at('c'))} = ${num(now['f'])} \\cdot ${num(prev.c)} + ${num(now['i'])} \\cdot ${num(now['g'])} = ${num(now['c'])}`,
  },
  {
    key: 'h',
    label: 'hidden state: the gated read-out of the cell',
    tex: `${sym('h', 'h_t')} = ${sym('o', 'o_t')} \\odot \\tanh(${sym('c', 'c_t')})`,
    plug: ({ now }) =>
      `${sym('h', at('h'))} = ${num(now['o'])} \\cdot \\tanh(${num(now['c'])}) = ${num(now['o'])} \\cdot ${num(now['tanh_c'])} = ${num(now['h'])}`,
  },
];

const GRU: EquationLine[] = [
  gate('r', 'r', 'sigma', 'reset gate: how much of W_hn h reaches the candidate', 'r'),
  gate('z', 'z', 'sigma', 'update gate: z → 1 keeps the old state, z → 0 takes the candidate', 'z'),
  {
    key: 'n',
    label: 'candidate state (PyTorch applies r after the product W_hn h)',
    tex: `${sym('n', 'n_t')} = \\tanh\\big(W_{in}x_t + b_{in} + ${sym('r', 'r_t')} \\odot (W_{hn}${sym('hprev', 'h_{t-1}')} + b_{hn})\\big)`,
    plug: ({ now }) =>
      `${sym('n', at('n'))} = \\tanh(${num(now['n_ih'])} + ${num(now['r'])} \\cdot ${num(now['u'])}) = ${num(now['n'])}`,
  },
  {
    key: 'h',
    label: 'new state: a blend of the candidate and the old state',
    tex: `${sym('h', 'h_t')} = (1 - ${sym('z', 'z_t')}) \\odot ${sym('n', 'n_t')} + ${sym('z', 'z_t')} \\odot ${sym('hprev', 'h_{t-1}')}`,
    plug: ({ now, prev }) =>
      `${sym('h', at('h'))} = (1 - ${num(now['z'])}) \\cdot ${num(now['n'])} + ${num(now['z'])} \\cdot ${num(prev.h)} = ${num(now['h'])}`,
  },
];

function rnn(nonlinearity: 'tanh' | 'relu'): EquationLine[] {
  const f = nonlinearity === 'tanh' ? '\\tanh' : '\\operatorname{ReLU}';
  return [
    {
      key: 'a',
      label: 'pre-activation: input and previous state, each through its own weights and bias',
      tex: `${sym('a', 'a_t')} = W_{ih}x_t + b_{ih} + W_{hh}${sym('hprev', 'h_{t-1}')} + b_{hh}`,
      plug: ({ now }) =>
        `${sym('a', at('a'))} = ${num(now['a_ih'])} + ${num(now['ah'])} = ${num(now['a'])}`,
    },
    {
      key: 'h',
      label: 'hidden state',
      tex: `${sym('h', 'h_t')} = ${f}(${sym('a', 'a_t')})`,
      plug: ({ now }) => `${sym('h', at('h'))} = ${f}(${num(now['a'])}) = ${num(now['h'])}`,
    },
  ];
}

export function cellEquations(
  cell: CellKind,
  nonlinearity: 'tanh' | 'relu' = 'tanh',
): EquationLine[] {
  return cell === 'lstm' ? LSTM : cell === 'gru' ? GRU : rnn(nonlinearity);
}

/** The output head and the loss, shared by every cell. */
export const OUTPUT_EQUATIONS = {
  logits: String.raw`y_t = W_{hy}\,${sym('h', 'h_t')} + b_y`,
  softmax: String.raw`p_t = \operatorname{softmax}(y_t),\quad p_{t,k} = \frac{e^{y_{t,k}}}{\sum_{m} e^{y_{t,m}}}`,
  loss: String.raw`\ell_t = -\log p_t[y^*_t]`,
  plugLoss: (p: number, loss: number) => String.raw`\ell_t = -\log ${num(p)} = ${num(loss)}`,
};

/** Names shown for each trace key in the diagram and its legend. */
export const GATE_NAMES: Record<string, string> = {
  i: 'input gate i',
  f: 'forget gate f',
  g: 'candidate g',
  o: 'output gate o',
  c: 'cell state c',
  h: 'hidden state h',
  r: 'reset gate r',
  z: 'update gate z',
  n: 'candidate n',
  a: 'pre-activation a',
};

/** Which trace keys a cell's diagram shows as heat strips, in order. */
export function gateKeys(cell: CellKind): string[] {
  return cell === 'lstm'
    ? ['i', 'f', 'g', 'o', 'c', 'h']
    : cell === 'gru'
      ? ['r', 'z', 'n', 'h']
      : ['a', 'h'];
}
