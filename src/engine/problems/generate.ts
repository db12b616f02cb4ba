// What keeps a model from generating (engine/generate.ts): it is not the kind of model that
// writes its own next input, or the length or start asked for cannot be. zh-CN's problems say
// the same.
export const generate = {
  notCharModel: 'Only character models can generate text.',
  notOwnInput: 'Only a model that predicts its own next input can continue a sequence.',
  bidirectional: 'A bidirectional model reads the future; it cannot generate.',
  length: 'Invalid length: {{length}}.',
  startValues: 'The start needs a positive multiple of {{size}} values.',
} as const;
