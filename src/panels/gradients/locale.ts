// The language the view's words are in, for the content functions that take one (the race's
// status line, the "Train it" summary): the one react-i18next renders in.
import { useTranslation } from 'react-i18next';
import { LOCALES, type Locale } from '../../content/i18n';

export function useGradientWords() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const locale: Locale = (LOCALES as readonly string[]).includes(lang) ? (lang as Locale) : 'en';
  return { t, locale };
}
