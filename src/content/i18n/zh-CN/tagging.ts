// The tagging words in Simplified Chinese, with the same keys as ../en/tagging.ts.
import type { Shape } from '../shape';
import type { tagging as en } from '../en/tagging';

export const tagging: Shape<typeof en> = {};
