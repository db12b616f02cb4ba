// The Time series view's run in IndexedDB: one autosave (the model file, its step, the optimizer's
// state and the curves), with the choices it was made from, so a reload of the same series and
// model puts the run back. The worker writes and reads it (the model never crosses to the page).
// Read back checked with valibot; a record that does not fit is ignored, a failed write reported.
import { createStore, get, set, type UseStore } from 'idb-keyval';
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
