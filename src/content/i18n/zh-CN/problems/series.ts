// Problems in Simplified Chinese (see ../../../../engine/problems/series.ts).
import type { Shape } from '../../shape';
import type { ProblemTable } from '../../../../engine/problems';

export const seriesCsv: Shape<ProblemTable['seriesCsv']> = {};
export const series: Shape<ProblemTable['series']> = {};
