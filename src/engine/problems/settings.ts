// A training setting out of its range (engine/settings.ts, worker/). zh-CN's problems say the same.
// One sentence per setting and kind of problem, "The <noun> <what is wrong>.", as settings.ts's
// settingProblem words its end; then each setting's form label (a list of settings names them),
// and the lists themselves.

export const settings = {
  cellChoice: 'The cell must be one of {{options}} (got {{got}}).',
  nonlinearityChoice: 'The RNN nonlinearity must be one of {{options}} (got {{got}}).',
  hiddenSizeWhole: 'The hidden size must be a whole number from {{min}} to {{max}} (got {{got}}).',
  numLayersWhole:
    'The number of layers must be a whole number from {{min}} to {{max}} (got {{got}}).',
  initChoice: 'The recurrent init must be one of {{options}} (got {{got}}).',
  recurrentScaleNumber: 'The recurrent scale must be a number (got {{got}}).',
  recurrentScaleRange: 'The recurrent scale must be between {{min}} and {{max}} (got {{got}}).',
  gateBiasNumber: 'The gate bias must be a number (got {{got}}).',
  gateBiasRange: 'The gate bias must be between {{min}} and {{max}} (got {{got}}).',
  seedWhole: 'The seed must be a whole number from {{min}} to {{max}} (got {{got}}).',
  seqLenWhole: 'The sequence length must be a whole number from {{min}} to {{max}} (got {{got}}).',
  batchSizeWhole: 'The batch size must be a whole number from {{min}} to {{max}} (got {{got}}).',
  optimizerChoice: 'The optimizer must be one of {{options}} (got {{got}}).',
  lrNumber: 'The learning rate must be a number (got {{got}}).',
  lrRange: 'The learning rate must be between {{min}} and {{max}} (got {{got}}).',
  weightDecayNumber: 'The weight decay must be a number (got {{got}}).',
  weightDecayRange: 'The weight decay must be between {{min}} and {{max}} (got {{got}}).',
  clipModeChoice: 'The gradient clipping must be one of {{options}} (got {{got}}).',
  clipThresholdNumber: 'The clipping threshold must be a number (got {{got}}).',
  clipThresholdRange: 'The clipping threshold must be between {{min}} and {{max}} (got {{got}}).',

  // The form's labels (settingsTable.ts), named in other problems.
  cell: 'Cell',
  nonlinearity: 'RNN nonlinearity',
  hiddenSize: 'Hidden size',
  numLayers: 'Layers',
  init: 'Recurrent init',
  recurrentScale: 'Recurrent scale',
  gateBias: 'Gate bias',
  seed: 'Seed',
  seqLen: 'Sequence length',
  batchSize: 'Batch size',
  optimizer: 'Optimizer',
  lr: 'Learning rate',
  weightDecay: 'Weight decay',
  clipMode: 'Gradient clipping',
  clipThreshold: 'Clip threshold',

  // Two to five settings named in a row.
  list2: '{{a}}, {{b}}',
  list3: '{{a}}, {{b}}, {{c}}',
  list4: '{{a}}, {{b}}, {{c}}, {{d}}',
  list5: '{{a}}, {{b}}, {{c}}, {{d}}, {{e}}',
} as const;
