// The one i18next instance: its resources are the content's message trees, its language the one
// in effect (the shell switches it). Components read it through react-i18next (src/app/i18n.ts);
// the store writes its messages with `translate` (src/store/messages.ts). Keys are typed: a key
// missing from English fails to compile.
import i18next from 'i18next';
import { LOCALES, MESSAGES, type Messages } from './index';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}

/** The page's i18next, ready at import (the resources are in the bundle). */
export const i18n = i18next.createInstance();
void i18n.init({
  resources: Object.fromEntries(LOCALES.map((l) => [l, { translation: MESSAGES[l] }])),
  lng: 'en',
  fallbackLng: 'en',
  supportedLngs: [...LOCALES],
  // React escapes what it renders; user text is never put into a message as markup.
  interpolation: { escapeValue: false },
  initAsync: false,
  returnNull: false,
});
