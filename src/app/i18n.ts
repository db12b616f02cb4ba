// The interface's words through i18next: one instance for the page, its resources the content's
// messages (src/content/i18n), switched to the language in effect by the shell. Keys are typed:
// a key missing from English fails to compile.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LOCALES, MESSAGES, type Messages } from '../content/i18n';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}

/** The page's i18next, ready at import (the resources are in the bundle). */
export const i18n = i18next.createInstance();
void i18n.use(initReactI18next).init({
  resources: Object.fromEntries(LOCALES.map((l) => [l, { translation: MESSAGES[l] }])),
  lng: 'en',
  fallbackLng: 'en',
  supportedLngs: [...LOCALES],
  // React escapes what it renders; user text is never put into a message as markup.
  interpolation: { escapeValue: false },
  initAsync: false,
  returnNull: false,
});
