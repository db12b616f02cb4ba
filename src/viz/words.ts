// The charts' own words outside a component (tooltips built by plain functions): the message
// trees' words in a language, by default the one the interface shows. Components read theirs
// with `useTranslation()` and pass its language on, so a switch re-renders them.
import type { ParseKeys } from 'i18next';
import { i18n } from '../content/i18n/instance';

/** Writes a message's words with its `{{placeholders}}` filled in. */
export type Say = (key: ParseKeys, vars?: Record<string, string | number>) => string;

/** The words of `lang` (default: the language the interface is in). */
export function vizSay(lang?: string): Say {
  return i18n.getFixedT(lang ?? i18n.language) as unknown as Say;
}
