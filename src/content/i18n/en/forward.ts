// The forward words in English (see ../en.ts for the conventions). zh-CN/forward.ts has the same keys.
export const forward = {};
