// The problems the engine and the worker report, in English, by area: the words the command line
// prints and the page shows in English. Each other language translates every code
// (src/content/i18n/zh-CN/problems/), keeping the {{placeholders}}.
import { text, vocab } from './text.ts';
import { run } from './run.ts';
import { modelFile, views } from './modelFile.ts';
import { pairs, seq2seqConfig, seq2seqFile, seq2seqTask } from './seq2seq.ts';
import { series, seriesCsv } from './series.ts';
import { settings } from './settings.ts';
import { generate } from './generate.ts';

export const PROBLEMS = {
  text,
  vocab,
  run,
  modelFile,
  views,
  seq2seqFile,
  seq2seqConfig,
  seq2seqTask,
  pairs,
  seriesCsv,
  series,
  settings,
  generate,
} as const;

export type ProblemTable = typeof PROBLEMS;
