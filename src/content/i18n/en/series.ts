// The series words in English (see ../en.ts for the conventions). zh-CN/series.ts has the same keys.
export const series = {};
