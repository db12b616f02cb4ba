// The runs the Time series and Attention views keep in IndexedDB, each view under its own keys:
// one autosave (the model file, its step, the optimizer's state and the curves), with the choices
// it was made from, so a reload of the same choices puts the run back; and named checkpoints of
// the same form, listed by a small index. The worker writes and reads them (the model never
// crosses to the page). Read back checked with valibot; a record that does not fit is ignored, a
// failed write reported.
import { createStore, del, get, set, update, type UseStore } from 'idb-keyval';
import * as v from 'valibot';
import { LARGEST_MODEL_FILE_BYTES } from '../engine/modelfileSize';
import { historySchema, optimizerSchema } from './trainingStore';

const savedRunSchema = v.object({
  version: v.literal(1),
  savedAt: v.pipe(v.number(), v.finite()),
  /** What the series and model were made from (the view's choices, the own file's identity). */
  choice: v.pipe(v.string(), v.maxLength(100_000)),
  model: v.pipe(v.string(), v.maxLength(LARGEST_MODEL_FILE_BYTES)),
  step: v.pipe(v.number(), v.integer(), v.minValue(0)),
  optimizer: v.nullable(optimizerSchema),
  history: historySchema,
});

/** A run as stored (the Time series or the Attention view's). */
export type SavedRun = v.InferOutput<typeof savedRunSchema>;
export type SeriesAutosave = SavedRun;

let store: UseStore | null = null;
function db(): UseStore {
  store ??= createStore('unrolled', 'training');
  return store;
}

const metaSchema = v.object({
  id: v.pipe(v.string(), v.minLength(1), v.maxLength(100)),
  name: v.pipe(v.string(), v.maxLength(200)),
  step: v.pipe(v.number(), v.integer(), v.minValue(0)),
  savedAt: v.pipe(v.number(), v.finite()),
  choice: v.pipe(v.string(), v.maxLength(100_000)),
});

/** A checkpoint as listed: enough to choose one without reading its model. */
export type CheckpointMeta = v.InferOutput<typeof metaSchema>;
export type SeriesCheckpointMeta = CheckpointMeta;

/** One view's saved runs: its autosave and its checkpoints, under keys that start with `view`. */
export function savedRuns(view: 'series' | 'attention') {
  const KEY = `${view}-autosave`;
  const LIST = `${view}-checkpoints`;
  const checkpointKey = (id: string) => `${view}-checkpoint:${id}`;

  async function loadAutosave(): Promise<SavedRun | null> {
    try {
      const parsed = v.safeParse(savedRunSchema, await get(KEY, db()));
      return parsed.success ? parsed.output : null;
    } catch {
      return null;
    }
  }

  async function saveAutosave(save: SavedRun): Promise<boolean> {
    try {
      await set(KEY, save, db());
      return true;
    } catch {
      return false;
    }
  }

  /** The checkpoints, newest first; damaged entries are left out. */
  async function listCheckpoints(): Promise<CheckpointMeta[]> {
    try {
      const raw: unknown = await get(LIST, db());
      const list = Array.isArray(raw) ? raw : [];
      return list
        .flatMap((e: unknown) => {
          const parsed = v.safeParse(metaSchema, e);
          return parsed.success ? [parsed.output] : [];
        })
        .sort((a, b) => b.savedAt - a.savedAt);
    } catch {
      return [];
    }
  }

  /** Stores a checkpoint and lists it; resolves with the new list, or null when refused. */
  async function saveCheckpoint(
    meta: CheckpointMeta,
    save: SavedRun,
  ): Promise<CheckpointMeta[] | null> {
    try {
      await set(checkpointKey(meta.id), save, db());
      await update(
        LIST,
        (old: unknown) => [
          ...(Array.isArray(old) ? old : []).filter((e) => e?.id !== meta.id),
          meta,
        ],
        db(),
      );
      return await listCheckpoints();
    } catch {
      return null;
    }
  }

  async function loadCheckpoint(id: string): Promise<SavedRun | null> {
    try {
      const parsed = v.safeParse(savedRunSchema, await get(checkpointKey(id), db()));
      return parsed.success ? parsed.output : null;
    } catch {
      return null;
    }
  }

  /** Deletes a checkpoint and its entry; resolves with the list. */
  async function deleteCheckpoint(id: string): Promise<CheckpointMeta[]> {
    try {
      await del(checkpointKey(id), db());
      await update(
        LIST,
        (old: unknown) => (Array.isArray(old) ? old : []).filter((e) => e?.id !== id),
        db(),
      );
    } catch {
      // The list below says what is still there.
    }
    return listCheckpoints();
  }

  return {
    loadAutosave,
    saveAutosave,
    listCheckpoints,
    saveCheckpoint,
    loadCheckpoint,
    deleteCheckpoint,
  };
}

export type SavedRuns = ReturnType<typeof savedRuns>;

/** The Time series view's run. */
export const SERIES_RUNS = savedRuns('series');
/** The Attention view's runs. */
export const ATTENTION_RUNS = savedRuns('attention');
export const {
  loadAutosave: loadSeriesAutosave,
  saveAutosave: saveSeriesAutosave,
  listCheckpoints: listSeriesCheckpoints,
  saveCheckpoint: saveSeriesCheckpoint,
  loadCheckpoint: loadSeriesCheckpoint,
  deleteCheckpoint: deleteSeriesCheckpoint,
} = SERIES_RUNS;
