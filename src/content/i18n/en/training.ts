// The training words in English (see ../en.ts for the conventions). zh-CN/training.ts has the same keys.
// `settings` repeats the engine's settings table (engine/settingsTable.ts) word for word: the form
// reads its labels, units and help from here by the setting's key (a test keeps them equal).
export const training = {
  intro:
    'Here you train a small character model live: pick a text and press Train. The network starts by guessing every character equally (the uniform line) and learns, batch by batch, to beat the simple baselines below. Everything runs in a background worker on your machine.',

  // The run bar: buttons, figures, status and the notices that need an answer.
  run: {
    heading: 'Run',
    train: 'Train',
    pause: 'Pause',
    step: 'Step',
    reset: 'Reset',
    stepLabel: 'Step',
    epoch: 'Epoch',
    speed: 'Speed',
    parameters: 'Parameters',
    speedValue: '{{chars}} chars/s · {{steps}} steps/s · {{fps}} fps',
    running: 'Training…',
    diverged: 'Stopped: diverged',
    ready: 'Ready',
    downloadDamaged: 'Download the damaged save',
    dismiss: 'Dismiss',
    keepModel: 'Keep the current model',
  },
  divergence: {
    what: '<b>Training diverged at step {{step}}</b>: the loss became {{loss}} and the gradient norm reached {{norm}}. Training paused; nothing is lost.',
    cause: 'Probable cause: {{cause}}{{clipping}}',
    lr: 'the learning rate ({{lr}}) is very large',
    spike: 'a gradient spike',
    noClip: ', with no gradient clipping to cap the step.',
    clipped: '; clipping bounds the gradient but not the step size the optimizer takes.',
    restore: 'Restore step {{step}}',
    restoreSmaller: 'Restore and divide the learning rate by 10',
  },
  earlier: {
    saved:
      'Your earlier run is still saved: step {{step}}{{differ}}. This link opened a fresh model with its own settings.',
    differ: ', with {{list}}',
    separator: ', ',
    text: 'text {{saved}} (now {{now}})',
    setting: '{{label}} {{saved}} (now {{now}})',
    pytorch: 'PyTorch’s',
    goBack: 'Go back to the earlier run',
    dismiss: 'Dismiss',
  },
  // What one step costs, beside the Train button.
  cost: {
    here: 'on this machine',
    typical: 'on a typical machine (this one is not measured yet)',
    refused:
      'One step of this model takes ≈ {{seconds}} s {{where}}; steps above {{limit}} s are refused, because the engine can only answer (Pause included) between steps. Lower the batch size, the sequence length, the hidden size or the number of layers.',
    slow: 'One step takes ≈ {{seconds}} s {{where}}; the curves move once per step.',
  },

  // Choosing the text.
  data: {
    heading: 'Text',
    trainOn: 'Train on',
    own: 'Use your own text',
    upload: 'Upload a .txt file (UTF-8, up to 5 MB)',
    paste: 'Or paste text',
    trainOnThis: 'Train on this text',
    unchanged: '{{error}} The current model and run are unchanged.',
    split:
      '{{length}} characters, {{distinct}} distinct. Split: first {{train}} for training (90 %), last {{val}} for validation (10 %).',
  },
  corpora: {
    shakespeare: {
      label: 'Tiny Shakespeare',
      description:
        '1.1 MB of Shakespeare’s plays, 65 distinct characters (public domain, from Karpathy’s char-rnn).',
    },
    tang: {
      label: '320 Tang poems',
      description:
        'Three Hundred Tang Poems in traditional characters: about 2,600 distinct characters for only 30,000 characters of text — the large-vocabulary case.',
    },
    copy10: {
      label: 'Copy after 10 steps',
      description:
        'Lines of a letter, 10 dots and the same letter. Only the last letter of a line needs memory.',
    },
    copy20: {
      label: 'Copy after 20 steps',
      description: 'As above with 20 dots: a vanilla RNN starts to struggle.',
    },
    copy50: {
      label: 'Copy after 50 steps',
      description:
        'As above with 50 dots: beyond a 50-step chunk, truncated BPTT cannot see the letter.',
    },
    brackets: {
      label: 'Nested brackets',
      description: 'Balanced (), [] and {} nested up to 6 deep: closing needs a stack.',
    },
    counting: {
      label: 'Counting',
      description: 'Lines of n a’s, a colon and n b’s: the model must count to know when to stop.',
    },
    grammar: {
      label: 'Tiny grammar',
      description:
        'Sentences whose verb agrees with a subject across a relative clause (“<en>the dogs that the cat sees run</en>”).',
    },
    own: {
      label: 'Your own text',
      description: 'Pasted or uploaded; stays in this browser.',
    },
  },
  // Why a text of the learner's was refused (the engine's checks, and the file's).
  corpusProblem: {
    tooBig: 'The file is too big ({{mb}} MB); the limit is 5 MB.',
    notUtf8: 'The file is not valid UTF-8 text. Save it as UTF-8 (or plain text) and try again.',
  },

  // The settings form: one entry per row of the engine's settings table.
  form: {
    heading: 'Settings',
    model: 'Model',
    live: 'Training (live)',
    unit: ' ({{unit}})',
  },
  settings: {
    cell: {
      label: 'Cell',
      noun: 'cell',
      help: 'Vanilla RNN (one tanh), LSTM (gates i, f, g, o and a cell state c) or GRU (gates r, z, n).',
      options: { rnn: 'RNN', lstm: 'LSTM', gru: 'GRU' },
    },
    nonlinearity: {
      label: 'RNN nonlinearity',
      noun: 'RNN nonlinearity',
      help: 'tanh or ReLU, for the vanilla RNN only.',
      options: { tanh: 'tanh', relu: 'ReLU' },
    },
    hiddenSize: {
      label: 'Hidden size',
      noun: 'hidden size',
      unit: 'units',
      help: 'The width of h (and c): how many numbers carry memory from one character to the next. Not the number of time steps.',
    },
    numLayers: {
      label: 'Layers',
      noun: 'number of layers',
      help: 'Stacked recurrent layers; each reads the h of the one below.',
    },
    init: {
      label: 'Recurrent init',
      noun: 'recurrent init',
      help: 'W_hh at the start: PyTorch’s uniform default, a random orthogonal matrix, the identity (IRNN) or Gaussian entries, each times the recurrent scale.',
      options: {
        default: 'PyTorch default',
        orthogonal: 'Orthogonal',
        identity: 'Identity (IRNN)',
        normal: 'Gaussian',
      },
    },
    recurrentScale: {
      label: 'Recurrent scale',
      noun: 'recurrent scale',
      help: 'W_hh = s·Q (orthogonal), s·I (identity) or N(0, s²/H) entries (Gaussian), in each gate block. Below 1 gradients vanish through time; above 1 they can explode.',
    },
    gateBias: {
      label: 'Gate bias',
      noun: 'gate bias',
      help: 'LSTM forget-gate or GRU update-gate bias at the start; empty keeps PyTorch’s default.',
    },
    seed: {
      label: 'Seed',
      noun: 'seed',
      help: 'Same seed and settings, same run.',
    },
    seqLen: {
      label: 'Sequence length',
      noun: 'sequence length',
      unit: 'characters',
      help: 'How many steps BPTT unrolls per chunk. The state carries on to the next chunk; gradients do not.',
    },
    batchSize: {
      label: 'Batch size',
      noun: 'batch size',
      unit: 'streams',
      help: 'Parallel streams of text per step; the loss is their mean.',
    },
    optimizer: {
      label: 'Optimizer',
      noun: 'optimizer',
      help: 'How gradients become updates: torch.optim’s update rules and defaults (SGD with momentum 0.9).',
      options: {
        sgd: 'SGD',
        adagrad: 'Adagrad',
        rmsprop: 'RMSprop',
        adam: 'Adam',
        adamw: 'AdamW',
      },
    },
    lr: {
      label: 'Learning rate',
      noun: 'learning rate',
      help: 'The step size of each update. Changes live. Too large and the loss explodes.',
    },
    weightDecay: {
      label: 'Weight decay',
      noun: 'weight decay',
      help: 'AdamW’s λ: every step first shrinks each weight by the factor 1 − lr·λ, apart from the gradient.',
    },
    clipMode: {
      label: 'Gradient clipping',
      noun: 'gradient clipping',
      help: 'By norm rescales the whole gradient when its norm passes the threshold; by value clamps each entry. Changes live.',
      options: { none: 'None', norm: 'By norm', value: 'By value' },
    },
    clipThreshold: {
      label: 'Clip threshold',
      noun: 'clipping threshold',
      help: 'The norm (or value) clipping starts at.',
    },
  },
  // A value the settings refuse, as engine/settings.ts says it.
  refused: {
    sentence: 'The {{noun}} {{problem}}.',
    choice: 'must be one of {{options}} (got {{got}})',
    whole: 'must be a whole number from {{min}} to {{max}} (got {{got}})',
    number: 'must be a number (got {{got}})',
    range: 'must be between {{min}} and {{max}} (got {{got}})',
  },

  loss: {
    heading: 'Loss',
    lesson:
      'Loss is cross-entropy in nats per character: e^loss is how many characters the model is, in effect, choosing between. Lines: uniform guessing (ln V), a unigram and a bigram model fitted on the training split and scored on the validation split.',
    title: 'Training and validation loss',
    bits: 'bits per character',
    logSteps: 'log step axis',
    bitsUnit: 'bits/char',
    natsUnit: 'nats/char',
    val: 'Validation loss {{loss}} {{unit}} at step {{step}}.',
    noVal: 'Validation loss is measured every few seconds while training.',
    dataCaption: 'Loss per step ({{unit}})',
    step: 'step',
    lossColumn: 'loss',
    smoothedColumn: 'smoothed',
    validationColumn: 'validation',
    label: 'Loss in {{unit}} against training step',
    perStep: 'training (per step)',
    smoothed: 'training (smoothed)',
    validation: 'validation',
    uniform: 'uniform {{value}}',
    unigram: 'unigram {{value}}',
    bigram: 'bigram {{value}}',
    // A validation metric: "Recall after 20 steps: 64.0 % on validation (guessing: 3.8 %)."
    metric: '{{label}}: {{value}} on validation{{chance}}.',
    chance: ' (guessing: {{value}})',
    recall: 'Recall after {{steps}} steps',
  },

  gradients: {
    heading: 'Gradient health',
    lesson:
      'The global gradient norm per step, before and after clipping, and for the latest batch, across the chunk, how hard each step of the sequence is pushed: by every later loss (dL/dh_t) and by the last step’s loss alone (∂ℓ_T/∂h_t).',
    normTitle: 'Global gradient norm',
    clippedShare: '{{share}} % of {{steps}} steps clipped.',
    normCaption: 'Gradient norm per step',
    step: 'step',
    before: 'before clipping',
    after: 'after clipping',
    clipped: 'clipped',
    yes: 'yes',
    no: 'no',
    normLabel: 'Global gradient norm per step, before and after clipping (log scale)',
    normAxis: '‖g‖ (log)',
    dldhTitle: 'dL/dh_t and ∂ℓ_T/∂h_t across the latest chunk',
    dldhCaption:
      'dL/dh_t (solid) sums the losses of step t and of every later step, so it does not fall when the gradient vanishes: it levels off, because only the nearby losses still reach h_t. ∂ℓ_T/∂h_t (dashed) follows the last step’s loss alone back through the chunk: that curve falling towards t = 0 is the vanishing gradient.',
    dldhData: '‖dL/dh_t‖ and ‖∂ℓ_T/∂h_t‖ per step t of the latest batch, per layer',
    total: '‖dL/dh_t‖, layer {{layer}}',
    last: '‖∂ℓ_T/∂h_t‖, layer {{layer}}',
    dldhLabel:
      "Norms of dL/dh_t and of the last step's ∂ℓ_T/∂h_t across the chunk for each layer (log scale)",
    dldhX: 't (step within the chunk)',
    dldhY: 'norm (log)',
  },

  samples: {
    heading: 'Samples',
    lesson:
      'The model writing on its own, feeding each sampled character back in. Its errors compound — teacher-forced loss and free-running text are different things.',
    temperature: 'Temperature',
    temperatureTip:
      'Sampling only: p ∝ exp(y/τ). Low τ is safe and repetitive, high τ adventurous. It does not change the loss.',
    newSample: 'New sample',
    at: 'At step {{step}}, τ = {{temperature}}',
    none: 'A sample appears a moment after training starts.',
    timeline: 'Timeline (τ = 0.8)',
  },

  neurons: {
    heading: 'Neurons',
    lesson:
      'Each character is coloured by one unit’s activation after reading it (blue negative, red positive). The list ranks units by how strongly they follow a simple feature of the text.',
    layer: 'Layer',
    state: 'State',
    hidden: 'hidden h',
    cell: 'cell c',
    unit: 'Unit',
    textLabel: 'Validation text coloured by unit {{unit}} of {{kind}}, layer {{layer}}',
    dataCaption: 'Activation of unit {{unit}} of {{kind}} at each character, layer {{layer}}',
    dataName: 'unit {{unit}} activations',
    position: 'position',
    character: 'character',
    activation: 'activation',
    ranked: 'Units that follow a feature',
    unitButton: 'unit {{unit}}',
    none: 'Activations appear once a model exists.',
    features: {
      quote: 'inside quotes',
      bracket: 'inside brackets',
      linePos: 'position in the line',
      afterSpace: 'after a space',
      upper: 'uppercase letter',
    },
  },

  weights: {
    heading: 'Weights',
    lesson: 'W_ih and W_hh by gate, refreshed while training: rows are units, columns inputs.',
    layer: 'Layer',
    title: '{{matrix}} (gates {{gates}})',
    dataCaption: '{{matrix}} of layer {{layer}}, first 40 rows',
    row: 'row',
    col: 'col {{col}}',
    label: '{{matrix}} of layer {{layer}}, {{rows}} by {{cols}}, at step {{step}}',
    rows: 'rows: units, by gate',
    inputs: 'columns: input characters',
    below: 'columns: units of the layer below',
    recurrent: 'columns: units of the previous state h(t−1)',
    recurrentUnit: 'unit {{unit}} of h(t−1)',
    none: 'The weights appear once a model exists.',
  },

  save: {
    heading: 'Save, export, import',
    failed:
      'This browser refused to autosave the run (a model this large may not fit in one record, or storage is full or turned off), so a reload will not restore it{{past}}. Export the model file to keep it.',
    past: ' past step {{step}}',
    saved: 'Autosaved in this browser at {{time}}, at step {{step}}; a reload restores the run.',
    notYet: 'The run autosaves in this browser while it trains.',
    checkpoints: 'Checkpoints',
    name: 'Name',
    defaultName: 'Step {{step}}',
    saveCheckpoint: 'Save checkpoint',
    checkpoint: '{{model}}, {{corpus}}, step {{step}}',
    load: 'Load',
    rename: 'Rename',
    delete: 'Delete',
    newName: 'New name',
    export: 'Export',
    modelFile: 'Model file (.json)',
    script: 'PyTorch script (.py)',
    lossCsv: 'Loss history (.csv)',
    note: 'The model file uses PyTorch’s <code>state_dict</code> names; the script rebuilds the model, loads the file and samples, so you can continue in PyTorch.',
    import: 'Import',
    loadFile: 'Load a model file',
  },

  // What the store says: what was going on when something failed ("Could not train: …"),
  // what is in progress, what happened, and the questions it asks.
  failed: '{{what}}: {{reason}}',
  fail: {
    start: 'Could not start',
    restoreAfterRestart: 'Could not restore your run after the engine restarted',
    setting: 'Could not change the setting',
    settingWhileTraining: 'Could not change the setting while training',
    makeModel: 'Could not make the model',
    train: 'Could not train',
    step: 'Could not step',
    reset: 'Could not reset',
    restore: 'Could not restore',
    pause: 'Could not pause',
    loadText: 'Could not load the text',
    startOnText: 'Could not start on your text',
    goBack: 'Could not go back to the earlier run',
    saveCheckpoint: 'Could not save the checkpoint',
    loadCheckpoint: 'Could not load the checkpoint',
    rename: 'Could not rename',
    delete: 'Could not delete',
    export: 'Could not export',
    script: 'Could not write the script',
    import: 'Could not import',
    importModel: 'Could not import the model (your current model is unchanged)',
    sample: 'Could not sample',
    weights: 'Could not read the weights',
    neurons: 'Could not read the neurons',
  },
  reason: {
    noEngine: 'The engine is not running.',
    fetch: 'could not fetch {{file}} (HTTP {{status}})',
    ownGone: 'your own text is no longer stored; upload it again',
    notSavedFirst:
      'the current run could not be saved first, so it would be lost; export it or save a checkpoint, then try again',
    otherTab: 'it is open in another tab; go back to it there',
    noLongerSaved: 'it is no longer saved',
    notStored: 'the browser would not store it',
    missing: 'it is missing or damaged',
    tooBig: 'The file is too big for a model file.',
  },
  busy: {
    loading: 'Loading {{text}}…',
    restarting: 'The engine restarted; restoring your run…',
    pausing: 'Pausing after the step in progress…',
    restoring: 'Restoring your last run…',
  },
  message: {
    engineStopped: 'The engine stopped: {{reason}}',
    restartedBack:
      'The engine {{reason}} and was restarted. Your run is back at step {{step}}, its last autosave{{lost}}.',
    reached: ' (it had reached step {{step}})',
    restartedFresh:
      'The engine {{reason}} and was restarted with a fresh model: there was no autosave of this run to restore.',
    restoredCheckpoint: 'Restored the checkpoint from step {{step}}.',
    restoredRun: 'Restored your run at step {{step}}.',
    damaged: 'Your last run (step {{step}}) could not be restored: {{reason}}.{{download}}',
    canDownload: ' You can download it as it was saved.',
    backToEarlier: 'Back to your earlier run at step {{step}}, with its settings.',
    savedCheckpoint: 'Saved checkpoint “{{name}}”.',
    loadedCheckpoint: 'Loaded checkpoint “{{name}}” (step {{step}}).',
    ownNotStored:
      'Training on your text, but the browser would not store it: it will not be kept for your next visit.',
    imported: 'Imported the model.',
    importedUntrainable:
      'Imported the model. Its characters differ from this text, so it can be inspected but not trained here.',
  },
  confirm: {
    discard:
      '{{action}} starts a new model. The current one (trained for {{steps}} steps) will be discarded unless you save a checkpoint first.',
    discardLabel: 'Discard and continue',
    architecture: 'Changing the architecture',
    reset: 'Reset',
    otherText: 'Training on another text',
    ownText: 'Training on your own text',
    checkpoint: 'Loading a checkpoint',
    import: 'Importing a model',
  },
};
