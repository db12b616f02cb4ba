// The real engine client over a port into the worker's handler (run in jsdom), for view tests.
import { createEngineClient, type EngineClient, type EnginePort } from '../../src/worker/client';
import { createSession, handleMessage } from '../../src/worker/handler';
import type { FromWorker, ToWorker } from '../../src/worker/protocol';

export interface RealEngine extends EngineClient {
  /** Sends a message as the worker would, unasked (a diverging run's progress, say). */
  push(message: FromWorker): void;
}

/** The real client over a port into the worker's handler, with one session for all messages. */
export function realEngine(): RealEngine {
  let deliver: (m: FromWorker) => void = () => {};
  const session = createSession((m) => deliver(m));
  const port: EnginePort = {
    listen: (handlers) => {
      deliver = (m) => handlers.message(m);
      port.post = (msg: ToWorker) =>
        handleMessage(msg, (reply) => handlers.message(reply), session);
    },
    post: () => {},
    close: () => {},
  };
  return Object.assign(createEngineClient({ createPort: () => port }), {
    push: (message: FromWorker) => deliver(message),
  });
}
