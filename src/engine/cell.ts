// The one interface every recurrent cell implements (rnn.ts, lstm.ts, gru.ts). A cell does one
// timestep for B streams at once: forward returns the new state and a cache of every intermediate,
// backward turns dL/dh_t (and dL/dc_t) into dL/dh_{t-1}, dL/dx_t and parameter gradients.
// The time loop (bptt.ts) only moves states and gradients between steps; it knows nothing of gates.

/** Every cell kind, in the order menus list them (the registry in cells.ts describes each). */
export const CELL_KINDS = ['rnn', 'lstm', 'gru'] as const;
export type CellKind = (typeof CELL_KINDS)[number];

export function isCellKind(v: unknown): v is CellKind {
  return typeof v === 'string' && (CELL_KINDS as readonly string[]).includes(v);
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
   */
  forward(
    p: LayerParams,
    d: StepDims,
    x: LayerInput,
    hPrev: Float64Array,
    cPrev: Float64Array | null,
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
  ): void;
  /**
   * The cache's intermediates for stream b, named as in the equations (e.g. LSTM: i, f, g, o,
   * their pre-activations i_pre…, c, tanh_c, h), each a length-H array. Views read these.
   */
  named(cache: C, H: number, b: number): Record<string, Float64Array>;
}
