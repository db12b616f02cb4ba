// The one i18next instance. It starts with English; `showLocale` loads another language's words
// the first time it is needed and then switches to it. Components read it through react-i18next
// (src/app/i18n.ts); the store writes its messages with `translate` (src/store/messages.ts). Keys
// are typed: a key missing from English fails to compile.
import i18next from 'i18next';
import { en, LOCALES, loadMessages, type Locale, type Messages } from './index';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}

/** The page's i18next, ready at import with English. */
export const i18n = i18next.createInstance();
void i18n.init({
  resources: { en: { translation: en } },
  lng: 'en',
  fallbackLng: 'en',
  supportedLngs: [...LOCALES],
  // React escapes what it renders; user text is never put into a message as markup.
  interpolation: { escapeValue: false },
  initAsync: false,
  returnNull: false,
});

/** Adds a language's words (loaded elsewhere, e.g. by a test) to the instance. */
export function addMessages(locale: Locale, messages: Messages): void {
  if (!i18n.hasResourceBundle(locale, 'translation'))
    i18n.addResourceBundle(locale, 'translation', messages);
}

/** Loads a language's words if need be, then shows the interface in it. */
export async function showLocale(locale: Locale): Promise<void> {
  if (!i18n.hasResourceBundle(locale, 'translation'))
    addMessages(locale, await loadMessages(locale));
  if (i18n.language !== locale) await i18n.changeLanguage(locale);
}
