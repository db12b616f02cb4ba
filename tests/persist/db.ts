// Fixtures for the persistence tests: a fresh in-memory IndexedDB (fake-indexeddb) per test with
// a freshly imported `trainingStore` bound to it, raw access to the same object store (to plant
// damaged records), and valid records to start from.
//
// idb-keyval's `createStore` reads the global `indexedDB` when it first opens the database and
// then keeps the connection; `trainingStore` keeps its store in a module variable. So each test
// installs a new IDBFactory *and* re-imports the module (vi.resetModules), which gives it a
// database of its own that starts empty.
import { IDBFactory } from 'fake-indexeddb';
import { createStore, get, keys, set } from 'idb-keyval';
import { vi } from 'vitest';
import { initialConfig } from '../../src/store/config';
import type * as trainingStore from '../../src/persist/trainingStore';
import type { Autosave, Checkpoint } from '../../src/persist/trainingStore';

export type TrainingStore = typeof trainingStore;

export interface RawStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  keys(): Promise<IDBValidKey[]>;
}

/** A new empty database, the persistence module bound to it, and raw access to its records. */
export async function freshStore(): Promise<TrainingStore & { raw: RawStore }> {
  globalThis.indexedDB = new IDBFactory();
  vi.resetModules();
  const store = await import('../../src/persist/trainingStore');
  const db = createStore('unrolled', 'training');
  const raw: RawStore = {
    get: (key) => get(key, db),
    set: (key, value) => set(key, value, db),
    keys: () => keys(db),
  };
  return { ...store, raw };
}

/** A valid autosave at `step`, with curves up to it (an infinite loss and gradient at step 2). */
export function autosaveAt(step = 3, savedAt = 1_700_000_000_000): Autosave {
  const steps = Array.from({ length: step }, (_, k) => k + 1);
  return {
    version: 1,
    savedAt,
    config: { ...initialConfig(), corpus: 'counting', hiddenSize: 8, gateBias: 1 },
    model: `{"format":"unrolled-model","step":${step}}`,
    step,
    optimizer: {
      kind: 'adam',
      stepCount: step,
      buffers: { m: [[0.5, -0.25]], v: [[0.125, 1e-8]] },
    },
    history: {
      steps,
      loss: steps.map((s) => (s === 2 ? Number.POSITIVE_INFINITY : 4 - s / 10)),
      gradBefore: steps.map((s) => (s === 2 ? Number.POSITIVE_INFINITY : s)),
      gradAfter: steps.map((s) => Math.min(s, 1)),
      clipped: steps.map((s) => (s > 1 ? 1 : 0)),
      val: [
        {
          step: 1,
          loss: 3.75,
          metrics: [{ key: 'recall', label: 'recall after 20 steps', value: 0.5, chance: 0.1 }],
        },
      ],
    },
    timeline: [{ step: 1, text: 'Ünïcode ✓ 唐詩' }],
  };
}

/** A valid named checkpoint. */
export function checkpoint(id: string, name: string, step = 10, savedAt = 1000 + step): Checkpoint {
  const config = { ...initialConfig(), corpus: 'counting' as const, hiddenSize: 8 };
  return {
    meta: {
      id,
      name,
      step,
      savedAt,
      corpus: config.corpus,
      cell: config.cell,
      hiddenSize: config.hiddenSize,
      numLayers: config.numLayers,
    },
    config,
    model: `{"model":"${id}"}`,
  };
}
