// What can be wrong with an encoder–decoder's model file and its pairs (engine/seq2seq/).
// zh-CN's problems say the same.
export const seq2seqFile = {} as const;

export const pairs = {} as const;
