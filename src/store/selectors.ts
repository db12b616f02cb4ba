// Atomic selectors: each returns one value, so a component re-renders only when it changes.
import type { AppState } from './store';
import { effectiveTheme } from './ui';

export const selectView = (state: AppState) => state.ui.view;
export const selectTheme = (state: AppState) => effectiveTheme(state.ui);
export const selectNotice = (state: AppState) => state.ui.notice;
export const selectEngine = (state: AppState) => state.ui.engine;
export const selectReducedMotion = (state: AppState) => state.ui.reducedMotion;

/** The language in effect: the one the address names, else the browser's. */
export const selectLocale = (state: AppState) => state.locale.lang ?? state.ui.systemLocale;
