// The `locale` slice: the language the learner chose (`lang=zh-CN` in the address, on every
// view's), or null to follow the browser's. The language in effect is `selectLocale`.
import * as v from 'valibot';
import { LOCALES, type Locale } from '../content/i18n';
import { urlSlice } from './urlSlice';

export interface LocaleState {
  lang: Locale | null;
}

export function initialLocale(): LocaleState {
  return { lang: null };
}

const LOCALE_PARAMS = {
  lang: v.optional(v.picklist(LOCALES)),
} satisfies v.ObjectEntries;

type Params = { [K in keyof typeof LOCALE_PARAMS]?: v.InferOutput<(typeof LOCALE_PARAMS)[K]> };

export const LOCALE_SLICE = urlSlice({
  initial: initialLocale,
  params: LOCALE_PARAMS,
  // An address without `lang` keeps the language chosen in this visit (a link inside a view need
  // not carry it); a fresh visit to such an address follows the browser's.
  fromParams: (p: Params): Partial<LocaleState> => (p.lang === undefined ? {} : { lang: p.lang }),
  toParams: (s: LocaleState): Params => (s.lang === null ? {} : { lang: s.lang }),
});
