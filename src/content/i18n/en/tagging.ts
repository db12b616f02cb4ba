// The tagging words in English (see ../en.ts for the conventions). zh-CN/tagging.ts has the same keys.
export const tagging = {};
