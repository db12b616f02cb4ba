// What can be wrong with an encoder–decoder: its model file (seq2seq/file.ts), its configuration
// (seq2seq/model.ts), a generated task's options (seq2seq/tasks.ts) and its pairs (seq2seq/tasks.ts,
// seq2seq/training.ts). zh-CN's problems say the same.
export const seq2seqFile = {
  notJson: 'Not a usable encoder–decoder file: it is not JSON.',
  wrongFormat: 'Not a usable encoder–decoder file: its format is not "{{format}}".',
  wrongVersion: 'Not a usable encoder–decoder file: version {{version}} is not one this app reads.',
  noConfig: 'Not a usable encoder–decoder file: it has no configuration.',
  /** {{reason}}: a seq2seqConfig problem. */
  badConfig: 'Not a usable encoder–decoder file: {{reason}}',
  noVocab: 'Not a usable encoder–decoder file: it has no characters.',
  inputCharsSize:
    'Not a usable encoder–decoder file: the input characters must be a list of {{size}}.',
  outputCharsSize:
    'Not a usable encoder–decoder file: the output characters must be a list of {{size}}.',
  inputCharsDistinct:
    'Not a usable encoder–decoder file: the input characters must be distinct single characters.',
  outputCharsDistinct:
    'Not a usable encoder–decoder file: the output characters must be distinct single characters.',
  task: 'Not a usable encoder–decoder file: its task is not text.',
  step: 'Not a usable encoder–decoder file: its step is not a whole number.',
  noTensors: 'Not a usable encoder–decoder file: it has no tensors.',
  // {{tensor}}: a tensor's PyTorch name; {{tensors}}: names, comma-separated.
  extraTensors:
    'Not a usable encoder–decoder file: it has tensors this model does not: {{tensors}}.',
  missingTensor: 'Not a usable encoder–decoder file: {{tensor}} is missing.',
  badShape: 'Not a usable encoder–decoder file: {{tensor}} should have shape [{{shape}}].',
  badLength: 'Not a usable encoder–decoder file: {{tensor}} should hold {{size}} numbers.',
  notFinite: 'Not a usable encoder–decoder file: {{tensor}}[{{index}}] is not a finite number.',
} as const;

/** An encoder–decoder's configuration out of range (a file's, or the Attention view's settings). */
export const seq2seqConfig = {
  unknownCell: 'Unknown cell "{{cell}}".',
  unknownAttention: 'Unknown attention "{{attention}}".',
  hiddenSize: 'The hidden size must be a whole number from {{lo}} to {{hi}} (got {{value}}).',
  attentionSize: 'The attention size must be a whole number from {{lo}} to {{hi}} (got {{value}}).',
  inputSize: 'The source vocabulary must be a whole number from {{lo}} to {{hi}} (got {{value}}).',
  outputSize: 'The target vocabulary must be a whole number from {{lo}} to {{hi}} (got {{value}}).',
  bidirectional: 'bidirectional must be a boolean.',
  dotBidirectional:
    'Dot attention compares s_t with h_s, so they must have one size: use "general" with a bidirectional encoder.',
} as const;

/** A generated task's options out of range; {{task}} is its name (dates, reverse, sort, add). */
export const seq2seqTask = {
  unknown: 'Unknown sequence-to-sequence task "{{task}}"; expected one of {{tasks}}.',
  // {{option}}: an option's name (seed, trainSize, validationSize, minLength, maxLength).
  wholeNumber: '{{task}}: {{option}} must be a whole number from {{lo}} to {{hi}}; got {{value}}.',
  tooMany: '{{task}}: trainSize + validationSize is {{total}}; the limit is {{limit}}.',
  moreThanHalf:
    '{{task}}: trainSize + validationSize is {{total}}, more than half of the {{distinct}} distinct inputs; use fewer examples.',
  moreThanHalfLetters:
    '{{task}}: trainSize + validationSize is {{total}}, more than half of the {{distinct}} distinct inputs of {{min}}–{{max}} letters; use fewer examples or longer inputs.',
  moreThanHalfDigits:
    '{{task}}: trainSize + validationSize is {{total}}, more than half of the {{distinct}} distinct inputs of {{min}}–{{max}} digits; use fewer examples or longer inputs.',
} as const;

/** An input–output pair that cannot be read or encoded; {{line}} is the line as JSON. */
export const pairs = {
  tabs: 'Expected INPUT<TAB>OUTPUT with exactly one tab; found {{tabs}} in {{line}}.',
  inputEmptyIn: 'The input is empty in {{line}}.',
  outputEmptyIn: 'The output is empty in {{line}}.',
  inputEmpty: 'The input is empty.',
  inputUnknownChar: 'The input has “{{char}}”, which the model does not know.',
  outputUnknownChar: 'The output has “{{char}}”, which the model does not know.',
} as const;
