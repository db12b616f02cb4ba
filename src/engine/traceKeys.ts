// The names of every intermediate a cell's step cache exposes to the views (Cell.named), as in the
// equations (docs/equations.md §2–§3). Views, equation panels and tests index the trace with these
// typed keys, so a misspelt key is a compile error. A new cell adds its list here.

/** Gate blocks of each cell in PyTorch's row order of weight_ih and weight_hh. */
export const RNN_GATES = ['h'] as const;
export const LSTM_GATES = ['i', 'f', 'g', 'o'] as const;
export const GRU_GATES = ['r', 'z', 'n'] as const;

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
export type TraceKey = TraceKeys[keyof TraceKeys];

/** One step of one stream, every intermediate under its trace key (Cell.named, trace.ts). */
export type NamedStep = { [K in TraceKey]?: Float64Array };
