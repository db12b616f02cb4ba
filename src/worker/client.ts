// The one module that owns the engine Worker. Requests get an id and return a Promise that
// settles with the reply echoing that id, with an error reply, on timeout, or when the worker
// fails. Messages that answer no pending request go to subscribers.
import type { FromWorker, Replies, RequestBody, RequestType, ToWorker } from './protocol';

/** A connection to something that runs `handleMessage`: a Worker, or a fake in tests. */
export interface EnginePort {
  post(message: ToWorker, transfer: Transferable[]): void;
  /** Called once by the client with the callbacks to deliver messages and failures to. */
  listen(handlers: PortHandlers): void;
  close(): void;
}

export interface PortHandlers {
  message(data: unknown): void;
  /** The worker failed (script error, unreadable message); pending requests are rejected. */
  failure(message: string): void;
}

export interface RequestOptions {
  /** Milliseconds to wait for the reply; `Infinity` waits for ever. */
  timeoutMs?: number;
  transfer?: Transferable[];
}

export interface EngineClient {
  request<K extends RequestType>(
    body: RequestBody<K> & { type: K },
    options?: RequestOptions,
  ): Promise<Replies[K]>;
  /** Receives messages that settle no request; returns an unsubscribe function. */
  subscribe(listener: (message: FromWorker) => void): () => void;
  /** Rejects pending requests and terminates the worker. */
  dispose(): void;
}

export interface ClientOptions {
  /** Makes the port; defaults to a real module Worker. May throw. */
  createPort?: () => EnginePort;
  /** Default timeout for requests, in milliseconds. */
  timeoutMs?: number;
}

/** Why a request failed: an error reply, a timeout, or a broken worker. */
export class EngineError extends Error {
  override name = 'EngineError';
}

const DEFAULT_TIMEOUT_MS = 10_000;

/** The reply type that settles each request (checked at compile time to cover every request). */
const REPLY_TYPE: { [K in RequestType]: Replies[K]['type'] } = {
  ping: 'pong',
  setCorpus: 'corpus',
  create: 'model',
  setHyper: 'ack',
  train: 'ack',
  pause: 'ack',
  step: 'ack',
  evaluate: 'evaluation',
  trace: 'trace',
  sample: 'sample',
  export: 'exported',
  import: 'model',
  restore: 'model',
  setTask: 'corpus',
  weights: 'weights',
  neurons: 'neurons',
  snapshot: 'snapshot',
  gradientExperiment: 'gradientResult',
  raceStart: 'race',
  racePause: 'race',
  raceReset: 'race',
};

interface Pending {
  expect: FromWorker['type'];
  resolve(message: FromWorker): void;
  reject(error: EngineError): void;
  timer: ReturnType<typeof setTimeout> | undefined;
}

export function createEngineClient(options: ClientOptions = {}): EngineClient {
  const defaultTimeout = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const pending = new Map<number, Pending>();
  const listeners = new Set<(message: FromWorker) => void>();
  let nextId = 1;
  // Set when the client cannot be used any more: every request is rejected with this text.
  let broken: string | null = null;
  let port: EnginePort | null = null;

  const emit = (message: FromWorker) => {
    for (const listener of listeners) listener(message);
  };

  const take = (id: number): Pending | undefined => {
    const entry = pending.get(id);
    if (entry === undefined) return undefined;
    pending.delete(id);
    clearTimeout(entry.timer);
    return entry;
  };

  const rejectAll = (message: string) => {
    for (const id of [...pending.keys()]) take(id)?.reject(new EngineError(message));
  };

  const onMessage = (data: unknown) => {
    if (!isFromWorker(data)) {
      emit({ type: 'error', id: null, message: 'The engine sent an unreadable message' });
      return;
    }
    const entry = data.id === null ? undefined : pending.get(data.id);
    if (entry === undefined || data.id === null) {
      emit(data);
    } else if (data.type === 'error') {
      take(data.id)?.reject(new EngineError(data.message));
    } else if (data.type === entry.expect) {
      take(data.id)?.resolve(data);
    } else {
      // Progress messages may carry the id of the request they belong to.
      emit(data);
    }
  };

  const onFailure = (message: string) => {
    rejectAll(message);
    emit({ type: 'error', id: null, message });
  };

  try {
    port = (options.createPort ?? workerPort)();
    port.listen({ message: onMessage, failure: onFailure });
  } catch (error) {
    broken = `could not create the worker (${describe(error)})`;
  }

  // Typed loosely inside; the EngineClient signature ties each request to its reply type.
  const request = (
    body: { type: RequestType },
    requestOptions: RequestOptions = {},
  ): Promise<FromWorker> => {
    if (broken !== null || port === null) {
      return Promise.reject(new EngineError(broken ?? 'no worker'));
    }
    const live = port;
    const id = nextId++;
    const timeoutMs = requestOptions.timeoutMs ?? defaultTimeout;
    return new Promise<FromWorker>((resolve, reject) => {
      const timer = Number.isFinite(timeoutMs)
        ? setTimeout(() => {
            take(id)?.reject(new EngineError(`no reply to “${body.type}” after ${timeoutMs} ms`));
          }, timeoutMs)
        : undefined;
      pending.set(id, {
        expect: REPLY_TYPE[body.type],
        // Only a message whose type is REPLY_TYPE[K], i.e. Replies[K], resolves this.
        resolve,
        reject,
        timer,
      });
      try {
        // Safe: a RequestBody<K> plus its id is the ToWorker member of type K.
        live.post({ ...body, id } as ToWorker, requestOptions.transfer ?? []);
      } catch (error) {
        take(id)?.reject(new EngineError(`could not send “${body.type}” (${describe(error)})`));
      }
    });
  };

  const client: EngineClient = {
    request: request as EngineClient['request'],

    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },

    dispose() {
      broken = 'the engine was shut down';
      rejectAll(broken);
      listeners.clear();
      port?.close();
      port = null;
    },
  };
  return client;
}

/** The real port: a module Worker running `engine.worker.ts`. Throws if it cannot be made. */
function workerPort(): EnginePort {
  const worker = new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module' });
  return {
    post: (message, transfer) => worker.postMessage(message, transfer),
    listen: ({ message, failure }) => {
      worker.onmessage = (event: MessageEvent<unknown>) => message(event.data);
      worker.onerror = (event) => {
        event.preventDefault();
        // A script that fails to load fires a plain Event with no message.
        const text: unknown = event.message;
        failure(typeof text === 'string' && text !== '' ? text : 'the engine script did not load');
      };
      worker.onmessageerror = () => failure('a message from the engine could not be read');
    },
    close: () => worker.terminate(),
  };
}

function isFromWorker(data: unknown): data is FromWorker {
  if (typeof data !== 'object' || data === null) return false;
  const { type, id } = data as { type?: unknown; id?: unknown };
  return typeof type === 'string' && (typeof id === 'number' || id === null);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message || error.name : String(error);
}
