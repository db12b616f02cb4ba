// The client's request/reply plumbing, against the real handler behind a fake port.
import { afterEach, describe, expect, test, vi } from 'vitest';
import {
  createEngineClient,
  EngineError,
  type EnginePort,
  type PortHandlers,
} from '../../src/worker/client';
import { handleMessage } from '../../src/worker/handler';
import type { FromWorker, ToWorker } from '../../src/worker/protocol';

/** A port that records what is posted; the test answers by hand through `handlers`. */
function manualPort() {
  const sent: ToWorker[] = [];
  let handlers: PortHandlers | null = null;
  let closed = false;
  const port: EnginePort = {
    post: (message) => sent.push(message),
    listen: (h) => {
      handlers = h;
    },
    close: () => {
      closed = true;
    },
  };
  const deliver = (data: unknown) => handlers?.message(data);
  const fail = (message: string) => handlers?.failure(message);
  return { port, sent, deliver, fail, isClosed: () => closed };
}

/** A port that runs the real handler synchronously, like a worker with no delay. */
function handlerPort(): EnginePort {
  let handlers: PortHandlers | null = null;
  return {
    post: (message) => handleMessage(message, (reply) => handlers?.message(reply)),
    listen: (h) => {
      handlers = h;
    },
    close: () => {},
  };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('createEngineClient', () => {
  test('a ping round-trips through the handler', async () => {
    const client = createEngineClient({ createPort: handlerPort });
    await expect(client.request({ type: 'ping' })).resolves.toEqual({
      type: 'pong',
      id: 1,
      engine: 'unrolled-engine 1',
      kernel: 'js',
    });
    await expect(client.request({ type: 'ping' })).resolves.toMatchObject({ id: 2 });
  });

  test('replies settle the request with the same id, in any order', async () => {
    const { port, sent, deliver } = manualPort();
    const client = createEngineClient({ createPort: () => port });
    const first = client.request({ type: 'ping' });
    const second = client.request({ type: 'ping' });
    expect(sent).toEqual([
      { type: 'ping', id: 1 },
      { type: 'ping', id: 2 },
    ]);
    deliver({ type: 'pong', id: 2, engine: 'b' });
    deliver({ type: 'pong', id: 1, engine: 'a' });
    await expect(first).resolves.toMatchObject({ engine: 'a' });
    await expect(second).resolves.toMatchObject({ engine: 'b' });
  });

  test('an error reply rejects with its message', async () => {
    const { port, deliver } = manualPort();
    const client = createEngineClient({ createPort: () => port });
    const reply = client.request({ type: 'ping' });
    deliver({ type: 'error', id: 1, message: 'no such model' });
    await expect(reply).rejects.toEqual(new EngineError('no such model'));
  });

  test('a request with no reply times out', async () => {
    vi.useFakeTimers();
    const { port } = manualPort();
    const client = createEngineClient({ createPort: () => port, timeoutMs: 500 });
    const reply = client.request({ type: 'ping' });
    const outcome = expect(reply).rejects.toThrow('no reply to “ping” after 500 ms');
    vi.advanceTimersByTime(499);
    vi.advanceTimersByTime(1);
    await outcome;
  });

  test('timeoutMs: Infinity waits for ever', async () => {
    vi.useFakeTimers();
    const { port, deliver } = manualPort();
    const client = createEngineClient({ createPort: () => port });
    const reply = client.request({ type: 'ping' }, { timeoutMs: Infinity });
    vi.advanceTimersByTime(3_600_000);
    deliver({ type: 'pong', id: 1, engine: 'slow' });
    await expect(reply).resolves.toMatchObject({ engine: 'slow' });
  });

  test('a worker failure rejects pending requests and tells subscribers', async () => {
    const { port, fail } = manualPort();
    const client = createEngineClient({ createPort: () => port });
    const seen: FromWorker[] = [];
    client.subscribe((message) => seen.push(message));
    const reply = client.request({ type: 'ping' });
    fail('the engine script did not load');
    await expect(reply).rejects.toThrow('the engine script did not load');
    expect(seen).toEqual([{ type: 'error', id: null, message: 'the engine script did not load' }]);
  });

  test('a worker that cannot be created rejects every request', async () => {
    const client = createEngineClient({
      createPort: () => {
        throw new Error('Worker is not defined');
      },
    });
    await expect(client.request({ type: 'ping' })).rejects.toThrow(
      'could not create the worker (Worker is not defined)',
    );
  });

  test('a post that throws rejects that request', async () => {
    const { port } = manualPort();
    port.post = () => {
      throw new DOMException('could not be cloned', 'DataCloneError');
    };
    const client = createEngineClient({ createPort: () => port });
    await expect(client.request({ type: 'ping' })).rejects.toThrow(
      'could not send “ping” (could not be cloned)',
    );
  });

  test('messages that settle no request go to subscribers', () => {
    const { port, deliver } = manualPort();
    const client = createEngineClient({ createPort: () => port });
    const seen: FromWorker[] = [];
    const unsubscribe = client.subscribe((message) => seen.push(message));
    void client.request({ type: 'ping' });
    deliver({ type: 'pong', id: 99, engine: 'stray' });
    deliver({ type: 'error', id: null, message: 'worker hiccup' });
    deliver('garbage');
    unsubscribe();
    deliver({ type: 'error', id: null, message: 'after unsubscribe' });
    expect(seen).toEqual([
      { type: 'pong', id: 99, engine: 'stray' },
      { type: 'error', id: null, message: 'worker hiccup' },
      { type: 'error', id: null, message: 'The engine sent an unreadable message' },
    ]);
  });

  test('dispose rejects pending and later requests and closes the port', async () => {
    const { port, isClosed } = manualPort();
    const client = createEngineClient({ createPort: () => port });
    const pending = client.request({ type: 'ping' });
    client.dispose();
    await expect(pending).rejects.toThrow('the engine was shut down');
    await expect(client.request({ type: 'ping' })).rejects.toThrow('the engine was shut down');
    expect(isClosed()).toBe(true);
  });
});
