// What stops a request on the worker's runs: nothing to work on yet, a saved run that no longer
// fits, training that failed (worker/); and a task asked for by a name or a value it does not
// have (engine/tasks/). zh-CN's problems say the same.
export const run = {
  trainingStopped: 'Training stopped: {{reason}}',
  stepTooLong:
    'One step took {{seconds}} s, and steps over {{limit}} s are refused so that Pause can answer. Lower the batch size, the sequence length, the hidden size or the number of layers.',

  // The character model's session (worker/session.ts).
  noText: 'Choose a text to train on first.',
  noModel: 'There is no model yet: create or load one first.',
  fileNotHeld: 'The file is no longer held; choose it again.',
  charactersDiffer: 'The model and the text have different characters.',
  cannotTrain:
    'This model cannot train on the current text (its characters differ). Create a new model for it.',
  noCheckpoint: 'There is no checkpoint to restore.',

  // The Time series and Attention views' runs (worker/seriesRun.ts, attentionRun.ts).
  noSeries: 'Choose a series first.',
  noValidationLoss: 'There is no validation loss yet: train first.',
  /** `{{settings}}`: a setting's label, or a list of them (problems `settings.*`). */
  needNewModel: '{{settings}}: these need a new model.',
  noEarlierModel: 'There is no earlier model to go back to.',
  savedSeriesMismatch: 'The saved model does not fit this series and model.',
  noEncoderDecoder: 'There is no encoder–decoder yet.',
  lrNotPositive: 'The learning rate must be above 0.',
  batchSize: 'The batch size must be a whole number from {{min}} to {{max}}.',
  savedTaskMismatch: 'The saved model does not fit this task and model.',

  // A view's saved runs (worker/savedRunIo.ts).
  otherSeriesChosen: 'Another series or model was chosen meanwhile.',
  otherTaskChosen: 'Another task or model was chosen meanwhile.',
  checkpointMissing: 'The checkpoint is missing or damaged.',
  checkpointOtherSeries:
    'The checkpoint was made from another series or model: choose those first.',
  checkpointOtherTask: 'The checkpoint was made from another task or model: choose those first.',

  // Tasks by name or value (engine/tasks/registry.ts, copy.ts, future.ts).
  noGeneratedText: 'There is no generated text called "{{name}}".',
  notCopyTask: '"{{name}}" is not a copy task.',
  lookahead: 'The lookahead must be a whole number from {{min}} to {{max}} (got {{got}}).',
} as const;
