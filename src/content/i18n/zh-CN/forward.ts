// The forward words in Simplified Chinese, with the same keys as ../en/forward.ts.
import type { Shape } from '../shape';
import type { forward as en } from '../en/forward';

export const forward: Shape<typeof en> = {};
