// Start-up: create the engine client, bind the store to the window, then render the shell.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { showLocale } from './content/i18n/instance';
import { startApp } from './store/actions';
import { selectLocale } from './store/selectors';
import { appStore } from './store/store';
import { createEngineClient } from './worker/client';
import './styles/theme.css';
import './styles/app.css';

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element');

// Bind before the first render so it already shows the view the address names. The watchdog
// pings a worker silent for 2 s; one that stays silent 5 s more (with no longer request of its
// own still running) is replaced, and the Training view restores its last autosave.
startApp(window, createEngineClient({ watchdog: { everyMs: 2000, silenceMs: 5000 } }));

// A page in another language than English first loads that language's words (one small chunk),
// so it never shows English first; if they cannot be loaded it shows English.
const render = () =>
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
showLocale(selectLocale(appStore.getState())).then(render, render);
