// The gradients words in English (see ../en.ts for the conventions). zh-CN/gradients.ts has the same keys.
export const gradients = {};
