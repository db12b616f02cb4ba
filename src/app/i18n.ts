// The interface's words through react-i18next: components' `useTranslation` reads the content's
// i18next instance (src/content/i18n/instance.ts), switched to the language in effect by the shell.
import { setI18n } from 'react-i18next';
import { i18n } from '../content/i18n/instance';

setI18n(i18n);

export { i18n };
