// The problems the engine and the worker report, in English, by area: the words the command line
// prints and the page shows in English. Each other language translates every code
// (src/content/i18n/zh-CN/problems/), keeping the {{placeholders}}.
import { text, vocab } from './text.ts';
import { run } from './run.ts';
import { modelFile } from './modelFile.ts';
import { pairs, seq2seqFile } from './seq2seq.ts';
import { series, seriesCsv } from './series.ts';
import { settings } from './settings.ts';

export const PROBLEMS = {
  text,
  vocab,
  run,
  modelFile,
  seq2seqFile,
  pairs,
  seriesCsv,
  series,
  settings,
} as const;

export type ProblemTable = typeof PROBLEMS;
