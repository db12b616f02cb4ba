// Problems in Simplified Chinese (see ../../../../engine/problems/modelFile.ts).
import type { Shape } from '../../shape';
import type { ProblemTable } from '../../../../engine/problems';

export const modelFile: Shape<ProblemTable['modelFile']> = {
  tooBig: '文件太大，不可能是模型文件。',
};
