// Labels, units and tooltips of the Training view's controls, and its short lesson texts.
// CONTROL_TEXT is keyed by the names of the settings; the form looks each one up by its config key,
// so a setting without its text fails to compile there.

export interface ControlText {
  label: string;
  unit?: string;
  tip: string;
}

const CONTROLS = {
  corpus: { label: 'Text', tip: 'What the model learns to continue, one character at a time.' },
  cell: {
    label: 'Cell',
    tip: 'Vanilla RNN (one tanh), LSTM (gates i, f, g, o and a cell state c) or GRU (gates r, z, n).',
  },
  nonlinearity: { label: 'RNN nonlinearity', tip: 'tanh or ReLU, for the vanilla RNN only.' },
  hiddenSize: {
    label: 'Hidden size',
    unit: 'units',
    tip: 'The width of h (and c): how many numbers carry memory from one character to the next. Not the number of time steps.',
  },
  numLayers: {
    label: 'Layers',
    tip: 'Stacked recurrent layers; each reads the h of the one below.',
  },
  seqLen: {
    label: 'Sequence length',
    unit: 'characters',
    tip: 'How many steps BPTT unrolls per chunk. The state carries on to the next chunk; gradients do not.',
  },
  batchSize: {
    label: 'Batch size',
    unit: 'streams',
    tip: 'Parallel streams of text per step; the loss is their mean.',
  },
  optimizer: {
    label: 'Optimizer',
    tip: 'How gradients become updates (PyTorch’s SGD with momentum 0.9, Adagrad, RMSprop, Adam).',
  },
  lr: {
    label: 'Learning rate',
    tip: 'The step size of each update. Changes live. Too large and the loss explodes.',
  },
  clipMode: {
    label: 'Gradient clipping',
    tip: 'By norm rescales the whole gradient when its norm passes the threshold; by value clamps each entry. Changes live.',
  },
  clipThreshold: { label: 'Clip threshold', tip: 'The norm (or value) clipping starts at.' },
  init: {
    label: 'Recurrent init',
    tip: 'W_hh at the start: PyTorch’s uniform default, a random orthogonal matrix, or the identity (IRNN).',
  },
  gateBias: {
    label: 'Gate bias',
    tip: 'LSTM forget-gate or GRU update-gate bias at the start; empty keeps PyTorch’s default.',
  },
  seed: { label: 'Seed', tip: 'Same seed and settings, same run.' },
  temperature: {
    label: 'Temperature',
    tip: 'Sampling only: p ∝ exp(y/τ). Low τ is safe and repetitive, high τ adventurous. It does not change the loss.',
  },
} satisfies Record<string, ControlText>;

export const CONTROL_TEXT: Record<keyof typeof CONTROLS, ControlText> = CONTROLS;

export const LESSON = {
  intro:
    'Here you train a small character model live: pick a text and press Train. The network starts by guessing every character equally (the uniform line) and learns, batch by batch, to beat the simple baselines below. Everything runs in a background worker on your machine.',
  loss: 'Loss is cross-entropy in nats per character: e^loss is how many characters the model is, in effect, choosing between. Lines: uniform guessing (ln V), a unigram and a bigram model fitted on the training split and scored on the validation split.',
  gradients:
    'The global gradient norm per step, before and after clipping, and for the latest batch the norm of dL/dh_t across the chunk: how much each step of the sequence is pushed.',
  samples:
    'The model writing on its own, feeding each sampled character back in. Its errors compound — teacher-forced loss and free-running text are different things.',
  neurons:
    'Each character is coloured by one unit’s activation after reading it (blue negative, red positive). The list ranks units by how strongly they follow a simple feature of the text.',
  weights: 'W_ih and W_hh by gate, refreshed while training: rows are units, columns inputs.',
};

export const FEATURE_TEXT: Record<string, string> = {
  quote: 'inside quotes',
  bracket: 'inside brackets',
  linePos: 'position in the line',
  afterSpace: 'after a space',
  upper: 'uppercase letter',
};
