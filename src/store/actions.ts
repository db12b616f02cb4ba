// Every action with a side effect: the address bar, localStorage, media queries, the document
// and the engine worker. Components call these; they never touch the world themselves.
// `startApp` binds the app to a window and an engine client (engineAccess.ts keeps them, for
// every view's actions) and returns a teardown.
import { localeFor, MESSAGES, type Locale } from '../content/i18n';
import type { EngineClient } from '../worker/client';
import { bindApp, boundWindow, writeAddress } from './engineAccess';
import { selectLocale } from './selectors';
import { appStore, patchSlice, patchUi } from './store';
import { effectiveTheme, type Theme } from './ui';
import { parseHash, serialiseHash, slicesFromParams } from './url';
import { URL_SLICE_KEYS } from './views';

export const THEME_STORAGE_KEY = 'unrolled.theme';

/** Binds the store to the address bar, theme, document title and engine. */
export function startApp(win: Window, engine: EngineClient): () => void {
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

/** Puts the view and every slice's settings the hash describes into the store. */
export function applyHash(win: Window): void {
  const { route, problems } = parseHash(win.location.hash);
  patchUi({ view: route.view, notice: problems.length > 0 ? problems.join(' ') : null });
  const slices = slicesFromParams(route.params);
  for (const key of URL_SLICE_KEYS) patchSlice(key, slices[key]);
  if (problems.length > 0) {
    // Show the address we actually used, without adding a history entry.
    win.history.replaceState(win.history.state, '', serialiseHash(route));
  }
}

export function dismissNotice(): void {
  patchUi({ notice: null });
}

/** Reads the browser's language; writes the title of the view and the language in effect. */
function bindTitle(doc: Document): () => void {
  const nav = doc.defaultView?.navigator;
  patchUi({ systemLocale: localeFor(nav?.languages ?? (nav ? [nav.language] : [])) });
  const write = () => {
    const state = appStore.getState();
    const locale = selectLocale(state);
    doc.title = MESSAGES[locale].views[state.ui.view].title;
    doc.documentElement.lang = locale;
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
 */
export function connectEngine(engine: EngineClient): () => void {
  let live = true;
  patchUi({ engine: { state: 'starting' } });
  const unsubscribe = engine.subscribe((message) => {
    // A training slice that throws stops the run, not the engine: the Training view shows it.
    const training = message.type === 'error' && message.source === 'training';
    if (live && message.type === 'error' && message.id === null && !training) {
      patchUi({ engine: { state: 'failed', message: `Engine error: ${message.message}` } });
    }
  });
  const ping = (note?: string) =>
    engine.request({ type: 'ping' }).then(
      (pong) => {
        const kernel =
          pong.kernel === 'wasm-simd'
            ? ', WebAssembly SIMD'
            : pong.kernel === 'js'
              ? ', plain JavaScript'
              : '';
        const name = `${pong.engine}${kernel}`;
        if (live) patchUi({ engine: { state: 'ready', engine: name, ...(note ? { note } : {}) } });
      },
      (error: unknown) => {
        const reason = error instanceof Error ? error.message : String(error);
        if (live)
          patchUi({ engine: { state: 'failed', message: `Engine failed to start: ${reason}` } });
      },
    );
  ping();
  const unwatch = engine.onEvent((event) => {
    if (!live) return;
    const now = appStore.getState().ui.engine;
    if (event.type === 'restarted') {
      patchUi({ engine: { state: 'restarting', reason: event.reason } });
      ping(`restarted after it ${event.reason}`);
    } else if (event.type === 'recovered') {
      const note = `it reported an error and carries on (${event.message})`;
      if (now.state === 'ready') patchUi({ engine: { ...now, note } });
    } else {
      patchUi({ engine: { state: 'failed', message: `Engine lost: ${event.reason}` } });
    }
  });
  return () => {
    live = false;
    unsubscribe();
    unwatch();
  };
}
