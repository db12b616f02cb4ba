// The tagging words in English (see ../en.ts for the conventions). zh-CN/tagging.ts has the same keys.
export const tagging = {
  intro:
    'A language model must read left to right: it predicts what comes next. A tagger labels a text that is already there, so it may read the whole of it first. That is what a bidirectional RNN does: one layer reads left to right, a second reads right to left, and the tag at each step is read off both. Below, a forward-only model and a bidirectional one race on the same task, with the same parameter budget and the very same batches, live in this page’s worker.',
  tasks: {
    spaces: {
      label: 'Put the spaces back',
      intro:
        'Tiny Shakespeare with every space and line break taken out: “FirstCitizen:Beforeweproceed…”. The model reads it one character at a time and tags each character “word end” or “inside”. Whether a word ends at “s” depends on the letters that follow (“Citizens” or “Citizen’s…”), so a model that may read the whole window first should win clearly.',
    },
    future: {
      label: 'Tag with the future',
      intro:
        'Random letters a–d, each tagged with the letter k steps ahead. Only the future decides the answer: a forward model, which has read only the past, can do no better than guessing (one in four); a model that also reads backwards finds the answer k steps away.',
    },
  },
  controls: {
    task: 'Task',
    lookahead: 'Lookahead k',
    lookaheadHelp: 'Each letter is tagged with the letter this many steps ahead.',
    cell: 'Cell',
    layers: 'Layers',
    layersHelp:
      'Two layers stack: the second layer reads the first layer’s outputs at the same step (2H values for the bidirectional model, [h→; h←]).',
    start: 'Start',
    resume: 'Resume',
    pause: 'Pause',
    reset: 'Reset',
  },
  // The race's status line (worded as the Gradient flow view's race).
  status: {
    stopped: 'The race stopped: {{error}}',
    at: 'step {{step}} of {{max}}',
    finished: 'Finished: {{at}}.',
    racing: 'Racing: {{at}}.',
    racingSpeed: 'Racing: {{at}}, {{speed}} steps/s.',
    paused: 'Paused at {{at}}.',
    ready: 'Ready: press Start.',
  },
  race: {
    heading: 'The race',
    intro:
      'Both models see the very same batches ({{batch}} windows of {{seqLen}} characters, Adam with learning rate {{lr}}, gradients clipped to norm {{clip}}), for up to {{maxSteps}} steps. Every {{evalEvery}} steps each is scored on the first {{positions}} characters of text it never trained on, in windows of 64.',
    models: 'The two models',
  },
  // A racer as the legend names it: "bidirectional GRU, H = 24 per direction, 12,914 parameters".
  racer: {
    forward: 'forward {{layers}}{{cell}}, H = {{hidden}}, {{parameters}} parameters',
    bidirectional:
      'bidirectional {{layers}}{{cell}}, H = {{hidden}} per direction, {{parameters}} parameters',
    layers: '{{n}}-layer ',
  },
  charts: {
    stepAxis: 'training step (both models)',
    f1: 'F1 of word ends on the validation text',
    f1Axis: 'F1 of word ends',
    accuracy: 'Accuracy on the validation text',
    accuracyAxis: 'accuracy',
    loss: 'Validation loss',
    lossAxis: 'loss (nats/char)',
    chance: 'always “inside”',
    guess: 'guessing',
    versus: ' against ',
    titled: '{{title}}: {{versus}}',
    lossNote:
      'The loss is the mean cross-entropy of the tags, in nats per character, as PyTorch’s CrossEntropyLoss computes it. The grey lines are what a tagger scores that ignores context: “tag counts” guesses from how often each tag occurs in the training text, “this char only” from the current character alone (counted on the training text). A model must go below both to be using what it read.',
    // The data tables under the charts.
    table: '{{what}} of each model on the validation text, every {{every}} steps',
    tableF1: 'F1 of word ends',
    tableAccuracy: 'Accuracy',
    tableLoss: 'Loss',
    step: 'step',
  },
  /** Short names of the task's baselines, for the end of their lines on the loss chart. */
  baselines: {
    prior: 'tag counts',
    unigram: 'this char only',
  },
  sample: {
    heading: 'The validation text, tagged',
    none: 'Start the race to see both models tag the validation text.',
    at: 'At step {{step}}.',
    marked: 'Marked:',
    between: ';',
    end: '.',
    future: 'The first line is what both models read; under it, each model’s tags.',
    grey: '; grey: no answer inside the window, not scored.',
    summaryFuture: '{{pct}} % of the letters right.',
    summarySpaces:
      '{{pct}} % of the characters tagged right: {{missed}} word ends missed, {{extra}} spaces put where none belongs.',
    caption: '{{racer}}: {{summary}}',
  },
  legend: {
    missed: 'a word end the model missed',
    extra: 'a space the model put where none belongs',
    wrong: 'a wrong letter',
  },
  equations: {
    heading: 'A bidirectional layer and its tagger',
    note: 'The arrows are directions, not different cells: each direction has its own weights (PyTorch names the backward ones weight_ih_l0_reverse, weight_hh_l0_reverse, …) and its own state, started from zero at each end of the window. The tag’s softmax reads both states side by side, 2H numbers. A forward-only model has only the first line and its head reads H numbers; to spend the same number of parameters it gets a larger H.',
    stepLink: 'Step through a trained two-layer bidirectional tagger in the Forward pass view',
    stepNote: ': both rows of states, the tag read off them, and these equations with its numbers.',
  },
  // The store's messages.
  errors: {
    text: 'The text could not be loaded (HTTP {{status}}).',
  },
};
