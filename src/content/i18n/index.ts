// The languages of the interface and their words. English is in the first load; another
// language's words load when it is first used (`loadMessages`), so a page in one language does
// not download the other. Components read the words through i18next (./instance.ts); the store
// through `translate` (src/store/messages.ts). `./all.ts` has every language at once (tests, Node).
import { en, type Messages } from './en';

export const LOCALES = ['en', 'zh-CN'] as const;
export type Locale = (typeof LOCALES)[number];

/** Each language's name in itself, for the switch. */
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', 'zh-CN': '简体中文' };

/** A language's words: English at once, the others as their own chunk. */
export function loadMessages(locale: Locale): Promise<Messages> {
  if (locale === 'en') return Promise.resolve(en);
  return import('./zh-CN').then((m) => m.zhCN);
}

/** The language for the browser's preferred ones: Chinese for any zh, else English. */
export function localeFor(languages: readonly string[]): Locale {
  for (const lang of languages) {
    const l = lang.toLowerCase();
    if (l.startsWith('zh')) return 'zh-CN';
    if (l.startsWith('en')) return 'en';
  }
  return 'en';
}

export { en };
export type { Messages };
