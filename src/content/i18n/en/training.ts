// The training words in English (see ../en.ts for the conventions). zh-CN/training.ts has the same keys.
export const training = {};
