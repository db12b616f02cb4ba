// What can be wrong with a model file (engine/modelfile.ts, worker/), and with a text or a model a
// view is asked to trace (worker/viewModels.ts). zh-CN's problems say the same.
export const modelFile = {
  tooBig: 'The file is too big for a model file.',
  // Reading the file.
  notJson: 'The file is not valid JSON ({{detail}}).',
  notObject: 'The file does not hold a JSON object.',
  wrongFormat: 'This is not an Unrolled model file: "format" must be "{{format}}".',
  wrongVersion:
    'Unsupported model file version {{version}}; this app reads versions {{oldest}} and {{newest}}.',
  noConfig: 'The file has no "config" object.',
  noTensors: 'The file has no "tensors" object.',
  // Its configuration. {{name}} is a key of the file (config.hiddenSize, …); {{found}} its value.
  wholeNumber: '{{name}} must be a whole number from {{lo}} to {{hi}} (found {{found}}).',
  unknownCell: 'Unknown cell {{found}}: expected "rnn", "lstm" or "gru".',
  unknownNonlinearity: 'Unknown nonlinearity {{found}}: expected "tanh" or "relu".',
  unknownInput: 'Unknown input {{found}}: expected "onehot" or "dense".',
  unknownHead: 'Unknown head {{found}}: expected "softmax" or "linear".',
  bidirectional: 'config.bidirectional must be true or false.',
  vocabNotList: 'config.vocab must be a list of characters.',
  badVocab: 'Bad vocabulary: {{reason}}',
  classesMissing: 'config.classes must list the classes of a softmax head.',
  classesNotList: 'config.classes must be a list of 1 to {{max}} labels.',
  classLabelText: 'Class label {{index}} must be text of 1 to 100 characters.',
  classLabelRepeats: 'Class label {{index}} repeats {{label}}.',
  task: 'config.task must be a short text.',
  seriesNotObject: 'config.series must be an object.',
  seriesWrongModel:
    'config.series belongs to a model that reads one value per step and predicts one (a linear head).',
  seriesColumn: 'config.series.column must be text of 1 to 200 characters.',
  seriesMean: 'config.series.mean must be a finite number (found {{found}}).',
  seriesScale:
    'config.series.scale must be a finite number above 0 (found {{found}}): the inputs are divided by it.',
  seriesDifference: 'config.series.difference must be true or false.',
  seriesHorizon: 'config.series: a model that learns the changes predicts 1 step ahead.',
  // Its tensors. {{tensor}} is a tensor's PyTorch name.
  unexpectedTensor: 'Unexpected tensor {{tensor}} for a {{layers}}-layer {{cell}}.',
  missingTensor: 'Missing tensor "{{tensor}}".',
  badShape: 'Tensor "{{tensor}}" has shape {{found}}; expected [{{expected}}].',
  badLength: 'Tensor "{{tensor}}" must hold {{size}} numbers (found {{found}}).',
  noData: 'Tensor "{{tensor}}" must hold {{size}} numbers (found no list).',
  notFinite: 'Tensor "{{tensor}}" holds a value that is not a finite number at index {{index}}.',
  // What the file holds, when it is not what was asked for; {{kind}} is one of the kinds below.
  notCharacterModel:
    'This file holds a {{kind}}, not a character model that predicts the next character.',
  kind: '{{cell}} with {{input}} input and a {{head}}',
  kindBidirectional: 'bidirectional {{cell}} with {{input}} input and a {{head}}',
  inputOneHot: 'one-hot',
  inputDense: 'real-valued',
  headSoftmax: '{{classes}}-class softmax head',
  headLinear: 'linear head',
  // Saving a model.
  digits: 'Digits must be a whole number from 1 to 17 (got {{digits}}).',
  nonlinearityNotSaved:
    'PyTorch\'s RNN has no "{{nonlinearity}}" nonlinearity; only tanh and relu can be saved.',
  vocabMismatch: 'The vocabulary does not match the model.',
  classesMismatch: 'The class labels do not match the model.',
  vocabAlone: 'Only character models are saved with a vocabulary alone.',
} as const;

/** A view's text or model that cannot be traced (worker/viewModels.ts). */
export const views = {
  traceTooShort: 'Type at least two characters to trace.',
  tagTooShort: 'Type at least one character other than a space to tag.',
  modelNotLoaded: 'The model "{{model}}" is not loaded.',
  autosaveNotLoaded: 'The autosaved run is not loaded.',
  autosaveGone: 'That autosaved run is no longer saved: open the Training view.',
} as const;
