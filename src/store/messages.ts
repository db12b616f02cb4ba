// The store's messages (notices, errors, statuses) in the language in effect, from the same
// message trees the components read. A message is written when it is made: switching the
// language later does not rewrite a notice already shown.
import type { ParseKeys } from 'i18next';
import { i18n } from '../content/i18n/instance';
import type { Locale } from '../content/i18n';
import { selectLocale } from './selectors';
import type { AppState } from './store';

/** A key of the message trees (a plural's key without its `_one`/`_other`). */
export type MessageKey = ParseKeys;

/** Values for a message's `{{placeholders}}` (`count` also picks a plural form). */
export type MessageVars = Record<string, string | number>;

/** The words of a key in a language, with its placeholders filled in. */
export function translate(locale: Locale, key: MessageKey, vars?: MessageVars): string {
  const t = i18n.getFixedT(locale) as unknown as (key: string, vars?: MessageVars) => string;
  return t(key, vars);
}

/** The words of a key in the language the state is in. */
export function say(state: AppState, key: MessageKey, vars?: MessageVars): string {
  return translate(selectLocale(state), key, vars);
}
