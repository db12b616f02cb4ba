// What can be wrong with a text to train on, its vocabulary and its split (corpus.ts, vocab.ts,
// data.ts, tasks/). `{{name}}` is a value the problem names; zh-CN's problems/text.ts says the same.
export const text = {
  empty: 'The text is empty. Paste or upload some text to learn from.',
  tooLong: 'The text is too long: {{length}} characters; the limit is {{limit}}.',
  nul: 'This looks like a binary file (it contains NUL bytes), not text.',
  control:
    'This looks like a binary file, not text: {{control}} of its characters are control codes or undecodable bytes.',
  oneChar:
    'The text has only one distinct character; a model needs at least two to learn anything.',
  tooShort: 'The text is too short: {{length}} characters; give at least {{min}}.',
  tooShortToSplit:
    'The text is too short to split: {{length}} characters give {{train}} for training and {{validation}} for validation; each part needs at least 2.',
  tooShortForBatches:
    'The text is too short for {{streams}} streams of {{steps}} characters: it has {{length}} characters and needs at least {{needed}} (B·T + 1). Use fewer streams, shorter chunks or more text.',
  fewWords: 'The text has too few words to learn where they end.',
  tooLittleData: 'Too little data to split: {{positions}} positions.',
  tooLittleForWindows: 'Too little data for windows of {{steps}}: {{positions}} positions.',
} as const;

export const vocab = {
  emptyText: 'The text is empty: a character model needs some text to learn from.',
  tooManyInText: 'The text has {{distinct}} distinct characters; the limit is {{limit}}.',
  empty: 'The vocabulary is empty.',
  tooMany: 'The vocabulary has {{size}} characters; the limit is {{limit}}.',
  notOneChar: 'Vocabulary entry {{index}} ({{entry}}) is not exactly one character.',
  repeats: 'Vocabulary entry {{index}} repeats the character {{char}}.',
  unknownChar: "The character {{char}} at position {{position}} is not in the model's vocabulary.",
  idOutside: 'Id {{id}} at position {{position}} is outside the vocabulary of {{size}} characters.',
} as const;
