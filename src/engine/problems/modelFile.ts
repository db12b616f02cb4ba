// What can be wrong with a model file (engine/modelfile.ts, worker/). zh-CN's problems say the same.
export const modelFile = {
  tooBig: 'The file is too big for a model file.',
} as const;
