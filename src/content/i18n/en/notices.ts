// The notices words in English (see ../en.ts for the conventions). zh-CN/notices.ts has the same keys.
export const notices = {};
