// The gradients words in English (see ../en.ts for the conventions). zh-CN/gradients.ts has the same keys.
// Symbols (h_t, W_hh, σ_max, …) are written as plain text, never as TeX.
export const gradients = {
  intro:
    'Move a slider to make gradients vanish or explode as they flow back through time. Every curve is a real product of the network’s Jacobians, computed by the engine; the theory is drawn on top, and the cure is one click away.',
  setup: {
    heading: 'Experiment',
    presets: 'Experiment',
    /** Followed by the engine's own error message. */
    failed: 'The engine could not compute this: ',
    computing: 'Computing…',
    computed: 'Computed in the engine in {{ms}} ms.',
  },
  // Each experiment: its name and what it shows and what to try.
  presets: {
    scale: {
      label: 'Recurrent scale',
      description:
        'W_hh = s·Q with Q orthogonal. With a linear cell (or tanh on a zero input) every step multiplies the gradient by exactly s, so ‖∂h_T/∂h_0‖ = s^T: a straight line on the log axis. Move s past 1 and the line tips from vanishing to exploding; add input to a tanh cell and saturation pulls it down.',
    },
    gain: {
      label: 'Random gain',
      description:
        'W_hh drawn from N(0, g²/H). Its spectral radius is about g while its largest singular value is about 2g, so the bound is loose: the edge between vanishing and exploding sits near g = 1. Add input to see saturation tame the growth.',
    },
    cells: {
      label: 'RNN, LSTM, GRU',
      description:
        'The three cells on the same input, at PyTorch’s default initialisation. Raise the LSTM’s forget-gate bias b_f or the GRU’s update-gate bias b_z: the gates open a path whose factor is the gate itself, not a product with W_hh.',
    },
    carousel: {
      label: 'Gates alone',
      description:
        'The same three cells with W_hh = 0 and zero input: the gates no longer depend on h, so the LSTM cell path is exactly σ(b_f)^T and the GRU path σ(b_z)^T, while the RNN forgets at once.',
    },
    clip: {
      label: 'Clipping',
      description:
        'A linear RNN with s > 1 explodes. Clip the whole gradient by its norm and it shrinks but keeps its direction (cosine 1); clip each element by value and the direction can turn.',
    },
    nonnormal: {
      label: 'Non-normal W_hh',
      description:
        'W = [[λ, α], [0, λ]] (in blocks): every eigenvalue is λ < 1, yet ‖W^k‖ = ‖[[λ^k, kαλ^(k−1)], [0, λ^k]]‖ first grows, then decays. The spectral radius decides the long run, σ_max the worst step.',
    },
    truncation: {
      label: 'Truncated BPTT',
      description:
        'Backpropagate in chunks of K steps, as char-rnn does: a loss at step T sends no gradient at all past the start of its chunk. A dependency d steps back with d ≥ K gets exactly zero, whatever the cell.',
    },
  },
  // Each parameter's label; `hints` says what the symbol means, for those that have one.
  params: {
    s: 'Recurrent scale s',
    g: 'Gain g',
    T: 'Sequence length T',
    H: 'Hidden size H',
    nonlinearity: 'Nonlinearity',
    inputScale: 'Input scale',
    bf: 'LSTM forget bias b_f',
    bz: 'GRU update bias b_z',
    cell: 'Cell in detail',
    clipMode: 'Clipping mode',
    clip: 'Threshold θ',
    lambda: 'Eigenvalue λ',
    alpha: 'Off-diagonal α',
    trunc: 'Truncation length K',
    delay: 'Dependency distance d',
    seed: 'Seed',
  },
  hints: {
    s: 'W_hh = s·Q',
    g: 'W_hh ~ N(0, g²/H)',
    inputScale: '0 = zero input',
  },
  /** After a label: its hint. */
  hint: ' ({{hint}})',
  logScale: '{{label}} (log scale)',
  nonlinearities: {
    linear: 'linear',
    tanh: 'tanh',
    sigmoid: 'sigmoid',
    relu: 'ReLU',
  },
  clipModes: {
    none: 'none',
    norm: 'by norm',
    value: 'by value',
  },
  flow: {
    heading: 'The gradient flowing back',
    chartTitle: 'Gradient norm over the unrolled sequence (log scale)',
    chartDescription: 'From the loss at step {{T}} back to the initial state. {{values}}.',
    atZero: '{{label}}: {{value}} at k = 0',
    join: '; ',
    bound: 'bound {{formula}}',
    replay: 'Replay the backward flow',
    tableName: 'gradient norms',
    tableCaption: 'Norms of the gradient flowing back from step {{T}} (4 significant digits)',
    exact: 'exact: {{label}}',
  },
  // Curves whose engine label has words in it (the others are symbols only).
  series: {
    full: '‖∂ℓ_T/∂h_k‖, full BPTT',
    truncated: '‖∂ℓ_T/∂h_k‖, truncated at K = {{K}}',
  },
  identities: {
    label: 'Exact identities',
    /** After the identity's formula. */
    line: ': theory {{theory}}, engine {{engine}} {{verdict}}',
    zeroStates: 'states with exactly zero gradient',
    cosine: 'cos(ĝ, g) with norm clipping',
    powerNorm: '‖W^T‖ for T = {{T}}',
    verdict: {
      equal: '✓ equal',
      differ: '✗ differ',
      belowRange: 'both below 1e-308, the smallest double',
      aboveRange: 'both above 1.8e308, the largest double',
    },
  },
  spectrum: {
    headingW: 'Eigenvalues of W_hh',
    headingJ: 'Eigenvalues of the last step’s Jacobian ({{n}}×{{n}})',
    plotTitle: 'Eigenvalues in the complex plane, with the unit circle',
    plotDescription:
      'Spectral radius {{radius}}; largest singular value {{max}}, smallest {{min}}.',
    radius: 'spectral radius ρ',
    tableName: 'eigenvalues',
    tableCaption: 'Eigenvalues (real part, imaginary part, modulus)',
  },
  map: {
    heading: '‖∂h_t/∂h_k‖ for every pair',
    label:
      'Heatmap of the gradient norm from each loss step t (rows) to each state k (columns), log colour scale, {{rows}} rows.',
    note: 'Each row t backpropagates a random unit vector u_t from h_t: the colour is ‖u_tᵀ ∂h_t/∂h_k‖, the gradient a loss u_t·h_t sends to h_k. It is at most ‖∂h_t/∂h_k‖₂ and equal to it when all singular values of the product are equal (as for s·Q). Long sequences show every few rows.',
    tableName: 'Jacobian map',
    tableCaption: '‖u_tᵀ ∂h_t/∂h_k‖ by loss step t (rows) and state k (columns)',
    tableCaptionEvery:
      '‖u_tᵀ ∂h_t/∂h_k‖ by loss step t (rows) and state k (columns, every {{every}}th k)',
  },
  theory: {
    heading: 'Why',
    jacobian: 'One-step Jacobian',
    product: 'The product over time',
    bound: 'The bound, with numbers',
    note: 'An activation derivative is never above 1: tanh′(a) = 1 − tanh²(a) ≤ 1, σ′(a) = σ(a)(1 − σ(a)) ≤ ¼, ReLU′ ∈ {0, 1}. So the nonlinearity can only shrink the gradient; explosion comes from W_hh. σ_max(W_hh) < 1/γ is enough for vanishing; σ_max > 1/γ is needed, but not enough, for exploding (Pascanu, Mikolov & Bengio, 2013).',
  },
  clip: {
    heading: 'Before and after clipping',
    scatterTitle: 'Each entry of dL/dW_hh before (across) and after clipping (up)',
    scatterDescription:
      'Mode {{mode}}, threshold {{threshold}}. Cosine between the gradients {{cosine}}.',
    modes: { none: 'none', norm: 'norm', value: 'value' },
    before: '‖g‖ before',
    after: '‖ĝ‖ after',
    changed: 'entries changed',
    tableName: 'clipping',
    tableCaption: 'Gradient norm of each parameter before and after clipping',
    parameter: 'parameter',
    beforeColumn: 'before',
    afterColumn: 'after',
    all: 'all (global)',
  },
  truncation: {
    heading: 'Does the dependency get any gradient?',
    outside: 'The dependency ({{delay}} steps back) lies before the sequence starts; lengthen T.',
    reached:
      'The loss at step {{T}} reaches h_{{dependency}}, {{delay}} steps back: ‖∂ℓ_T/∂h_{{dependency}}‖ = {{norm}} (the same as full BPTT).',
    zero: 'Exactly zero: with chunks of K = {{K}}, the loss at step {{T}} sends nothing to h_{{dependency}}, {{delay}} steps back (full BPTT would send {{full}}). The backward pass stops at h_{{reach}}.',
  },
  // "Train it": the link to the Training view, what it carries and what it cannot.
  trainIt: {
    link: 'Train it: a long-memory task at this setting',
    /** After the link (its leading space included). */
    hint: ' (copy a letter after a delay of {{delay}} steps; a plain RNN fails where an LSTM copes)',
    carries: 'Carries {{parts}}.',
    notCarried: ' Not carried: {{dropped}}.',
    partsJoin: ', ',
    droppedJoin: '; ',
    cellWith: '{{cell}} ({{nonlinearity}})',
    hidden: 'H = {{H}}',
    seqLen: 'sequence length {{n}}',
    initDefault: 'W_hh as PyTorch draws it',
    init: {
      orthogonal: 'orthogonal W_hh × {{scale}}',
      normal: 'gaussian W_hh × {{scale}}',
      identity: 'identity (irnn) W_hh × {{scale}}',
    },
    gateBias: '{{name}} = {{value}}',
    noClipping: 'no clipping',
    clipping: {
      norm: 'clipping by norm at {{threshold}}',
      value: 'clipping by value at {{threshold}}',
    },
    seed: 'seed {{seed}}',
    dropped: {
      nonlinearity: 'the {{nonlinearity}} nonlinearity (training’s RNN uses tanh or ReLU)',
      nonnormal: 'the non-normal W (training starts from PyTorch’s draw)',
      inputScale: 'the input scale (the task’s letters are the input)',
    },
  },
  // The race of a plain RNN against an LSTM at the end of the view.
  race: {
    heading: 'Race: a plain RNN against an LSTM',
    intro:
      'Both models learn {{task}}: a letter, {{delay}} fillers and the same letter again. They have the same parameter budget and see the very same batches (batches of {{batchSize}} sequences, Adam with learning rate {{lr}}, gradients clipped to norm {{clipNorm}}), for {{maxSteps}} steps. Every {{evalEvery}} steps each is scored on text it never trained on: can it write the letter again after the fillers?',
    why: 'Why the LSTM wins: its cell state c_t is carried from step to step by multiplying with the forget gate f_t alone, not by W_hh and a squashing nonlinearity. Once f_t learns to sit near 1, the letter rides along the cell state across the delay and the gradient flows back along the same path without vanishing. The plain RNN must pass the letter through tanh(W_hh·h) at every step: as the curves above this section showed, that signal, and its gradient, shrink geometrically, so it learns that a letter comes but not which one.',
    capped:
      '(The experiment above reaches {{delay}} steps back; the race keeps to 10, where the answer is plain within a minute. “Train it” above takes the longer delay to the Training view.)',
    recallChart: 'Recall accuracy on the validation text',
    recallAxis: 'recall accuracy',
    recallCaption:
      'The letter after the {{K}} fillers, predicted from what was seen {{before}} steps before; guessing among the 10 letters scores {{chance}}.',
    recallTable: 'Recall accuracy of each model on the validation text, every {{every}} steps',
    lossChart: 'Validation loss',
    lossAxis: 'loss (nats/char)',
    lossTable: 'Validation loss of each model on the validation text, every {{every}} steps',
    stepAxis: 'training step (both models)',
    stepColumn: 'step',
    chartLabel: '{{title}}: {{racers}}',
    against: ' against ',
    chance: 'chance',
    start: 'Start',
    resume: 'Resume',
    pause: 'Pause',
    reset: 'Reset',
    /** A racer as the legend names it. */
    racer: '{{cell}}, H = {{H}}, {{parameters}} parameters',
    status: {
      stopped: 'The race stopped: {{error}}',
      at: 'step {{step}} of {{max}}',
      finished: 'Finished: {{at}}.',
      racing: 'Racing: {{at}}{{speed}}.',
      speed: ', {{speed}} steps/s',
      paused: 'Paused at {{at}}.',
      ready: 'Ready: press Start.',
    },
  },
};
