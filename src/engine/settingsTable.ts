// The training settings, declared once: one row per setting with its URL key, command-line flag,
// kind and range (or options), app and CLI defaults, form label and help, and what a change needs.
// Everything else is derived from this table: the TrainSettings type, validation (settings.ts), the
// URL keys (store/config.ts), the stored schema (persist), the CLI flags and the form. Pure data.

import { CELL_KINDS } from './cell.ts';
import { RECURRENT_INITS } from './init.ts';
import { MAX_LAYERS } from './model.ts';
import { defaultLr, OPTIMIZER_KINDS, OPTIMIZER_NAMES, type OptimizerKind } from './optim.ts';

/**
 * What a change needs: a new model ('model'); a new batcher and optimizer state for the same
 * weights ('trainer'); or nothing, it applies between two steps ('live').
 */
export type Change = 'model' | 'trainer' | 'live';

/**
 * A setting that only matters while another one has (`is`) or has not (`isNot`) a value: the form
 * hides or disables its control, and the command line refuses its flag.
 */
export interface AppliesWhen {
  readonly setting: string;
  readonly is?: string;
  readonly isNot?: string;
  readonly otherwise: 'hide' | 'disable';
}

interface RowBase {
  /** The key in the address (`#/train?hidden=64`). */
  readonly url: string;
  /** The command-line flag, without its dashes. */
  readonly flag: string;
  /** The form's label (the control's accessible name), unit and help text. */
  readonly label: string;
  readonly unit?: string;
  readonly help: string;
  /** What messages call the setting, when "the <label>" reads badly. */
  readonly noun?: string;
  readonly change: Change;
  readonly appliesWhen?: AppliesWhen;
}

export interface WholeRow extends RowBase {
  readonly kind: 'whole';
  readonly min: number;
  readonly max: number;
  readonly default: number;
  readonly cliDefault?: number;
}

export interface RealRow extends RowBase {
  readonly kind: 'real';
  readonly min: number;
  readonly max: number;
  readonly default: number;
  /** A number, or one per optimizer (the learning rate: PyTorch's default for each). */
  readonly cliDefault?: number | ((optimizer: OptimizerKind) => number);
  /** The form shows a slider over log10 of the range. */
  readonly scale?: 'log';
}

/** A real number or null, which keeps what PyTorch does (`nullMeans` says what that is). */
export interface NullableRealRow extends RowBase {
  readonly kind: 'nullableReal';
  readonly min: number;
  readonly max: number;
  readonly default: number | null;
  readonly nullMeans: string;
}

export interface ChoiceRow<T extends string = string> extends RowBase {
  readonly kind: 'choice';
  readonly options: readonly T[];
  /** What the form shows for each option. */
  readonly labels: Readonly<Record<NoInfer<T>, string>>;
  readonly default: NoInfer<T>;
  readonly cliDefault?: NoInfer<T>;
}

export type SettingRow = WholeRow | RealRow | NullableRealRow | ChoiceRow;

// Row builders: they check a row against its kind and keep its URL key as a literal type (so the
// URL schema is typed key by key) and a choice's options as a union.
type Keyed<R extends SettingRow, U extends string> = Omit<R, 'kind' | 'url'> & { readonly url: U };
const whole = <const U extends string>(row: Keyed<WholeRow, U>) =>
  ({ kind: 'whole', ...row }) as WholeRow & { readonly url: U };
const real = <const U extends string>(row: Keyed<RealRow, U>) =>
  ({ kind: 'real', ...row }) as RealRow & { readonly url: U };
const nullableReal = <const U extends string>(row: Keyed<NullableRealRow, U>) =>
  ({ kind: 'nullableReal', ...row }) as NullableRealRow & { readonly url: U };
const choice = <const T extends string, const U extends string>(row: Keyed<ChoiceRow<T>, U>) =>
  ({ kind: 'choice', ...row }) as ChoiceRow<T> & { readonly url: U };

/** The table, in the order the form shows the settings (and the address lists them). */
export const SETTINGS = {
  cell: choice({
    url: 'cell',
    flag: 'cell',
    label: 'Cell',
    help: 'Vanilla RNN (one tanh), LSTM (gates i, f, g, o and a cell state c) or GRU (gates r, z, n).',
    change: 'model',
    options: CELL_KINDS,
    labels: { rnn: 'RNN', lstm: 'LSTM', gru: 'GRU' },
    default: 'lstm',
  }),
  nonlinearity: choice({
    url: 'nl',
    flag: 'nonlinearity',
    label: 'RNN nonlinearity',
    help: 'tanh or ReLU, for the vanilla RNN only.',
    change: 'model',
    appliesWhen: { setting: 'cell', is: 'rnn', otherwise: 'hide' },
    options: ['tanh', 'relu'],
    labels: { tanh: 'tanh', relu: 'ReLU' },
    default: 'tanh',
  }),
  hiddenSize: whole({
    url: 'hidden',
    flag: 'hidden',
    label: 'Hidden size',
    unit: 'units',
    help: 'The width of h (and c): how many numbers carry memory from one character to the next. Not the number of time steps.',
    change: 'model',
    min: 1,
    max: 512,
    default: 64,
    cliDefault: 128,
  }),
  numLayers: whole({
    url: 'layers',
    flag: 'layers',
    label: 'Layers',
    noun: 'number of layers',
    help: 'Stacked recurrent layers; each reads the h of the one below.',
    change: 'model',
    min: 1,
    max: MAX_LAYERS,
    default: 1,
  }),
  init: choice({
    url: 'init',
    flag: 'init',
    label: 'Recurrent init',
    help: 'W_hh at the start: PyTorch’s uniform default, a random orthogonal matrix, the identity (IRNN) or Gaussian entries, each times the recurrent scale.',
    change: 'model',
    options: RECURRENT_INITS,
    labels: {
      default: 'PyTorch default',
      orthogonal: 'Orthogonal',
      identity: 'Identity (IRNN)',
      normal: 'Gaussian',
    },
    default: 'default',
  }),
  recurrentScale: real({
    url: 'scale',
    flag: 'recurrent-scale',
    label: 'Recurrent scale',
    noun: 'recurrent scale',
    help: 'W_hh = s·Q (orthogonal), s·I (identity) or N(0, s²/H) entries (Gaussian), in each gate block. Below 1 gradients vanish through time; above 1 they can explode.',
    change: 'model',
    appliesWhen: { setting: 'init', isNot: 'default', otherwise: 'disable' },
    min: 0.05,
    max: 3,
    default: 1,
  }),
  gateBias: nullableReal({
    url: 'bias',
    flag: 'gate-bias',
    label: 'Gate bias',
    help: 'LSTM forget-gate or GRU update-gate bias at the start; empty keeps PyTorch’s default.',
    change: 'model',
    appliesWhen: { setting: 'cell', isNot: 'rnn', otherwise: 'disable' },
    min: -10,
    max: 10,
    default: null,
    nullMeans: 'PyTorch’s draw',
  }),
  seed: whole({
    url: 'seed',
    flag: 'seed',
    label: 'Seed',
    help: 'Same seed and settings, same run.',
    change: 'model',
    min: 0,
    max: 999_999_999,
    default: 1,
  }),
  seqLen: whole({
    url: 'seq',
    flag: 'seq',
    label: 'Sequence length',
    unit: 'characters',
    help: 'How many steps BPTT unrolls per chunk. The state carries on to the next chunk; gradients do not.',
    change: 'trainer',
    min: 1,
    max: 400,
    default: 32,
    cliDefault: 25,
  }),
  batchSize: whole({
    url: 'batch',
    flag: 'batch',
    label: 'Batch size',
    unit: 'streams',
    help: 'Parallel streams of text per step; the loss is their mean.',
    change: 'trainer',
    min: 1,
    max: 256,
    default: 16,
    cliDefault: 32,
  }),
  optimizer: choice({
    url: 'opt',
    flag: 'optimizer',
    label: 'Optimizer',
    help: 'How gradients become updates: torch.optim’s update rules and defaults (SGD with momentum 0.9).',
    change: 'trainer',
    options: OPTIMIZER_KINDS,
    labels: OPTIMIZER_NAMES,
    default: 'adam',
  }),
  lr: real({
    url: 'lr',
    flag: 'lr',
    label: 'Learning rate',
    help: 'The step size of each update. Changes live. Too large and the loss explodes.',
    change: 'live',
    min: 1e-5,
    max: 10,
    scale: 'log',
    default: 1e-2,
    cliDefault: defaultLr,
  }),
  weightDecay: real({
    url: 'wd',
    flag: 'weight-decay',
    label: 'Weight decay',
    help: 'AdamW’s λ: every step first shrinks each weight by the factor 1 − lr·λ, apart from the gradient.',
    change: 'trainer',
    appliesWhen: { setting: 'optimizer', is: 'adamw', otherwise: 'disable' },
    min: 0,
    max: 1,
    default: 0,
    cliDefault: 0.01,
  }),
  clipMode: choice({
    url: 'clip',
    flag: 'clip-mode',
    label: 'Gradient clipping',
    help: 'By norm rescales the whole gradient when its norm passes the threshold; by value clamps each entry. Changes live.',
    change: 'live',
    options: ['none', 'norm', 'value'],
    labels: { none: 'None', norm: 'By norm', value: 'By value' },
    default: 'norm',
  }),
  clipThreshold: real({
    url: 'clipAt',
    flag: 'clip',
    label: 'Clip threshold',
    noun: 'clipping threshold',
    help: 'The norm (or value) clipping starts at.',
    change: 'live',
    appliesWhen: { setting: 'clipMode', isNot: 'none', otherwise: 'disable' },
    min: 0.01,
    max: 1e6,
    default: 5,
  }),
} as const satisfies Readonly<Record<string, SettingRow>>;

export type SettingName = keyof typeof SETTINGS;

/** The value a row holds: one of its options, a number, or a number or null. */
export type ValueOf<R extends SettingRow> =
  R extends ChoiceRow<infer T> ? T : R extends NullableRealRow ? number | null : number;

/** Training settings as the user chooses them (the Training view, the URL, the CLI). */
export type TrainSettings = { readonly [K in SettingName]: ValueOf<(typeof SETTINGS)[K]> };

/** The rows with their names, in table order. */
export const SETTING_ROWS = Object.entries(SETTINGS) as readonly [SettingName, SettingRow][];
