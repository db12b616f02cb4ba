// Opens the app for the Training view's tests, the real worker handler and session in process.
import { stopTraining } from '../../src/store/trainingActions';
import { createEngineClient, type EnginePort, type PortHandlers } from '../../src/worker/client';
import { createSession, handleMessage, type Post } from '../../src/worker/handler';
import { renderApp } from './renderApp';
import { onTeardown } from './setup';

/** A port whose far end is the real handler and session, answering on the next macrotask. */
function inProcessWorker(): EnginePort {
  let handlers: PortHandlers | null = null;
  const post: Post = (message) => {
    const copy = structuredClone(message);
    setTimeout(() => handlers?.message(copy), 0);
  };
  const session = createSession(post, () => performance.now());
  return {
    post: (message) => setTimeout(() => handleMessage(structuredClone(message), post, session), 0),
    listen: (h) => {
      handlers = h;
    },
    close: () => session.pause(),
  };
}

/** Renders the app at `hash` over an in-process worker; training stops after the test. */
export function openTraining(hash: string): HTMLElement {
  const client = createEngineClient({ createPort: inProcessWorker, timeoutMs: 20_000 });
  onTeardown(() => {
    stopTraining();
    client.dispose();
  });
  const { container } = renderApp(hash, client);
  return container;
}
