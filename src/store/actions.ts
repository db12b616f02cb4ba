// Every action with a side effect: the address bar, localStorage, media queries, the document
// and the engine worker. Components call these; they never touch the world themselves.
// `startApp` binds the app to a window and an engine client (engineAccess.ts keeps them, for
// every view's actions) and returns a teardown.
import { localeFor, type Locale } from '../content/i18n';
import { showLocale } from '../content/i18n/instance';
import type { EngineClient } from '../worker/client';
import { bindApp, boundWindow, writeAddress } from './engineAccess';
import { engineReason, replyReason } from './engineWords';
import { translate } from './messages';
import { selectLocale } from './selectors';
import { appStore, patchSlice, patchUi } from './store';
import { effectiveTheme, type EngineStatus, type Theme } from './ui';
import { problemsText, readHash, serialiseHash, slicesFromParams } from './url';
import { URL_SLICE_KEYS } from './views';

export const THEME_STORAGE_KEY = 'unrolled.theme';

/** Binds the store to the address bar, theme, document title and engine. */
export function startApp(win: Window, engine: EngineClient): () => void {
  // The browser's language first: a notice about the address is written in the language in effect.
  readSystemLocale(win.document);
  const stops = [
    bindApp(win, engine),
    bindUrl(win),
    bindTheme(win),
    bindTitle(win.document),
    connectEngine(engine),
  ];
  return () => {
    for (const stop of stops) stop();
  };
}

// ---- address bar -----------------------------------------------------------------------

/** Applies the current hash and follows `hashchange` (links, Back and Forward). */
export function bindUrl(win: Window): () => void {
  const apply = () => applyHash(win);
  apply();
  win.addEventListener('hashchange', apply);
  return () => win.removeEventListener('hashchange', apply);
}

/**
 * Puts the view and every slice's settings the hash describes into the store; what it could not
 * use goes into the notice, in the language in effect after it (the address may name one).
 */
export function applyHash(win: Window): void {
  const { route, problems } = readHash(win.location.hash);
  const slices = slicesFromParams(route.params);
  const locale = slices.locale.lang ?? appStore.getState().ui.systemLocale;
  patchUi({
    view: route.view,
    notice: problems.length > 0 ? problemsText(problems, locale) : null,
  });
  for (const key of URL_SLICE_KEYS) patchSlice(key, slices[key]);
  if (problems.length > 0) {
    // Show the address we actually used, without adding a history entry.
    win.history.replaceState(win.history.state, '', serialiseHash(route));
  }
}

export function dismissNotice(): void {
  patchUi({ notice: null });
}

/** Reads the browser's language (the one in effect unless the address names one). */
function readSystemLocale(doc: Document): void {
  const nav = doc.defaultView?.navigator;
  patchUi({ systemLocale: localeFor(nav?.languages ?? (nav ? [nav.language] : [])) });
}

/** Reads the browser's language; writes the title of the view and the language in effect (the
 * document's and the words'). */
function bindTitle(doc: Document): () => void {
  readSystemLocale(doc);
  const write = () => {
    const state = appStore.getState();
    const locale = selectLocale(state);
    doc.documentElement.lang = locale;
    doc.title = translate(locale, `views.${state.ui.view}.title`);
    // The words switch with the store, before React renders the next state, so a component
    // that mounts meanwhile never renders the old language (at once when the language's words
    // are loaded; else once they are, and the title is written again).
    void showLocale(locale).then(() => {
      const now = appStore.getState();
      if (selectLocale(now) === locale) doc.title = translate(locale, `views.${now.ui.view}.title`);
    });
  };
  write();
  return appStore.subscribe((state, previous) => {
    if (state.ui.view !== previous.ui.view || selectLocale(state) !== selectLocale(previous))
      write();
  });
}

// ---- theme and motion ------------------------------------------------------------------

/**
 * Reads the saved theme and the system's colour-scheme and motion preferences, follows their
 * changes, and mirrors the theme in effect onto `<html data-theme>`.
 */
export function bindTheme(win: Window): () => void {
  const dark = mediaQuery(win, '(prefers-color-scheme: dark)');
  const calm = mediaQuery(win, '(prefers-reduced-motion: reduce)');
  const readMedia = () =>
    patchUi({
      systemTheme: dark?.matches === true ? 'dark' : 'light',
      reducedMotion: calm?.matches === true,
    });
  patchUi({ themeChoice: readSavedTheme(win) });
  readMedia();

  const root = win.document.documentElement;
  const paint = (theme: Theme) => {
    root.dataset.theme = theme;
    root.style.colorScheme = theme;
  };
  paint(effectiveTheme(appStore.getState().ui));
  const unsubscribe = appStore.subscribe((state, previous) => {
    const theme = effectiveTheme(state.ui);
    if (theme !== effectiveTheme(previous.ui)) paint(theme);
  });

  dark?.addEventListener('change', readMedia);
  calm?.addEventListener('change', readMedia);
  return () => {
    unsubscribe();
    dark?.removeEventListener('change', readMedia);
    calm?.removeEventListener('change', readMedia);
  };
}

/** Shows the interface in `locale` and writes it into the address. */
export function setLocale(locale: Locale): void {
  patchSlice('locale', { lang: locale });
  writeAddress();
}

/** Switches to the other theme and remembers the choice. */
export function toggleTheme(): void {
  const next: Theme = effectiveTheme(appStore.getState().ui) === 'dark' ? 'light' : 'dark';
  patchUi({ themeChoice: next });
  try {
    boundWindow()?.localStorage.setItem(THEME_STORAGE_KEY, next);
  } catch {
    // Storage can be disabled or full; the choice then lasts for this visit only.
  }
}

function readSavedTheme(win: Window): Theme | null {
  try {
    const saved = win.localStorage.getItem(THEME_STORAGE_KEY);
    return saved === 'light' || saved === 'dark' ? saved : null;
  } catch {
    return null;
  }
}

function mediaQuery(win: Window, query: string): MediaQueryList | null {
  return typeof win.matchMedia === 'function' ? win.matchMedia(query) : null;
}

// ---- engine ----------------------------------------------------------------------------

/**
 * Pings the engine and reports the outcome in `ui.engine`; follows what the client says about the
 * worker itself: an uncaught error it survived, a restart (pinging the new worker), or its loss.
 * The status's words are in the language in effect, and are written again when it changes.
 */
export function connectEngine(engine: EngineClient): () => void {
  let live = true;
  // The status shown, as words in any language, and the status last written from it.
  let status: (locale: Locale) => EngineStatus = () => ({ state: 'starting' });
  let written: EngineStatus | null = null;
  const show = (next: (locale: Locale) => EngineStatus) => {
    status = next;
    written = next(selectLocale(appStore.getState()));
    patchUi({ engine: written });
  };
  // The engine's name and how it computes, once it has answered a ping.
  let named: ((locale: Locale) => string) | null = null;
  show(status);
  const unsubscribe = engine.subscribe((message) => {
    // A training slice that throws stops the run, not the engine: the Training view shows it.
    const training = message.type === 'error' && message.source === 'training';
    if (live && message.type === 'error' && message.id === null && !training) {
      show((l) => ({
        state: 'failed',
        message: translate(l, 'notices.engine.error', { message: replyReason(l, message) }),
      }));
    }
  });
  const ping = (note?: (locale: Locale) => string) =>
    engine.request({ type: 'ping' }).then(
      (pong) => {
        const kernel =
          pong.kernel === 'wasm-simd'
            ? 'notices.engine.kernel.simd'
            : pong.kernel === 'js'
              ? 'notices.engine.kernel.js'
              : null;
        const name = (l: Locale) => `${pong.engine}${kernel === null ? '' : translate(l, kernel)}`;
        if (!live) return;
        named = name;
        show((l) => ({ state: 'ready', engine: name(l), ...(note ? { note: note(l) } : {}) }));
      },
      (error: unknown) => {
        const reason = error instanceof Error ? error.message : String(error);
        if (live)
          show((l) => ({
            state: 'failed',
            message: translate(l, 'notices.engine.failedToStart', {
              reason: engineReason(l, reason),
            }),
          }));
      },
    );
  ping();
  const unwatch = engine.onEvent((event) => {
    if (!live) return;
    const now = appStore.getState().ui.engine;
    if (event.type === 'restarted') {
      const { reason } = event;
      show(() => ({ state: 'restarting', reason }));
      ping((l) =>
        translate(l, 'notices.engine.restartedNote', { reason: engineReason(l, reason) }),
      );
    } else if (event.type === 'recovered') {
      const { message } = event;
      const note = (l: Locale) =>
        translate(l, 'notices.engine.recoveredNote', { message: engineReason(l, message) });
      if (now.state === 'ready') {
        const name = named ?? (() => now.engine);
        show((l) => ({ state: 'ready', engine: name(l), note: note(l) }));
      }
    } else {
      const { reason } = event;
      show((l) => ({
        state: 'failed',
        message: translate(l, 'notices.engine.lost', { reason: engineReason(l, reason) }),
      }));
    }
  });
  // A switch of language rewrites the status (unless something else has written it since).
  const unfollow = appStore.subscribe((state, previous) => {
    const locale = selectLocale(state);
    if (!live || locale === selectLocale(previous) || state.ui.engine !== written) return;
    show(status);
  });
  return () => {
    live = false;
    unsubscribe();
    unwatch();
    unfollow();
  };
}
