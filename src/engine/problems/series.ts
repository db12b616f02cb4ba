// What can be wrong with a series: its CSV file, its length, its settings (engine/tasks/series*).
// zh-CN's problems say the same.
export const seriesCsv = {} as const;

export const series = {} as const;
