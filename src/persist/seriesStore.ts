// The Time series view's run in IndexedDB: one autosave (the model file, its step, the optimizer's
// state and the curves), with the choices it was made from, so a reload of the same series and
// model puts the run back; and named checkpoints of the same form, listed by a small index. The worker writes and reads it (the model never crosses to the page).
// Read back checked with valibot; a record that does not fit is ignored, a failed write reported.
import { createStore, del, get, set, update, type UseStore } from 'idb-keyval';
import * as v from 'valibot';
import { LARGEST_MODEL_FILE_BYTES } from '../engine/modelfileSize';
import { historySchema, optimizerSchema } from './trainingStore';

const KEY = 'series-autosave';

const seriesAutosaveSchema = v.object({
  version: v.literal(1),
  savedAt: v.pipe(v.number(), v.finite()),
  /** What the series and model were made from (the view's choices, the own file's identity). */
  choice: v.pipe(v.string(), v.maxLength(100_000)),
  model: v.pipe(v.string(), v.maxLength(LARGEST_MODEL_FILE_BYTES)),
  step: v.pipe(v.number(), v.integer(), v.minValue(0)),
  optimizer: v.nullable(optimizerSchema),
  history: historySchema,
});

export type SeriesAutosave = v.InferOutput<typeof seriesAutosaveSchema>;

let store: UseStore | null = null;
function db(): UseStore {
  store ??= createStore('unrolled', 'training');
  return store;
}

export async function loadSeriesAutosave(): Promise<SeriesAutosave | null> {
  try {
    const parsed = v.safeParse(seriesAutosaveSchema, await get(KEY, db()));
    return parsed.success ? parsed.output : null;
  } catch {
    return null;
  }
}

export async function saveSeriesAutosave(save: SeriesAutosave): Promise<boolean> {
  try {
    await set(KEY, save, db());
    return true;
  } catch {
    return false;
  }
}

const LIST = 'series-checkpoints';
const checkpointKey = (id: string) => `series-checkpoint:${id}`;

const metaSchema = v.object({
  id: v.pipe(v.string(), v.minLength(1), v.maxLength(100)),
  name: v.pipe(v.string(), v.maxLength(200)),
  step: v.pipe(v.number(), v.integer(), v.minValue(0)),
  savedAt: v.pipe(v.number(), v.finite()),
  choice: v.pipe(v.string(), v.maxLength(100_000)),
});

/** A series checkpoint as listed: enough to choose one without reading its model. */
export type SeriesCheckpointMeta = v.InferOutput<typeof metaSchema>;

/** The series checkpoints, newest first; damaged entries are left out. */
export async function listSeriesCheckpoints(): Promise<SeriesCheckpointMeta[]> {
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
export async function saveSeriesCheckpoint(
  meta: SeriesCheckpointMeta,
  save: SeriesAutosave,
): Promise<SeriesCheckpointMeta[] | null> {
  try {
    await set(checkpointKey(meta.id), save, db());
    await update(
      LIST,
      (old: unknown) => [...(Array.isArray(old) ? old : []).filter((e) => e?.id !== meta.id), meta],
      db(),
    );
    return await listSeriesCheckpoints();
  } catch {
    return null;
  }
}

export async function loadSeriesCheckpoint(id: string): Promise<SeriesAutosave | null> {
  try {
    const parsed = v.safeParse(seriesAutosaveSchema, await get(checkpointKey(id), db()));
    return parsed.success ? parsed.output : null;
  } catch {
    return null;
  }
}

/** Deletes a checkpoint and its entry; resolves with the list. */
export async function deleteSeriesCheckpoint(id: string): Promise<SeriesCheckpointMeta[]> {
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
  return listSeriesCheckpoints();
}
