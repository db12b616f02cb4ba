// The language switch in the header: English or 简体中文, written into the address (`lang=`) so a
// link keeps it; each option is named in its own language.
import { useTranslation } from 'react-i18next';
import { LOCALE_NAMES, LOCALES, type Locale } from '../content/i18n';
import { setLocale } from '../store/actions';
import { selectLocale } from '../store/selectors';
import { useAppStore } from '../store/store';

export function LanguageSwitch() {
  const { t } = useTranslation();
  const locale = useAppStore(selectLocale);
  return (
    <label className="language-switch" title={t('shell.language')}>
      <select
        value={locale}
        onChange={(e) => setLocale(e.target.value as Locale)}
        aria-label={t('shell.language')}
      >
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LOCALE_NAMES[l]}
          </option>
        ))}
      </select>
    </label>
  );
}
