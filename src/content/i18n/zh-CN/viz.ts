// The viz words in Simplified Chinese, with the same keys as ../en/viz.ts.
import type { Shape } from '../shape';
import type { viz as en } from '../en/viz';

export const viz: Shape<typeof en> = {};
