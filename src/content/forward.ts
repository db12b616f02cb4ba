// The Forward pass view's small display rules, as data: the models it offers, the default text,
// how a character is written. Its words are the messages' `forward` (content/i18n/en/forward.ts).
// Numbers are written by format.ts: one format serves the diagram, the tables and the equations,
// so tests can compare them with the engine's trace.
import type { CellKind } from '../engine/cell.ts';
import type { Locale } from './i18n';
import { i18n } from './i18n/instance';

/** A character made visible: space, newline and tab get a symbol. */
export function showChar(c: string): string {
  switch (c) {
    case ' ':
      return '␣';
    case '\n':
      return '↵';
    case '\t':
      return '⇥';
    case '\r':
      return '␍';
    default:
      return c;
  }
}

/** The shipped spaces tagger's classes (engine/tasks/spaces.ts SPACE_CLASSES), by message. */
const CLASS_WORDS: Readonly<
  Record<string, 'forward.chars.classes.inside' | 'forward.chars.classes.wordEnd'>
> = {
  inside: 'forward.chars.classes.inside',
  'word end': 'forward.chars.classes.wordEnd',
};

/**
 * A tagger's class as the page names it: the shipped tagger's in the interface's language (or
 * `locale`'s); another model's labels are its own data and stay as they are.
 */
export function classLabel(label: string, locale?: Locale): string {
  if (!Object.hasOwn(CLASS_WORDS, label)) return label;
  return i18n.getFixedT(locale ?? i18n.language)(CLASS_WORDS[label]!);
}

/** A character in words for screen readers and captions, e.g. “space”, “e”; in `locale`, by
 * default the language the interface is in. */
export function nameChar(c: string, locale?: Locale): string {
  const t = i18n.getFixedT(locale ?? i18n.language);
  switch (c) {
    case ' ':
      return t('forward.chars.space');
    case '\n':
      return t('forward.chars.newline');
    case '\t':
      return t('forward.chars.tab');
    case '\r':
      return t('forward.chars.cr');
    default:
      return t('forward.chars.quoted', { char: c });
  }
}

/** Longest text the view reads, in characters (code points). */
export const MAX_TEXT_CHARS = 64;
/** Shortest: one input and one target. */
export const MIN_TEXT_CHARS = 2;

export const DEFAULT_TEXT = 'Before we proceed any further, hear me speak.';

/** The 65 characters of tinyshakespeare (sorted by code point): the vocabulary of fresh models. */
export const SHAKESPEARE_CHARS: readonly string[] = Array.from(
  "\n !$&',-.3:;?ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
);

export const CELL_LABEL: Record<CellKind, string> = {
  rnn: 'RNN',
  lstm: 'LSTM',
  gru: 'GRU',
};

/** The article before each label, as it is read aloud: “an RNN”, “an LSTM”, “a GRU”. */
export const CELL_ARTICLE: Record<CellKind, 'a' | 'an'> = {
  rnn: 'an',
  lstm: 'an',
  gru: 'a',
};

/** The models the view offers, in menu order (the value is the URL's `model`). */
export const FORWARD_MODELS = [
  'lstm',
  'gru',
  'rnn',
  'lstm2',
  'tagger',
  'fresh-lstm',
  'fresh-gru',
  'fresh-rnn',
  'training',
  'series',
] as const;
export type ForwardModel = (typeof FORWARD_MODELS)[number];

export const DEFAULT_MODEL: ForwardModel = 'lstm';

export type ModelPlan =
  | {
      kind: 'file';
      cell: CellKind;
      url: string;
      /** Layers of the fresh model shown if the file is missing; null: a missing file is an error
       * (a tagger has no fresh stand-in that would read the text the same way). */
      fallbackLayers: number | null;
    }
  | { kind: 'fresh'; cell: CellKind }
  | { kind: 'training' }
  | { kind: 'series' };

/** Where a menu choice comes from. Model files are fetched from the app's own origin. */
export function modelPlan(model: ForwardModel): ModelPlan {
  switch (model) {
    case 'lstm':
    case 'gru':
    case 'rnn':
      return { kind: 'file', cell: model, url: `./models/${model}.json`, fallbackLayers: 1 };
    case 'lstm2':
      return { kind: 'file', cell: 'lstm', url: './models/lstm2.json', fallbackLayers: 2 };
    case 'tagger':
      return { kind: 'file', cell: 'gru', url: './models/tagger.json', fallbackLayers: null };
    case 'fresh-lstm':
    case 'fresh-gru':
    case 'fresh-rnn':
      return { kind: 'fresh', cell: model.slice('fresh-'.length) as CellKind };
    case 'training':
      return { kind: 'training' };
    case 'series':
      return { kind: 'series' };
  }
}

/**
 * Size and seed of the freshly initialised models (PyTorch's default initialisation): the sizes
 * of the pretrained models (public/models/README.md), so the two can be compared.
 */
export const FRESH_MODEL: Record<
  CellKind,
  { hiddenSize: number; numLayers: number; seed: number }
> = {
  lstm: { hiddenSize: 48, numLayers: 1, seed: 1 },
  gru: { hiddenSize: 48, numLayers: 1, seed: 1 },
  rnn: { hiddenSize: 64, numLayers: 1, seed: 1 },
};

/** Playback speeds, in steps per second. */
export const SPEEDS = [1, 2, 4, 8] as const;
export const DEFAULT_SPEED = 2;

/** The GRU note's equations and the table of the three GRUs a learner will meet
 * (docs/equations.md §2.3); their words are the messages' `forward.equations`. */
export const GRU_NOTE_TEX = {
  swapped: String.raw`h_t = z_t \odot \tilde h_t + (1 - z_t) \odot h_{t-1},`,
  before: String.raw`\tilde h_t = \tanh\big(W x_t + U (r_t \odot h_{t-1})\big).`,
};

export const GRU_VARIANTS = [
  {
    key: 'pytorch',
    update: String.raw`(1 - z_t) \odot n_t + z_t \odot h_{t-1}`,
    candidate: String.raw`\tanh(W_{in}x_t + b_{in} + r_t \odot (W_{hn}h_{t-1} + b_{hn}))`,
  },
  {
    key: 'cho',
    update: String.raw`z_t \odot h_{t-1} + (1 - z_t) \odot \tilde h_t`,
    candidate: String.raw`\tanh(W x_t + U (r_t \odot h_{t-1}))`,
  },
  {
    key: 'chung',
    update: String.raw`(1 - z_t) \odot h_{t-1} + z_t \odot \tilde h_t`,
    candidate: String.raw`\tanh(W_h [r_t \odot h_{t-1}, x_t] + b_h)`,
  },
] as const;

/** The symbol of each row of the cell's heat strips, by trace name (its words are the
 * messages' `forward.cell.rows`). */
export const ROW_SYMBOL = {
  hprev: 'h_{t−1}',
  cprev: 'c_{t−1}',
  i: 'i_t',
  f: 'f_t',
  g: 'g_t',
  o: 'o_t',
  c: 'c_t',
  h: 'h_t',
  r: 'r_t',
  z: 'z_t',
  n: 'n_t',
  a: 'a_t',
} as const;
export type RowKey = keyof typeof ROW_SYMBOL;

/** Sigmoid gates: their values lie in [0, 1]. */
export const GATE_KEYS: ReadonlySet<string> = new Set(['i', 'f', 'o', 'r', 'z']);
