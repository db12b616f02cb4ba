// A fake EngineClient whose pings the test settles by hand.
import type { EngineClient, EngineEvent } from '../../src/worker/client';
import type { FromWorker, Pong, Replies, RequestType } from '../../src/worker/protocol';

export interface FakeEngine extends EngineClient {
  /** Requests received, in order. */
  readonly requests: string[];
  resolvePing(engine: string): void;
  rejectPing(error: Error): void;
  /** Sends an unsolicited message to subscribers. */
  push(message: FromWorker): void;
  /** Tells event listeners what happened to the worker. */
  happen(event: EngineEvent): void;
}

export function fakeEngine(): FakeEngine {
  const requests: string[] = [];
  const listeners = new Set<(message: FromWorker) => void>();
  const watchers = new Set<(event: EngineEvent) => void>();
  let settle: { resolve(pong: Pong): void; reject(error: Error): void } | null = null;

  return {
    requests,
    request<K extends RequestType>(body: { type: K }): Promise<Replies[K]> {
      requests.push(body.type);
      const reply = new Promise<Pong>((resolve, reject) => {
        settle = { resolve, reject };
      });
      // The only request so far is ping, whose reply is a Pong.
      return reply as Promise<Replies[K]>;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onEvent(listener) {
      watchers.add(listener);
      return () => watchers.delete(listener);
    },
    dispose() {},
    resolvePing(engine) {
      settle?.resolve({ type: 'pong', id: 1, engine });
    },
    rejectPing(error) {
      settle?.reject(error);
    },
    push(message) {
      for (const listener of listeners) listener(message);
    },
    happen(event) {
      for (const watcher of watchers) watcher(event);
    },
  };
}
