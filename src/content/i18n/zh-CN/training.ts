// The training words in Simplified Chinese, with the same keys as ../en/training.ts.
import type { Shape } from '../shape';
import type { training as en } from '../en/training';

export const training: Shape<typeof en> = {};
