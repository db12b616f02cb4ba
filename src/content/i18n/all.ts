// Every language's words at once, for the tests and for Node (the page loads them one by one:
// ./index.ts).
import type { Locale, Messages } from './index';
import { en } from './en';
import { zhCN } from './zh-CN';

export const MESSAGES: Record<Locale, Messages> = { en, 'zh-CN': zhCN };
