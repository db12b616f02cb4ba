// Fixtures for the Training view's store tests (jsdom): the app bound to the real worker handler
// and engine session running in process (replies on the next macrotask, as from a worker), an
// in-memory IndexedDB emptied before each test, downloads caught instead of clicked, and waits.
// Test files import 'fake-indexeddb/auto' first, so `indexedDB` exists before anything opens it.
import { clear, createStore, get, keys, set } from 'idb-keyval';
import { expect, vi } from 'vitest';
import type { CellKind } from '../../src/engine/cell';
import { createModel, type Model } from '../../src/engine/model';
import { serializeModel } from '../../src/engine/modelfile';
import { DEFAULT_SETTINGS, modelConfigOf } from '../../src/engine/settings';
import { createRng } from '../../src/engine/rng';
import { taskText } from '../../src/engine/tasks/generated';
import { buildVocab, vocabFromChars } from '../../src/engine/vocab';
import { startApp } from '../../src/store/actions';
import { appStore, resetStore } from '../../src/store/store';
import type { TrainingState } from '../../src/store/training';
import { initTraining, step, stopTraining } from '../../src/store/trainingActions';
import {
  createEngineClient,
  type EngineClient,
  type EnginePort,
  type PortHandlers,
  type Watchdog,
} from '../../src/worker/client';
import { createSession, handleMessage, type Post } from '../../src/worker/handler';
import type { ToWorker } from '../../src/worker/protocol';
import { onTeardown } from '../ui/setup';

export const training = (): TrainingState => appStore.getState().training;
export const config = () => appStore.getState().config;

/** The app's database, as the persistence module opens it. */
const db = createStore('unrolled', 'training');
export const rawDb = {
  get: (key: string): Promise<unknown> => get(key, db),
  set: (key: string, value: unknown): Promise<void> => set(key, value, db),
  keys: (): Promise<IDBValidKey[]> => keys(db),
};

/** Empties the database (call in beforeEach): every test starts with nothing saved. */
export async function emptyDb(): Promise<void> {
  await clear(db);
  expect(await keys(db)).toEqual([]);
}

/** Polls until `ok()` holds (every 5 ms, up to 15 s). */
export async function until(ok: () => boolean, what = 'the condition'): Promise<void> {
  await vi.waitFor(
    () => {
      if (!ok()) throw new Error(`still waiting for ${what}`);
    },
    { timeout: 15_000, interval: 5 },
  );
}

/** What a test can do to the worker behind the app's engine client. */
interface WorkerControl {
  /** The worker dies: it stops training and answers nothing more, and no event says so. */
  kill(): void;
  /** The worker reports an uncaught error (as `onerror` would) and carries on. */
  fail(message: string): void;
}

/**
 * A port whose far end is the real handler and session, answering on the next macrotask; the
 * latest one made is controlled through `control`.
 */
function inProcessWorker(control: { current: WorkerControl | null }): EnginePort {
  let handlers: PortHandlers | null = null;
  let dead = false;
  const post: Post = (message) => {
    const copy = structuredClone(message);
    setTimeout(() => {
      if (!dead) handlers?.message(copy);
    }, 0);
  };
  const session = createSession(post, () => performance.now());
  control.current = {
    kill: () => {
      dead = true;
      session.pause();
    },
    fail: (message) => handlers?.failure(message),
  };
  return {
    post: (message) =>
      setTimeout(() => {
        if (!dead) handleMessage(cloned(message), post, session);
      }, 0),
    listen: (h) => {
      handlers = h;
    },
    close: () => {
      dead = true;
      session.pause();
    },
  };
}

/**
 * A request as the worker receives it: a copy, but for a file, which postMessage passes as a
 * handle to the same data (jsdom's Blob does not survive Node's structuredClone).
 */
function cloned(message: ToWorker): ToWorker {
  return message.type === 'checkFile' ? { ...message } : structuredClone(message);
}

export interface RunningApp {
  /** Request types sent to the engine, in order. */
  readonly requests: string[];
  /** Waits until no request to the engine is waiting for its reply. */
  idle(): Promise<void>;
  /** Stops the app and its engine (as closing the tab would); the store is reset. */
  close(): void;
  /** The worker now behind the engine client. */
  worker(): WorkerControl;
}

/**
 * Starts the app on `hash` (e.g. '#/train?corpus=counting&hidden=8') with a fresh engine and
 * waits until the Training view has a model and its first autosave has been written.
 */
export async function startTraining(
  hash: string,
  options: { watchdog?: Watchdog } = {},
): Promise<RunningApp> {
  window.history.replaceState(null, '', `/${hash}`);
  const control: { current: WorkerControl | null } = { current: null };
  const real = createEngineClient({
    createPort: () => inProcessWorker(control),
    timeoutMs: 20_000,
    ...options,
  });
  const requests: string[] = [];
  let waiting = 0;
  const client: EngineClient = {
    request: (body, options) => {
      requests.push(body.type);
      waiting += 1;
      return real.request(body, options).finally(() => (waiting -= 1));
    },
    subscribe: (listener) => real.subscribe(listener),
    onEvent: (listener) => real.onEvent(listener),
    dispose: () => real.dispose(),
  };
  const stopApp = startApp(window, client);
  let open = true;
  const close = () => {
    if (!open) return;
    open = false;
    stopTraining();
    stopApp();
    client.dispose();
    resetStore();
  };
  onTeardown(close);
  await initTraining();
  if (training().error === null) {
    await until(() => training().model !== null && training().savedAt !== null, 'the autosave');
  }
  const idle = () => until(() => waiting === 0, 'the engine to answer');
  return { requests, idle, close, worker: () => control.current! };
}

/** Takes single steps (the Step button) until the run is at step `n`. */
export async function stepTo(n: number): Promise<void> {
  while (training().step < n) {
    const next = training().step + 1;
    step();
    await until(() => training().step === next, `step ${next}`);
  }
}

/** The characters of a generated text, as its model's vocabulary. */
export function vocabOf(task: 'counting' | 'copy10' | 'brackets'): string[] {
  return buildVocab(taskText(task)).chars.slice();
}

/** A model file with known random weights for a vocabulary; returns the file and the model. */
export function modelFile(
  chars: readonly string[],
  { cell = 'gru' as CellKind, hiddenSize = 5, numLayers = 2, seed = 11 } = {},
): { json: string; model: Model } {
  const vocab = vocabFromChars(chars);
  const model = createModel(
    modelConfigOf({ ...DEFAULT_SETTINGS, cell, hiddenSize, numLayers }, vocab.chars.length),
    createRng(seed),
  );
  return { json: serializeModel(model, vocab), model };
}

export interface Download {
  name: string;
  type: string;
  text: string;
}

/** Catches what the view would download (object URL and link click); returns the list. */
export function catchDownloads(): Download[] {
  const blobs = new Map<string, Blob>();
  const files: Download[] = [];
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    const url = `blob:test/${blobs.size + 1}`;
    blobs.set(url, blob as Blob);
    return url;
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    const blob = blobs.get(this.href);
    if (blob === undefined) throw new Error(`clicked a link to ${this.href}, not a download`);
    const name = this.download;
    void blob.text().then((text) => void files.push({ name, type: blob.type, text }));
  });
  return files;
}

/** Waits for `n` downloads to be read. */
export async function downloaded(files: Download[], n = 1): Promise<Download[]> {
  await until(() => files.length >= n, `${n} download(s)`);
  return files;
}
