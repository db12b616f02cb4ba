// The gradients words in Simplified Chinese, with the same keys as ../en/gradients.ts.
import type { Shape } from '../shape';
import type { gradients as en } from '../en/gradients';

export const gradients: Shape<typeof en> = {};
