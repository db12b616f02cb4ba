// The series words in Simplified Chinese, with the same keys as ../en/series.ts.
import type { Shape } from '../shape';
import type { series as en } from '../en/series';

export const series: Shape<typeof en> = {};
