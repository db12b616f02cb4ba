// What the engine reports a learner can act on, in Simplified Chinese, by area (problems/), with
// the same codes and {{placeholders}} as the engine's English (src/engine/problems/).
import type { Shape } from '../shape';
import type { ProblemTable } from '../../../engine/problems';
import { text, vocab } from './problems/text';
import { run } from './problems/run';
import { modelFile, views } from './problems/modelFile';
import { pairs, seq2seqConfig, seq2seqFile, seq2seqTask } from './problems/seq2seq';
import { series, seriesCsv } from './problems/series';
import { settings } from './problems/settings';
import { generate } from './problems/generate';

export const problems: Shape<ProblemTable> = {
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
};
