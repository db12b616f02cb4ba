// The cell registry: every cell kind once, with what the rest of the app needs to know about it —
// its label, gate blocks in PyTorch's row order, whether it carries a cell state, the PyTorch
// module it matches, the trace keys its step cache names (docs/equations.md §2–§3) and a factory.
// A new cell is its own file, one entry here and its equations text in src/content/.

import { CELL_KINDS, type Cell, type CellKind, type Nonlinearity } from './cell.ts';
import { createGruCell } from './gru.ts';
import { createLstmCell } from './lstm.ts';
import { createRnnCell } from './rnn.ts';

export interface CellSpec {
  readonly kind: CellKind;
  /** How menus and text name it. */
  readonly label: string;
  /** The torch.nn module with the same equations, gate order and parameter names. */
  readonly pytorchModule: 'RNN' | 'LSTM' | 'GRU';
  /** Gate blocks in PyTorch's row order of weight_ih / weight_hh (G = gateNames.length). */
  readonly gateNames: readonly string[];
  readonly hasCellState: boolean;
  /** The gate that a "gate bias" setting initialises (LSTM f, GRU z), as a block index. */
  readonly biasGate: number | null;
  /** Every key of the cell's named trace record (Cell.named), as in the equations. */
  readonly traceKeys: readonly string[];
  /** Whether the nonlinearity setting applies (PyTorch's nn.RNN only). */
  readonly usesNonlinearity: boolean;
  create(nonlinearity: Nonlinearity): Cell;
}

export const RNN_TRACE_KEYS = ['a', 'a_ih', 'ah', 'h'] as const;
export const LSTM_TRACE_KEYS = [
  'i_pre',
  'i',
  'f_pre',
  'f',
  'g_pre',
  'g',
  'o_pre',
  'o',
  'c',
  'tanh_c',
  'h',
  // Added by the trace (trace.ts): the two terms of c_t = f ⊙ c_{t−1} + i ⊙ g.
  'fc',
  'ig',
] as const;
export const GRU_TRACE_KEYS = [
  'r',
  'r_ih',
  'r_hh',
  'z',
  'z_ih',
  'z_hh',
  'n',
  'n_ih',
  'n_hh',
  'r_pre',
  'z_pre',
  'u',
  'n_pre',
  'h',
] as const;

/** The keys of each kind's named trace record. */
export interface TraceKeys {
  rnn: (typeof RNN_TRACE_KEYS)[number];
  lstm: (typeof LSTM_TRACE_KEYS)[number];
  gru: (typeof GRU_TRACE_KEYS)[number];
}
/** A trace key of any cell. */
export type TraceKey = TraceKeys[CellKind];

export const CELLS: { readonly [K in CellKind]: CellSpec & { readonly kind: K } } = {
  rnn: {
    kind: 'rnn',
    label: 'RNN',
    pytorchModule: 'RNN',
    gateNames: ['h'],
    hasCellState: false,
    biasGate: null,
    traceKeys: RNN_TRACE_KEYS,
    usesNonlinearity: true,
    create: (nonlinearity) => createRnnCell(nonlinearity) as Cell,
  },
  lstm: {
    kind: 'lstm',
    label: 'LSTM',
    pytorchModule: 'LSTM',
    gateNames: ['i', 'f', 'g', 'o'],
    hasCellState: true,
    biasGate: 1,
    traceKeys: LSTM_TRACE_KEYS,
    usesNonlinearity: false,
    create: () => createLstmCell() as unknown as Cell,
  },
  gru: {
    kind: 'gru',
    label: 'GRU',
    pytorchModule: 'GRU',
    gateNames: ['r', 'z', 'n'],
    hasCellState: false,
    biasGate: 1,
    traceKeys: GRU_TRACE_KEYS,
    usesNonlinearity: false,
    create: () => createGruCell() as unknown as Cell,
  },
};

/** The registry entries in menu order. */
export const CELL_SPECS: readonly CellSpec[] = CELL_KINDS.map((k) => CELLS[k]);

/** Gate blocks G of a cell kind: 1 (RNN), 4 (LSTM), 3 (GRU). */
export function gateCount(cell: CellKind): number {
  return CELLS[cell].gateNames.length;
}
