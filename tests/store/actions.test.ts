// The store and its actions, without React.
import { afterEach, describe, expect, test, vi } from 'vitest';
import {
  applyHash,
  bindTheme,
  bindUrl,
  connectEngine,
  dismissNotice,
  startApp,
  THEME_STORAGE_KEY,
  toggleTheme,
} from '../../src/store/actions';
import { updateConfig } from '../../src/store/engineAccess';
import { selectTheme } from '../../src/store/selectors';
import { appStore } from '../../src/store/store';
import { fakeEngine } from '../ui/fakeEngine';
import { DARK, REDUCED_MOTION, setMediaPreference } from '../ui/media';
import { onTeardown } from '../ui/setup';

const ui = () => appStore.getState().ui;
const config = () => appStore.getState().config;

function goTo(hash: string) {
  window.history.replaceState(null, '', `/${hash}`);
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the address', () => {
  test('bindUrl applies the hash and follows hashchange', () => {
    goTo('#/train?cell=gru');
    onTeardown(bindUrl(window));
    expect(ui().view).toBe('train');
    expect(config().cell).toBe('gru');

    goTo('#/gradients');
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    expect(ui().view).toBe('gradients');
    expect(config().cell).toBe('lstm');
  });

  test('after unbinding, hashchange is ignored', () => {
    goTo('#/train');
    bindUrl(window)();
    goTo('#/about');
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    expect(ui().view).toBe('train');
  });

  test('a bad hash sets the notice and rewrites the address without a history entry', () => {
    goTo('#/nonsense');
    const entries = window.history.length;
    applyHash(window);
    expect(ui().view).toBe('forward');
    expect(ui().notice).toMatch(/“nonsense” is not a page/);
    expect(window.location.hash).toBe('#/forward');
    expect(window.history.length).toBe(entries);

    dismissNotice();
    expect(ui().notice).toBeNull();
  });

  test('a good hash clears an old notice', () => {
    goTo('#/nonsense');
    applyHash(window);
    goTo('#/about');
    applyHash(window);
    expect(ui().notice).toBeNull();
  });

  test('updateConfig writes the settings into the address', () => {
    goTo('#/train');
    onTeardown(startApp(window, fakeEngine()));
    updateConfig({ cell: 'rnn', seed: 5 });
    expect(config()).toMatchObject({ cell: 'rnn', corpus: 'shakespeare', seed: 5 });
    expect(window.location.hash).toBe('#/train?cell=rnn&seed=5');
  });

  test('the document title follows the view', () => {
    goTo('#/gradients');
    onTeardown(startApp(window, fakeEngine()));
    expect(document.title).toBe('Gradient flow — Unrolled');
    goTo('#/about');
    applyHash(window);
    expect(document.title).toBe('About — Unrolled');
  });
});

describe('the theme', () => {
  const dataTheme = () => document.documentElement.dataset.theme;

  test('follows the system until the user chooses, then keeps the choice', () => {
    onTeardown(startApp(window, fakeEngine()));
    expect(dataTheme()).toBe('light');
    setMediaPreference(DARK, true);
    expect(dataTheme()).toBe('dark');

    toggleTheme();
    expect(selectTheme(appStore.getState())).toBe('light');
    expect(dataTheme()).toBe('light');
    expect(window.localStorage.getItem(THEME_STORAGE_KEY)).toBe('light');

    setMediaPreference(DARK, false);
    setMediaPreference(DARK, true);
    expect(dataTheme()).toBe('light');
  });

  test('reads a saved choice and ignores a garbage one', () => {
    window.localStorage.setItem(THEME_STORAGE_KEY, 'dark');
    onTeardown(bindTheme(window));
    expect(ui().themeChoice).toBe('dark');
    expect(dataTheme()).toBe('dark');
    expect(document.documentElement.style.colorScheme).toBe('dark');

    window.localStorage.setItem(THEME_STORAGE_KEY, 'purple');
    bindTheme(window)();
    expect(ui().themeChoice).toBeNull();
  });

  test('still toggles when storage throws', () => {
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('quota', 'QuotaExceededError');
    });
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    onTeardown(startApp(window, fakeEngine()));
    toggleTheme();
    expect(dataTheme()).toBe('dark');
  });

  test('records reduced motion', () => {
    setMediaPreference(REDUCED_MOTION, true);
    onTeardown(bindTheme(window));
    expect(ui().reducedMotion).toBe(true);
    setMediaPreference(REDUCED_MOTION, false);
    expect(ui().reducedMotion).toBe(false);
  });
});

describe('the engine', () => {
  test('starting, then ready with the engine name', async () => {
    const engine = fakeEngine();
    onTeardown(connectEngine(engine));
    expect(ui().engine).toEqual({ state: 'starting' });
    engine.resolvePing('unrolled-engine 1');
    await vi.waitFor(() =>
      expect(ui().engine).toEqual({ state: 'ready', engine: 'unrolled-engine 1' }),
    );
  });

  test('a failed ping is reported', async () => {
    const engine = fakeEngine();
    onTeardown(connectEngine(engine));
    engine.rejectPing(new Error('boom'));
    await vi.waitFor(() =>
      expect(ui().engine).toEqual({ state: 'failed', message: 'Engine failed to start: boom' }),
    );
  });

  test('a training failure stops the run, not the engine; any other error marks it failed', async () => {
    const engine = fakeEngine();
    onTeardown(connectEngine(engine));
    engine.resolvePing('e1');
    await vi.waitFor(() => expect(ui().engine).toEqual({ state: 'ready', engine: 'e1' }));
    engine.push({ type: 'error', id: null, source: 'training', message: 'Training stopped: x' });
    expect(ui().engine).toEqual({ state: 'ready', engine: 'e1' });
    engine.push({ type: 'error', id: null, message: 'worker crashed' });
    expect(ui().engine).toEqual({ state: 'failed', message: 'Engine error: worker crashed' });
  });

  test('a worker that was replaced is restarting, then ready again with a note', async () => {
    const engine = fakeEngine();
    onTeardown(connectEngine(engine));
    engine.resolvePing('e1');
    await vi.waitFor(() => expect(ui().engine).toEqual({ state: 'ready', engine: 'e1' }));
    engine.happen({ type: 'restarted', reason: 'stopped answering' });
    expect(ui().engine).toEqual({ state: 'restarting', reason: 'stopped answering' });
    // The new worker is pinged like the first one.
    expect(engine.requests).toEqual(['ping', 'ping']);
    engine.resolvePing('e2');
    await vi.waitFor(() =>
      expect(ui().engine).toEqual({
        state: 'ready',
        engine: 'e2',
        note: 'restarted after it stopped answering',
      }),
    );
  });

  test('an uncaught error the worker survived is a note, not a failure for good', async () => {
    const engine = fakeEngine();
    onTeardown(connectEngine(engine));
    engine.resolvePing('e1');
    await vi.waitFor(() => expect(ui().engine).toEqual({ state: 'ready', engine: 'e1' }));
    engine.happen({ type: 'recovered', message: 'Uncaught RangeError: x' });
    expect(ui().engine).toEqual({
      state: 'ready',
      engine: 'e1',
      note: 'it reported an error and carries on (Uncaught RangeError: x)',
    });
  });

  test('a worker that could not be replaced is a failure', async () => {
    const engine = fakeEngine();
    onTeardown(connectEngine(engine));
    engine.resolvePing('e1');
    await vi.waitFor(() => expect(ui().engine.state).toBe('ready'));
    engine.happen({
      type: 'lost',
      reason: 'the engine stopped answering and was restarted too often',
    });
    expect(ui().engine).toEqual({
      state: 'failed',
      message: 'Engine lost: the engine stopped answering and was restarted too often',
    });
  });

  test('a reply after disconnecting is ignored', async () => {
    const engine = fakeEngine();
    connectEngine(engine)();
    engine.resolvePing('late');
    engine.push({ type: 'error', id: null, message: 'late' });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(ui().engine).toEqual({ state: 'starting' });
  });
});
