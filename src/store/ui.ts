// The `ui` slice: which view is showing, the theme, the notice line and the engine status.

import type { Locale } from '../content/i18n';
import { DEFAULT_VIEW, type View } from './views';

export type Theme = 'light' | 'dark';

/**
 * What the footer's status line reports about the engine worker. A ready engine may carry a note
 * on what it got through (an error it survived, a restart); `restarting` is a worker that died or
 * hung being replaced. Its words (`engine`, `note`, `message`) are in the language in effect
 * (connectEngine writes them again when it changes); `reason` is the client's, which the status
 * line puts in words (engineWords.ts).
 */
export type EngineStatus =
  | { state: 'starting' }
  | { state: 'ready'; engine: string; note?: string }
  | { state: 'restarting'; reason: string }
  | { state: 'failed'; message: string };

export interface UiState {
  view: View;
  /** The theme the user picked with the toggle, or null to follow the system. */
  themeChoice: Theme | null;
  /** The system's `prefers-color-scheme`. */
  systemTheme: Theme;
  /** The system's `prefers-reduced-motion: reduce`; animations should jump when true. */
  reducedMotion: boolean;
  /** A short message for the dismissible notice line, e.g. about a bad address. */
  notice: string | null;
  engine: EngineStatus;
  /** The language the browser prefers (the one in effect unless the address names one). */
  systemLocale: Locale;
}

export function initialUi(): UiState {
  return {
    view: DEFAULT_VIEW,
    themeChoice: null,
    systemTheme: 'light',
    reducedMotion: false,
    notice: null,
    engine: { state: 'starting' },
    systemLocale: 'en',
  };
}

/** The theme in effect: the user's choice, else the system's. */
export function effectiveTheme(ui: Pick<UiState, 'themeChoice' | 'systemTheme'>): Theme {
  return ui.themeChoice ?? ui.systemTheme;
}
