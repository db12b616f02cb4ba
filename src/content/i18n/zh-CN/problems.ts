// What the engine reports a learner can act on, in Simplified Chinese, by area (problems/), with
// the same codes and {{placeholders}} as the engine's English (src/engine/problems/).
import type { Shape } from '../shape';
import type { ProblemTable } from '../../../engine/problems';
import { text, vocab } from './problems/text';
import { run } from './problems/run';
import { modelFile } from './problems/modelFile';
import { pairs, seq2seqFile } from './problems/seq2seq';
import { series, seriesCsv } from './problems/series';
import { settings } from './problems/settings';

export const problems: Shape<ProblemTable> = {
  text,
  vocab,
  run,
  modelFile,
  seq2seqFile,
  pairs,
  seriesCsv,
  series,
  settings,
};
