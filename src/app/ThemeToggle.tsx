import { useTranslation } from 'react-i18next';
import { toggleTheme } from '../store/actions';
import { selectTheme } from '../store/selectors';
import { useAppStore } from '../store/store';

/** Switches between the light and dark themes; the icon shows the theme it switches to. */
export function ThemeToggle() {
  const theme = useAppStore(selectTheme);
  const next = theme === 'dark' ? 'light' : 'dark';
  const { t } = useTranslation();
  const label = next === 'dark' ? t('shell.toDark') : t('shell.toLight');
  return (
    <button
      type="button"
      className="icon-button"
      onClick={toggleTheme}
      aria-label={label}
      title={label}
    >
      {next === 'dark' ? <MoonIcon /> : <SunIcon />}
    </button>
  );
}

function MoonIcon() {
  return (
    <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      <path d="M20 14.5A8.5 8.5 0 0 1 9.5 4a8.5 8.5 0 1 0 10.5 10.5Z" fill="currentColor" />
    </svg>
  );
}

function SunIcon() {
  return (
    <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      <circle cx="12" cy="12" r="4.5" fill="currentColor" />
      <path
        d="M12 2v2.5M12 19.5V22M2 12h2.5M19.5 12H22M4.9 4.9l1.8 1.8M17.3 17.3l1.8 1.8M4.9 19.1l1.8-1.8M17.3 6.7l1.8-1.8"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
      />
    </svg>
  );
}
