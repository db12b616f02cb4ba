// The one module that owns the engine Worker. Requests get an id and return a Promise that
// settles with the reply echoing that id, with an error reply, on timeout, or when the worker
// fails. Messages that answer no pending request go to subscribers. A worker cannot report its
// own death, so the client watches it: after an uncaught error it asks whether the worker still
// answers, and a worker that does not (or, with the watchdog on, one silent too long) is
// terminated and replaced by a fresh one; listeners of `onEvent` hear which.
import type { FromWorker, Replies, RequestBody, RequestType, ToWorker } from './protocol';
import { isProblemInfo, type ProblemInfo } from '../engine/problem';

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
  /** Receives what happens to the worker itself; returns an unsubscribe function. */
  onEvent(listener: (event: EngineEvent) => void): () => void;
  /** Rejects pending requests and terminates the worker. */
  dispose(): void;
}

export interface ClientOptions {
  /** Makes the port; defaults to a real module Worker. May throw. */
  createPort?: () => EnginePort;
  /** Default timeout for requests, in milliseconds. */
  timeoutMs?: number;
  /** Pings a worker that has sent nothing for a while (off by default; the app turns it on). */
  watchdog?: Watchdog;
  /** How long a worker that reported an uncaught error has to answer a ping (ms). */
  recoverMs?: number;
}

export interface Watchdog {
  /** Every `everyMs` a worker that has sent nothing for as long is pinged. */
  everyMs: number;
  /** A ping unanswered this long means the worker is dead or hung (unless a longer request runs). */
  silenceMs: number;
}

/**
 * What happened to the worker. `recovered`: it reported an uncaught error and still answers.
 * `restarted`: it died or hung and a fresh one runs, holding nothing (pending requests were
 * rejected). `lost`: it could not be replaced, and every request now fails.
 */
export type EngineEvent =
  | { type: 'recovered'; message: string }
  | { type: 'restarted'; reason: string }
  | { type: 'lost'; reason: string };

/** Why a request failed: an error reply, a timeout, or a broken worker. */
export class EngineError extends Error {
  override name = 'EngineError';
  /** What the engine said went wrong, as a code and values the page can translate. */
  readonly problem: ProblemInfo | null;
  constructor(message: string, problem: ProblemInfo | null = null) {
    super(message);
    this.problem = problem;
  }
}

/** The request died with its worker, which was replaced (the `restarted` event tells the rest). */
export class EngineRestartedError extends EngineError {
  override name = 'EngineRestartedError';
}

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_RECOVER_MS = 15_000;
/** At most this many restarts within RESTART_WINDOW_MS; one more and the engine is lost. */
const MAX_RESTARTS = 3;
const RESTART_WINDOW_MS = 5 * 60_000;

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
  backward: 'backwardAt',
  gradCheck: 'gradChecked',
  checkFile: 'fileChecked',
  export: 'exported',
  import: 'model',
  restore: 'model',
  setTask: 'corpus',
  weights: 'weights',
  neurons: 'neurons',
  snapshot: 'snapshot',
  autosave: 'autosaved',
  restoreRun: 'restoredRun',
  gradientExperiment: 'gradientResult',
  raceStart: 'race',
  racePause: 'race',
  raceReset: 'race',
  attentionLoad: 'attention',
  attentionTrain: 'ack',
  attentionPause: 'ack',
  attentionStep: 'ack',
  attentionDecode: 'attentionDecoded',
  attentionScore: 'attentionScores',
  attentionRestoreLastGood: 'attention',
  attentionExport: 'attentionExported',
  attentionAutosave: 'autosaved',
  attentionResume: 'attentionResumed',
  attentionCheckpoint: 'attentionCheckpoints',
  attentionCheckpointLoad: 'attentionResumed',
  seriesLoad: 'series',
  seriesTrain: 'ack',
  seriesPause: 'ack',
  seriesStep: 'ack',
  seriesPredict: 'seriesPrediction',
  seriesRestoreBest: 'series',
  seriesRestoreLastGood: 'series',
  seriesSetHyper: 'series',
  seriesAutosave: 'autosaved',
  seriesResume: 'seriesResumed',
  seriesCheckpoint: 'seriesCheckpoints',
  seriesCheckpointLoad: 'seriesResumed',
  seriesExport: 'seriesExported',
  seriesTrace: 'seriesTrace',
  tagRaceStart: 'tagRace',
  tagRacePause: 'tagRace',
  tagRaceReset: 'tagRace',
  tagRaceSample: 'tagSample',
};

interface Pending {
  expect: FromWorker['type'];
  resolve(message: FromWorker): void;
  reject(error: EngineError): void;
  timer: ReturnType<typeof setTimeout> | undefined;
  /** When the request times out (Infinity: never). */
  deadline: number;
  /** It was given longer than the default: the worker may be silent while it works on it. */
  patient: boolean;
}

export function createEngineClient(options: ClientOptions = {}): EngineClient {
  const defaultTimeout = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const pending = new Map<number, Pending>();
  const listeners = new Set<(message: FromWorker) => void>();
  const watchers = new Set<(event: EngineEvent) => void>();
  const createPort = options.createPort ?? workerPort;
  const recoverMs = options.recoverMs ?? DEFAULT_RECOVER_MS;
  let nextId = 1;
  // Set when the client cannot be used any more: every request is rejected with this text.
  let broken: string | null = null;
  let port: EnginePort | null = null;
  // Which worker is live (messages from a replaced one are dropped), whether it has spoken, when
  // it last did, whether a liveness ping is out, and when the recent restarts happened.
  let generation = 0;
  let spoke = false;
  let lastHeard = Date.now();
  // What waits on the liveness ping in flight (a second check joins it).
  let waiting: (() => void)[] | null = null;
  // The worker answers requests in the order sent: when the oldest one times out, it is stuck.
  let overdue = false;
  let restarts: number[] = [];

  const emit = (message: FromWorker) => {
    for (const listener of listeners) listener(message);
  };
  const tell = (event: EngineEvent) => {
    for (const watcher of watchers) watcher(event);
  };

  const take = (id: number): Pending | undefined => {
    const entry = pending.get(id);
    if (entry === undefined) return undefined;
    pending.delete(id);
    clearTimeout(entry.timer);
    return entry;
  };

  const rejectAll = (message: string, Reason = EngineError) => {
    for (const id of [...pending.keys()]) take(id)?.reject(new Reason(message));
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
      const problem = isProblemInfo(data.problem) ? data.problem : null;
      take(data.id)?.reject(new EngineError(data.message, problem));
    } else if (data.type === entry.expect) {
      take(data.id)?.resolve(data);
    } else {
      // Progress messages may carry the id of the request they belong to.
      emit(data);
    }
  };

  const onFailure = (message: string) => {
    if (!spoke) {
      // It never started (its script did not load): there is nothing to restart.
      rejectAll(message);
      emit({ type: 'error', id: null, message });
      return;
    }
    // An uncaught error: the worker may carry on (the error ended one task) or be gone.
    checkAlive(recoverMs, `stopped after an error (${message})`, () =>
      tell({ type: 'recovered', message }),
    );
  };

  /** Opens a worker; false (and the client broken) when it cannot be made. */
  const open = (): boolean => {
    const mine = ++generation;
    spoke = false;
    lastHeard = Date.now();
    try {
      port = createPort();
      port.listen({
        message: (data) => {
          if (mine !== generation) return;
          spoke = true;
          overdue = false;
          lastHeard = Date.now();
          onMessage(data);
        },
        failure: (message) => {
          if (mine === generation) onFailure(message);
        },
      });
      return true;
    } catch (error) {
      port = null;
      broken = `could not create the worker (${describe(error)})`;
      return false;
    }
  };

  /** Terminates the worker and starts a fresh one (or gives up after too many restarts). */
  const restart = (reason: string) => {
    if (broken !== null) return;
    const now = Date.now();
    restarts = [...restarts.filter((t) => now - t < RESTART_WINDOW_MS), now];
    port?.close();
    port = null;
    overdue = false;
    if (restarts.length > MAX_RESTARTS) {
      broken = `the engine ${reason} and was restarted too often`;
      generation++;
    } else {
      open();
    }
    if (broken === null) rejectAll(`the engine ${reason} and was restarted`, EngineRestartedError);
    else rejectAll(broken);
    tell(broken === null ? { type: 'restarted', reason } : { type: 'lost', reason: broken });
  };

  /**
   * Pings the worker; no answer within `ms` restarts it, unless the oldest request still out is
   * one given longer than the default and has time left (the worker may be busy with it: it is
   * asked again), and none before it timed out.
   */
  const checkAlive = (ms: number, reason: string, alive: () => void) => {
    if (broken !== null) return;
    if (waiting !== null) {
      waiting.push(alive);
      return;
    }
    const waiters = [alive];
    waiting = waiters;
    const asked = generation;
    request({ type: 'ping' }, { timeoutMs: ms }).then(
      () => {
        waiting = null;
        for (const then of waiters) then();
      },
      () => {
        waiting = null;
        if (asked !== generation || broken !== null) return;
        const oldest = pending.get(Math.min(...pending.keys()));
        const busy = !overdue && oldest?.patient === true && oldest.deadline > Date.now();
        if (busy) for (const then of waiters) checkAlive(ms, reason, then);
        else restart(reason);
      },
    );
  };

  open();
  const watchdog = options.watchdog;
  const heartbeat =
    watchdog === undefined
      ? null
      : setInterval(() => {
          if (Date.now() - lastHeard >= watchdog.everyMs && spoke) {
            checkAlive(watchdog.silenceMs, 'stopped answering', () => undefined);
          }
        }, watchdog.everyMs);

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
      const expire = (): void => {
        const entry = pending.get(id);
        if (entry === undefined) return;
        // The worker answers in order: while a request sent before this one, and given longer
        // than the default (an autosave or export of a big model), still has time left, the
        // worker may be busy with it, and this one waits its turn from then on. A reply that
        // came after its request was dropped would leave the page and the worker disagreeing.
        // The watchdog's ping keeps its own time (it asks again while such a request is out).
        const busyUntil = Math.max(
          0,
          ...[...pending]
            .filter(([other, e]) => other < id && e.patient && Number.isFinite(e.deadline))
            .map(([, e]) => e.deadline),
        );
        if (body.type !== 'ping' && busyUntil > Date.now()) {
          entry.deadline = busyUntil + timeoutMs;
          entry.timer = setTimeout(expire, entry.deadline - Date.now());
          return;
        }
        if (Math.min(...pending.keys()) === id) overdue = true;
        take(id)?.reject(new EngineError(`no reply to “${body.type}” after ${timeoutMs} ms`));
      };
      pending.set(id, {
        expect: REPLY_TYPE[body.type],
        deadline: Date.now() + timeoutMs,
        patient: timeoutMs > defaultTimeout,
        // Only a message whose type is REPLY_TYPE[K], i.e. Replies[K], resolves this.
        resolve,
        reject,
        timer: Number.isFinite(timeoutMs) ? setTimeout(expire, timeoutMs) : undefined,
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

    onEvent(listener) {
      watchers.add(listener);
      return () => {
        watchers.delete(listener);
      };
    },

    dispose() {
      broken = 'the engine was shut down';
      if (heartbeat !== null) clearInterval(heartbeat);
      rejectAll(broken);
      listeners.clear();
      watchers.clear();
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
