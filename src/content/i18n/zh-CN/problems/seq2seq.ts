// Problems in Simplified Chinese (see ../../../../engine/problems/seq2seq.ts).
import type { Shape } from '../../shape';
import type { ProblemTable } from '../../../../engine/problems';

export const seq2seqFile: Shape<ProblemTable['seq2seqFile']> = {};
export const pairs: Shape<ProblemTable['pairs']> = {};
