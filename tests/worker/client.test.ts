// The client's request/reply plumbing, against the real handler behind a fake port.
import { afterEach, describe, expect, test, vi } from 'vitest';
import {
  createEngineClient,
  EngineError,
  EngineRestartedError,
  type EnginePort,
  type PortHandlers,
} from '../../src/worker/client';
import { handleMessage } from '../../src/worker/handler';
import type { FromWorker, ToWorker } from '../../src/worker/protocol';
import type { EngineEvent } from '../../src/worker/client';

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

/** Ports made one after another (a first worker, then its replacements), each answered by hand. */
function portFactory() {
  const ports: ReturnType<typeof manualPort>[] = [];
  const createPort = () => {
    const p = manualPort();
    ports.push(p);
    return p.port;
  };
  return { ports, createPort };
}

/** A client with the watchdog on whose first worker has answered its first ping. */
async function watchedClient(extra: { recoverMs?: number } = {}) {
  vi.useFakeTimers();
  const { ports, createPort } = portFactory();
  const client = createEngineClient({
    createPort,
    watchdog: { everyMs: 1000, silenceMs: 3000 },
    ...extra,
  });
  const events: EngineEvent[] = [];
  client.onEvent((e) => events.push(e));
  const first = client.request({ type: 'ping' });
  ports[0]!.deliver({ type: 'pong', id: 1, engine: 'first' });
  await first;
  return { client, ports, events };
}

describe('a worker that dies or fails', () => {
  test('one that stops answering is terminated and replaced by a fresh one', async () => {
    const { client, ports, events } = await watchedClient();
    vi.advanceTimersByTime(1000);
    // Silent for a second: the watchdog pings.
    expect(ports[0]!.sent.at(-1)).toEqual({ type: 'ping', id: 2 });
    vi.advanceTimersByTime(2999);
    expect(events).toEqual([]);
    vi.advanceTimersByTime(1);
    await vi.advanceTimersByTimeAsync(0);
    expect(events).toEqual([{ type: 'restarted', reason: 'stopped answering' }]);
    expect(ports[0]!.isClosed()).toBe(true);
    expect(ports).toHaveLength(2);
    // Requests now go to the fresh worker and its replies settle them.
    const reply = client.request({ type: 'ping' });
    expect(ports[1]!.sent).toEqual([{ type: 'ping', id: 3 }]);
    ports[1]!.deliver({ type: 'pong', id: 3, engine: 'second' });
    await expect(reply).resolves.toMatchObject({ engine: 'second' });
    client.dispose();
  });

  test('a worker that keeps talking is never pinged', async () => {
    const { client, ports, events } = await watchedClient();
    for (let k = 0; k < 20; k++) {
      vi.advanceTimersByTime(500);
      ports[0]!.deliver({ type: 'ack', id: null, step: k });
    }
    expect(ports[0]!.sent).toEqual([{ type: 'ping', id: 1 }]);
    expect(events).toEqual([]);
    client.dispose();
  });

  test('a silent worker busy with a long request is waited for until that request times out', async () => {
    const { client, ports, events } = await watchedClient();
    const slow = client.request({ type: 'export' }, { timeoutMs: 19_500 });
    const outcome = expect(slow).rejects.toThrow('no reply to “export” after 19500 ms');
    await vi.advanceTimersByTimeAsync(19_499);
    // Pings went unanswered, but the export may still come: no restart yet.
    expect(events).toEqual([]);
    expect(ports[0]!.sent.filter((m) => m.type === 'ping').length).toBeGreaterThan(5);
    await vi.advanceTimersByTimeAsync(1);
    await outcome;
    expect(events).toEqual([]);
    // The export timed out: the next unanswered ping restarts the worker.
    await vi.advanceTimersByTimeAsync(3000);
    expect(events).toEqual([{ type: 'restarted', reason: 'stopped answering' }]);
    expect(ports).toHaveLength(2);
    client.dispose();
  });

  test('a quick request sent behind a long one waits its turn, and its reply settles it', async () => {
    const { client, ports, events } = await watchedClient();
    // An autosave of a big model keeps the worker busy for 18 s; a setting changed meanwhile
    // is answered after it, and must not be given up after the default 10 s.
    const save = client.request({ type: 'export' }, { timeoutMs: 60_000 });
    await vi.advanceTimersByTimeAsync(3000);
    const change = client.request({ type: 'weights' });
    let settled = false;
    void change.then(
      () => (settled = true),
      () => (settled = true),
    );
    await vi.advanceTimersByTimeAsync(15_000);
    expect(settled).toBe(false);
    const changeId = ports[0]!.sent.find((m) => m.type === 'weights')!.id;
    ports[0]!.deliver({ type: 'exported', id: 2, json: '{}' });
    ports[0]!.deliver({ type: 'weights', id: changeId, weights: [] });
    await expect(save).resolves.toMatchObject({ type: 'exported' });
    await expect(change).resolves.toMatchObject({ type: 'weights' });
    expect(events).toEqual([]);
    client.dispose();
  });

  test('a quick request behind a long one times out once the long one is past its time', async () => {
    vi.useFakeTimers();
    const { port } = manualPort();
    const client = createEngineClient({ createPort: () => port });
    void client.request({ type: 'export' }, { timeoutMs: 20_000 }).catch(() => {});
    const quick = client.request({ type: 'weights' });
    let failed: unknown = null;
    void quick.catch((error: unknown) => (failed = error));
    await vi.advanceTimersByTimeAsync(29_999);
    expect(failed).toBe(null);
    await vi.advanceTimersByTimeAsync(1);
    expect(failed).toEqual(new EngineError('no reply to “weights” after 10000 ms'));
    client.dispose();
  });

  test('a quick request still out does not hold off the restart, and is rejected', async () => {
    const { client, ports, events } = await watchedClient();
    const quick = client.request({ type: 'weights' });
    const outcome = expect(quick).rejects.toThrow('the engine stopped answering and was restarted');
    await vi.advanceTimersByTimeAsync(4000);
    await outcome;
    expect(events).toEqual([{ type: 'restarted', reason: 'stopped answering' }]);
    expect(ports).toHaveLength(2);
    client.dispose();
  });

  test('requests queued behind one that timed out are rejected with the reason', async () => {
    const { client, ports, events } = await watchedClient();
    const first = client.request({ type: 'weights' }, { timeoutMs: 2000 });
    const firstOutcome = expect(first).rejects.toThrow('no reply to “weights” after 2000 ms');
    await vi.advanceTimersByTimeAsync(1500);
    // A long request sent behind it does not keep a stuck worker alive.
    const queued = client.request({ type: 'export' }, { timeoutMs: 60_000 });
    const queuedOutcome = expect(queued).rejects.toEqual(
      new EngineRestartedError('the engine stopped answering and was restarted'),
    );
    await vi.advanceTimersByTimeAsync(500);
    await firstOutcome;
    await vi.advanceTimersByTimeAsync(2000);
    await queuedOutcome;
    expect(events).toEqual([{ type: 'restarted', reason: 'stopped answering' }]);
    expect(ports).toHaveLength(2);
    client.dispose();
  });

  test('an uncaught error in a worker that still answers is reported, and nothing restarts', async () => {
    const { client, ports, events } = await watchedClient({ recoverMs: 500 });
    const pending = client.request({ type: 'evaluate', maxChars: 10 });
    ports[0]!.fail('Uncaught TypeError: x is undefined');
    // The client asks whether it still answers…
    expect(ports[0]!.sent.at(-1)).toEqual({ type: 'ping', id: 3 });
    ports[0]!.deliver({ type: 'pong', id: 3, engine: 'first' });
    await vi.advanceTimersByTimeAsync(0);
    expect(events).toEqual([{ type: 'recovered', message: 'Uncaught TypeError: x is undefined' }]);
    // …and the requests it holds still get their replies.
    ports[0]!.deliver({ type: 'evaluation', id: 2, loss: 1.5 });
    await expect(pending).resolves.toMatchObject({ loss: 1.5 });
    expect(ports).toHaveLength(1);
    expect(ports[0]!.isClosed()).toBe(false);
    client.dispose();
  });

  test('an uncaught error while the watchdog is already asking is still reported', async () => {
    const { client, ports, events } = await watchedClient({ recoverMs: 500 });
    vi.advanceTimersByTime(1000);
    expect(ports[0]!.sent.at(-1)).toEqual({ type: 'ping', id: 2 });
    ports[0]!.fail('Uncaught Error: during the check');
    ports[0]!.deliver({ type: 'pong', id: 2, engine: 'first' });
    await vi.advanceTimersByTimeAsync(0);
    expect(events).toEqual([{ type: 'recovered', message: 'Uncaught Error: during the check' }]);
    client.dispose();
  });

  test('an uncaught error in a worker that no longer answers restarts it', async () => {
    const { client, ports, events } = await watchedClient({ recoverMs: 500 });
    ports[0]!.fail('out of memory');
    await vi.advanceTimersByTimeAsync(500);
    expect(events).toEqual([
      { type: 'restarted', reason: 'stopped after an error (out of memory)' },
    ]);
    expect(ports[0]!.isClosed()).toBe(true);
    // What the dead worker still sends is ignored.
    const seen: FromWorker[] = [];
    client.subscribe((m) => seen.push(m));
    ports[0]!.deliver({ type: 'error', id: null, message: 'from the grave' });
    expect(seen).toEqual([]);
    client.dispose();
  });

  test('a worker that keeps dying is given up after three restarts', async () => {
    const { client, ports, events } = await watchedClient();
    for (let k = 0; k < 4; k++) {
      const alive = client.request({ type: 'ping' });
      const last = ports.at(-1)!;
      last.deliver({ type: 'pong', id: (last.sent.at(-1) as { id: number }).id, engine: 'x' });
      await alive;
      await vi.advanceTimersByTimeAsync(4000);
    }
    expect(events.map((e) => e.type)).toEqual(['restarted', 'restarted', 'restarted', 'lost']);
    expect(events.at(-1)).toEqual({
      type: 'lost',
      reason: 'the engine stopped answering and was restarted too often',
    });
    expect(ports).toHaveLength(4);
    await expect(client.request({ type: 'ping' })).rejects.toThrow('restarted too often');
    client.dispose();
  });
});
