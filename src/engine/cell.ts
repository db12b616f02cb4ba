// The one interface every recurrent cell implements (rnn.ts, lstm.ts, gru.ts). A cell does one
// timestep for B streams at once: forward returns the new state and a cache of every intermediate,
// backward turns dL/dh_t (and dL/dc_t) into dL/dh_{t-1}, dL/dx_t and parameter gradients.
// The time loop (bptt.ts) only moves states and gradients between steps; it knows nothing of gates.

import {
  GRU_GATES,
  GRU_TRACE_KEYS,
  LSTM_GATES,
  RNN_GATES,
  LSTM_TRACE_KEYS,
  RNN_TRACE_KEYS,
  type NamedStep,
  type TraceKey,
} from './traceKeys.ts';
import type { Compute } from './kernels.ts';

/** Every cell kind, in the order menus list them (the registry in cells.ts describes each). */
export const CELL_KINDS = ['rnn', 'lstm', 'gru'] as const;
export type CellKind = (typeof CELL_KINDS)[number];

export function isCellKind(v: unknown): v is CellKind {
  return typeof v === 'string' && (CELL_KINDS as readonly string[]).includes(v);
}

/** What the app knows about a kind of cell, as plain data (the factories are in cells.ts). */
export interface CellInfo {
  readonly kind: CellKind;
  /** How menus and text name it. */
  readonly label: string;
  /** The torch.nn module with the same equations, gate order and parameter names. */
  readonly pytorchModule: 'RNN' | 'LSTM' | 'GRU';
  /** Gate blocks in PyTorch's row order of weight_ih / weight_hh (G = gateNames.length). */
  readonly gateNames: readonly string[];
  /** Whether it carries a cell state c_t besides h_t (the LSTM's belt). */
  readonly hasCellState: boolean;
  /** The gate block a "gate bias" setting initialises (LSTM f, GRU z), or null. */
  readonly biasGate: number | null;
  /** Every key of the cell's named trace record (Cell.named), as in the equations. */
  readonly traceKeys: readonly TraceKey[];
  /** Whether the nonlinearity setting applies (PyTorch's nn.RNN only). */
  readonly usesNonlinearity: boolean;
}

export const CELL_INFO: { readonly [K in CellKind]: CellInfo & { readonly kind: K } } = {
  rnn: {
    kind: 'rnn',
    label: 'RNN',
    pytorchModule: 'RNN',
    gateNames: RNN_GATES,
    hasCellState: false,
    biasGate: null,
    traceKeys: RNN_TRACE_KEYS,
    usesNonlinearity: true,
  },
  lstm: {
    kind: 'lstm',
    label: 'LSTM',
    pytorchModule: 'LSTM',
    gateNames: LSTM_GATES,
    hasCellState: true,
    biasGate: 1,
    traceKeys: LSTM_TRACE_KEYS,
    usesNonlinearity: false,
  },
  gru: {
    kind: 'gru',
    label: 'GRU',
    pytorchModule: 'GRU',
    gateNames: GRU_GATES,
    hasCellState: false,
    biasGate: 1,
    traceKeys: GRU_TRACE_KEYS,
    usesNonlinearity: false,
  },
};

/** Gate blocks G of a cell kind: 1 (RNN), 4 (LSTM), 3 (GRU). */
export function gateCount(cell: CellKind): number {
  return CELL_INFO[cell].gateNames.length;
}
export type Nonlinearity = 'tanh' | 'relu' | 'linear' | 'sigmoid';

/** One layer's parameters, laid out as PyTorch's state_dict (gate blocks stacked by rows). */
export interface LayerParams {
  /** weight_ih_l{k}: [G·H, I] */
  readonly Wih: Float64Array;
  /** weight_hh_l{k}: [G·H, H] */
  readonly Whh: Float64Array;
  /** bias_ih_l{k}: [G·H] */
  readonly bih: Float64Array;
  /** bias_hh_l{k}: [G·H] */
  readonly bhh: Float64Array;
}

/** Sizes of one step: B streams, H hidden units, I inputs. */
export interface StepDims {
  readonly B: number;
  readonly H: number;
  readonly I: number;
}

/**
 * A layer's input at one timestep. Layer 0 of a character model reads one-hot characters as
 * indices (ids[off + b]; −1 means the zero vector); other layers and regression models read
 * dense rows x[off + b·I + k].
 */
export type LayerInput =
  | { readonly kind: 'onehot'; readonly ids: Int32Array; readonly off: number }
  | { readonly kind: 'dense'; readonly x: Float64Array; readonly off: number };

/** What every cell's step cache holds; cells add their own named intermediates. */
export interface StepCacheBase {
  /** h_t: [B, H] */
  readonly h: Float64Array;
  /** c_t: [B, H] for LSTM, null otherwise */
  readonly c: Float64Array | null;
}

/** Where a backward step writes its results (all [B, H] except dx: [B, I] or null). */
export interface StepGradOut {
  /** dL/dh_{t−1} through this step (overwritten). */
  readonly dhPrev: Float64Array;
  /** dL/dc_{t−1} through this step (LSTM; overwritten). */
  readonly dcPrev: Float64Array | null;
  /** Total dL/dc_t at this step (LSTM; overwritten), for the trace. */
  readonly dc: Float64Array | null;
  /** dL/dx_t (overwritten), or null when the input is one-hot or not needed. */
  readonly dx: Float64Array | null;
  /** The part of dhPrev that bypasses the weights (GRU: z_t ⊙ dh_t), for a view that follows the
   * backward steps (overwritten where the cell has such a path); absent when nobody asks. */
  readonly direct?: Float64Array | null;
}

export interface Cell<C extends StepCacheBase = StepCacheBase> {
  readonly kind: CellKind;
  /** Gate blocks G: 1 (RNN), 4 (LSTM: i, f, g, o), 3 (GRU: r, z, n). */
  readonly gates: number;
  /** Names of the gate blocks in PyTorch's row order. */
  readonly gateNames: readonly string[];
  readonly hasCellState: boolean;
  /**
   * One step. hPrev, cPrev: [B, H] (cPrev null unless LSTM). Returns the cache with h_t (and c_t).
   * The affine maps run on `compute` (its kernel, or plain JS).
   */
  forward(
    p: LayerParams,
    d: StepDims,
    x: LayerInput,
    hPrev: Float64Array,
    cPrev: Float64Array | null,
    compute: Compute,
  ): C;
  /**
   * Backprop one step. dh: total dL/dh_t [B, H]; dcNext: dL/dc_t arriving from step t+1 (LSTM).
   * Accumulates parameter gradients into g unless g is null (Jacobian probes skip them).
   */
  backward(
    p: LayerParams,
    g: LayerParams | null,
    d: StepDims,
    x: LayerInput,
    hPrev: Float64Array,
    cPrev: Float64Array | null,
    cache: C,
    dh: Float64Array,
    dcNext: Float64Array | null,
    out: StepGradOut,
    compute: Compute,
  ): void;
  /**
   * The cache's intermediates for stream b, named as in the equations (e.g. LSTM: i, f, g, o,
   * their pre-activations i_pre…, c, tanh_c, h), each a length-H array. Views read these.
   */
  named(cache: C, H: number, b: number): NamedStep;
}
