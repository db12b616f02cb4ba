// The worker's run problems in Simplified Chinese (see ../../../../engine/problems/run.ts).
import type { Shape } from '../../shape';
import type { ProblemTable } from '../../../../engine/problems';

export const run: Shape<ProblemTable['run']> = {
  trainingStopped: '训练已停止：{{reason}}',
};
