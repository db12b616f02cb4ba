// The Forward pass view's words and small display rules, as data: the models it offers, the
// default text, how a character is written. Numbers are written by format.ts: one format serves
// the diagram, the tables and the equations, so tests can compare them with the engine's trace.
import type { CellKind } from '../engine/cell.ts';
import { formatPercent } from './format';

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

/** A character in words for screen readers and captions, e.g. “space”, “e”. */
export function nameChar(c: string): string {
  switch (c) {
    case ' ':
      return 'space';
    case '\n':
      return 'newline';
    case '\t':
      return 'tab';
    case '\r':
      return 'carriage return';
    default:
      return `“${c}”`;
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

/** The lede above a cell's equations; σ is named only for the cells that use it. */
export const equationsLede = (cell: CellKind): string =>
  `As the engine runs them (PyTorch’s form${
    cell === 'rnn' ? '' : '; ⊙ multiplies element by element, σ is the logistic sigmoid'
  }). Hover a symbol to find it in the charts.`;

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

export const MODEL_LABEL: Record<ForwardModel, string> = {
  lstm: 'LSTM trained on Shakespeare',
  gru: 'GRU trained on Shakespeare',
  rnn: 'RNN trained on Shakespeare',
  lstm2: 'Two-layer LSTM trained on Shakespeare',
  tagger: 'Bidirectional GRU that puts the spaces back (two layers)',
  'fresh-lstm': 'LSTM, freshly initialised',
  'fresh-gru': 'GRU, freshly initialised',
  'fresh-rnn': 'RNN, freshly initialised',
  training: 'The model in the Training view',
  series: 'The model in the Time series view',
};

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

export const FORWARD_TEXT = {
  intro:
    'Type a short text and step through a real network as it reads it, one character per timestep. At each step the cell combines the character it reads with the state it carried over, and guesses the next character.',
  taggerIntro:
    'Type a short text and step through a real network as it reads it, one character per timestep. This network is a tagger: it does not guess what comes next but labels each character it reads, and it may read the whole text before it answers.',
  modelMissing: (cell: CellKind, reason: string) =>
    `The pretrained ${CELL_LABEL[cell]} could not be loaded (${reason}). Showing a freshly initialised ${CELL_LABEL[cell]} instead: its guesses are close to uniform.`,
  taggerMissing: (reason: string) =>
    `The pretrained spaces tagger could not be loaded (${reason}). A freshly initialised network would not read the text the way a tagger does, so nothing is shown; choose another model.`,
  taggerReads:
    'with its spaces removed, each character to be tagged “word end” (a space followed it) or “inside”. It reads',
  bidirectional:
    'Each layer reads the text both ways. The backward row (h←, arrows pointing left) reads from the last character to the first: h←_t = cell(x_t, h←_{t+1}). No tag can be given before it has run, so it runs over the whole text first and is drawn complete from the first step. Stepping then moves the forward row (h→, h→_t = cell(x_t, h→_{t−1})) one character to the right, and at step t the tag of x_t is read off both states at t: h→_t has read everything up to x_t, h←_t everything from x_t to the end. In a stack, the layer above reads both rows of the layer below at the same step (2H numbers), so the engine runs a whole layer, both ways, before the next; the forward rows fill as you step so that you can follow one direction at a time.',
  tagMarks:
    'Above the top layer: the tag read off both directions and its probability; ✓ when it is the true tag, ✗ and the true tag when it is wrong.',
  tooShort: 'Type at least two characters: one to read and one to guess.',
  /** The link under an error when the view reads the Training view's model. */
  trainingLink: 'Train a model in the Training view',
  autosaveNote: (step: number) =>
    `Nothing is loaded in the Training view yet, so this is your autosaved run, at step ${step.toLocaleString('en-US')}. Open the Training view to go on training it.`,
  engineDown:
    'The engine is not running, so no network can read the text (the status line at the bottom of the page says why).',
  tooLong: `Up to ${MAX_TEXT_CHARS} characters; the rest was cut off.`,
  unknownLead: (n: number, vocab: number) =>
    `${n === 1 ? '1 character is' : `${n} characters are`} not in this model’s vocabulary of ${vocab} characters:`,
  unknownExplain:
    'The model has no input for them, so each is fed as an all-zero vector (no character at all), and a step whose next character is one of them has no loss.',
  unknownExplainTagger:
    'The model has no input for them, so each is fed as an all-zero vector (no character at all); its tag is still read and scored. Positions count the characters of the text with its spaces removed.',
  trainingHint:
    'This is the model the Training view holds right now; read it again to see how training has changed it.',
  lossNote:
    'The loss is softmax cross-entropy: minus the log of the probability the model gave the character that actually came next (in nats). Squared error on the outputs would be the wrong loss here: the outputs are scores for 65 categories, not measurements, and squared error gives no probabilities, cannot be compared with ln 65 = 4.17 (uniform guessing), and barely moves when the model is confidently wrong.',
  gruNote: {
    lead: 'Many texts write the GRU differently. They swap the role of z,',
    swapped: String.raw`h_t = z_t \odot \tilde h_t + (1 - z_t) \odot h_{t-1},`,
    middle: 'and apply the reset gate before the matrix product,',
    before: String.raw`\tilde h_t = \tanh\big(W x_t + U (r_t \odot h_{t-1})\big).`,
    tail: 'The equations above are the ones the engine and PyTorch run: z → 1 keeps the old state, and r scales the recurrent term after its matrix product, so the two forms compute different functions.',
  },
  /** docs/equations.md §2.3: the three GRUs a learner will meet. */
  gruVariants: {
    caption: 'Three GRUs you will meet',
    columns: ['Source', 'Update', 'Candidate', 'Same as here?'],
    rows: [
      {
        source: 'PyTorch, cuDNN, ONNX (linear_before_reset), Keras reset_after=True: this view',
        update: String.raw`(1 - z_t) \odot n_t + z_t \odot h_{t-1}`,
        candidate: String.raw`\tanh(W_{in}x_t + b_{in} + r_t \odot (W_{hn}h_{t-1} + b_{hn}))`,
        same: 'yes',
      },
      {
        source: 'Cho et al. 2014 (v3), d2l.ai, Keras reset_after=False',
        update: String.raw`z_t \odot h_{t-1} + (1 - z_t) \odot \tilde h_t`,
        candidate: String.raw`\tanh(W x_t + U (r_t \odot h_{t-1}))`,
        same: 'z: yes; reset: no',
      },
      {
        source: 'Chung et al. 2014, colah’s blog, char-rnn',
        update: String.raw`(1 - z_t) \odot h_{t-1} + z_t \odot \tilde h_t`,
        candidate: String.raw`\tanh(W_h [r_t \odot h_{t-1}, x_t] + b_h)`,
        same: 'z: swapped; reset: no',
      },
    ],
  },
  rnnNote:
    'The vanilla RNN has no gates: the new state is a squashed sum of the input and the old state.',
  keys: 'Keys: ← and → step, Space plays or pauses, Home and End jump to the start and the end.',
};

/** How each row of the cell's heat strips is labelled, by trace name. */
export const ROW_TEXT: Record<string, { symbol: string; label: string }> = {
  hprev: { symbol: 'h_{t−1}', label: 'previous state' },
  cprev: { symbol: 'c_{t−1}', label: 'previous cell state' },
  i: { symbol: 'i_t', label: 'input gate' },
  f: { symbol: 'f_t', label: 'forget gate' },
  g: { symbol: 'g_t', label: 'candidate' },
  o: { symbol: 'o_t', label: 'output gate' },
  c: { symbol: 'c_t', label: 'cell state' },
  h: { symbol: 'h_t', label: 'hidden state' },
  r: { symbol: 'r_t', label: 'reset gate' },
  z: { symbol: 'z_t', label: 'update gate' },
  n: { symbol: 'n_t', label: 'candidate' },
  a: { symbol: 'a_t', label: 'pre-activation' },
};

/** Sigmoid gates: their values lie in [0, 1]. */
export const GATE_KEYS: ReadonlySet<string> = new Set(['i', 'f', 'o', 'r', 'z']);

/** The live summary of a step for screen readers. */
export function stepSummary(args: {
  t: number;
  T: number;
  read: string;
  guess: string | null;
  p: number | null;
  /** A tagger: the guess is the tag of the character read. */
  tag?: boolean;
}): string {
  const { t, T, read, guess, p, tag = false } = args;
  const head = `Step ${t + 1} of ${T}: read ${nameChar(read)}`;
  if (guess === null || p === null) return `${head}.`;
  return `${head}, ${tag ? 'tag' : 'top guess'} ${nameChar(guess)} ${formatPercent(p)}.`;
}
