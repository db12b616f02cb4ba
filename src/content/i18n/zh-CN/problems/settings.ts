// Problems in Simplified Chinese (see ../../../../engine/problems/settings.ts).
import type { Shape } from '../../shape';
import type { ProblemTable } from '../../../../engine/problems';

export const settings: Shape<ProblemTable['settings']> = {};
