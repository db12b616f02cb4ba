import { render } from '@testing-library/react';
import { App } from '../../src/app/App';
import { startApp } from '../../src/store/actions';
import type { EngineClient } from '../../src/worker/client';
import { fakeEngine } from './fakeEngine';
import { onTeardown } from './setup';

/** Starts the app at `hash` with an engine client (a fake by default) and renders the shell. */
export function renderApp(hash = '', engine: EngineClient = fakeEngine()) {
  window.history.replaceState(null, '', `/${hash}`);
  onTeardown(startApp(window, engine));
  return render(<App />);
}
