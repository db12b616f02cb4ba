// The notices words in Simplified Chinese, with the same keys as ../en/notices.ts.
import type { Shape } from '../shape';
import type { notices as en } from '../en/notices';

export const notices: Shape<typeof en> = {};
