// The bottom of the store's actions: the window and engine the app is bound to, and the three
// actions every view's actions share with them (reading the engine client, writing the address
// bar, changing the training config). `startApp` in actions.ts binds them; nothing here imports
// another actions module.
import type { EngineClient } from '../worker/client';
import type { ConfigState } from './config';
import { appStore, patchConfig } from './store';
import { addressFor } from './url';

interface Binding {
  win: Window;
  engine: EngineClient;
}

/** What the app is bound to: one object, set by `bindApp` and cleared by its teardown. */
const app: { binding: Binding | null } = { binding: null };

/** Binds the actions to a window and an engine client; returns the unbinding. */
export function bindApp(win: Window, engine: EngineClient): () => void {
  const binding = { win, engine };
  app.binding = binding;
  return () => {
    if (app.binding === binding) app.binding = null;
  };
}

/** The window the app is bound to (null before `startApp`). */
export function boundWindow(): Window | null {
  return app.binding?.win ?? null;
}

/** The engine client the app is bound to (null before `startApp` and in tests without one). */
export function getEngine(): EngineClient | null {
  return app.binding?.engine ?? null;
}

/** Writes the current view's settings to the address bar (replacing the history entry). */
export function writeAddress(): void {
  const win = boundWindow();
  if (win === null) return;
  const state = appStore.getState();
  win.history.replaceState(win.history.state, '', addressFor(state));
}

/** Changes the config and writes it to the address (replacing, not adding, a history entry). */
export function updateConfig(patch: Partial<ConfigState>): void {
  patchConfig(patch);
  writeAddress();
}
