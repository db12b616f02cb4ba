// The viz words in English (see ../en.ts for the conventions). zh-CN/viz.ts has the same keys.
export const viz = {};
