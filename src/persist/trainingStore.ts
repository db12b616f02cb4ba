// The training run in IndexedDB (idb-keyval): the autosaves (config, model file, step, curves and
// sample timeline; one slot per run, so two tabs never overwrite each other's), the learner's own
// text, and named checkpoints. Everything read back is checked with valibot; anything that does not
// fit is ignored (and reported as null), so a corrupt store never breaks the app. Writes that fail
// (private mode, quota) are reported, never thrown.
import { createStore, del, get, getMany, promisifyRequest, set, type UseStore } from 'idb-keyval';
import { joinRecord, partRange, splitRecord } from './chunks';
import * as v from 'valibot';
import { CORPORA } from '../content/corpora';
import { LARGEST_MODEL_FILE_BYTES } from '../engine/modelfileSize';
import { OPTIMIZER_KINDS } from '../engine/optim';
import { SETTING_ROWS, type SettingRow } from '../engine/settings';
import type { ConfigState } from '../store/config';

const finite = v.pipe(v.number(), v.finite());
/** Losses and gradient norms may be NaN or ±Infinity after a divergence (valibot's number() alone refuses NaN). */
const numberOrNaN = v.union([v.number(), v.nan()]);

/** The longest own series text stored, in characters (the view reads files up to 20 MB). */
const OWN_SERIES_MAX_CHARS = 20 * 1024 * 1024;

/** The longest checkpoint name stored; save and rename shorten longer names to it. */
export const MAX_CHECKPOINT_NAME = 200;

/**
 * A stored setting: in its row's range, or one of its options. A setting missing from stored data
 * (saved before the setting existed) takes its default, so a new setting keeps old runs loadable.
 */
function settingSchema(row: SettingRow): v.GenericSchema<unknown, unknown> {
  if (row.kind === 'choice') return v.optional(v.picklist(row.options), row.default);
  const number: v.GenericSchema<number, number> =
    row.kind === 'whole' ? v.pipe(v.number(), v.integer()) : finite;
  const ranged = v.pipe(number, v.minValue(row.min), v.maxValue(row.max));
  return row.kind === 'nullableReal'
    ? v.optional(v.nullable(ranged), row.default)
    : v.optional(ranged, row.default);
}

/** The stored training configuration: the text, and every setting of the engine's settings table. */
export const configSchema = v.object({
  corpus: v.picklist(CORPORA),
  ...Object.fromEntries(SETTING_ROWS.map(([name, row]) => [name, settingSchema(row)])),
}) as unknown as v.GenericSchema<unknown, ConfigState>;

export const historySchema = v.pipe(
  v.object({
    steps: v.array(finite),
    loss: v.array(numberOrNaN),
    gradBefore: v.array(numberOrNaN),
    gradAfter: v.array(numberOrNaN),
    clipped: v.array(v.picklist([0, 1])),
    val: v.array(
      v.object({
        step: finite,
        loss: numberOrNaN,
        metrics: v.optional(
          v.pipe(
            v.array(
              v.object({
                key: v.pipe(v.string(), v.maxLength(40)),
                label: v.pipe(v.string(), v.maxLength(200)),
                value: numberOrNaN,
                chance: v.optional(numberOrNaN),
              }),
            ),
            v.readonly(),
          ),
        ),
      }),
    ),
  }),
  v.check(
    (h) =>
      h.loss.length === h.steps.length &&
      h.gradBefore.length === h.steps.length &&
      h.gradAfter.length === h.steps.length &&
      h.clipped.length === h.steps.length,
    'The saved curves have different lengths.',
  ),
);

const timelineSchema = v.array(v.object({ step: finite, text: v.string() }));

/** An optimizer's state as the engine exports it; the engine checks kinds and sizes on import. */
export const optimizerSchema = v.object({
  kind: v.picklist(OPTIMIZER_KINDS),
  stepCount: v.pipe(v.number(), v.integer(), v.minValue(0)),
  buffers: v.record(v.string(), v.array(v.array(finite))),
});

const autosaveSchema = v.object({
  version: v.literal(1),
  savedAt: finite,
  config: configSchema,
  model: v.pipe(v.string(), v.maxLength(LARGEST_MODEL_FILE_BYTES)),
  step: v.pipe(v.number(), v.integer(), v.minValue(0)),
  /** Absent in runs saved before the optimizer state was kept. */
  optimizer: v.optional(v.nullable(optimizerSchema)),
  history: historySchema,
  timeline: timelineSchema,
});

export type Autosave = v.InferOutput<typeof autosaveSchema>;
/** The curves as stored (the smoothed curve is recomputed on load). */
export type StoredHistory = v.InferOutput<typeof historySchema>;

const checkpointMetaSchema = v.object({
  id: v.string(),
  name: v.pipe(v.string(), v.maxLength(MAX_CHECKPOINT_NAME)),
  step: v.pipe(v.number(), v.integer(), v.minValue(0)),
  savedAt: finite,
  corpus: v.string(),
  cell: v.string(),
  hiddenSize: finite,
  numLayers: finite,
});

/** A checkpoint as listed: enough to choose one without reading its model. */
export type CheckpointMeta = v.InferOutput<typeof checkpointMetaSchema>;

const checkpointSchema = v.object({
  meta: checkpointMetaSchema,
  config: configSchema,
  model: v.string(),
  /** The curves and samples up to the checkpoint; absent in checkpoints saved before they were kept. */
  history: v.optional(historySchema),
  timeline: v.optional(timelineSchema),
});

export interface Checkpoint {
  meta: CheckpointMeta;
  config: ConfigState;
  model: string;
  history?: StoredHistory | undefined;
  timeline?: { step: number; text: string }[] | undefined;
}

/** One entry of the list of autosaved runs: enough to choose one without reading its model. */
const runEntrySchema = v.object({
  id: v.pipe(v.string(), v.minLength(1), v.maxLength(100)),
  savedAt: finite,
  step: v.pipe(v.number(), v.integer(), v.minValue(0)),
  config: configSchema,
});

export type AutosaveEntry = v.InferOutput<typeof runEntrySchema>;

/** How many autosaved runs are kept (the newest; a run an open tab holds is never dropped). */
export const KEPT_RUNS = 3;

const KEYS = {
  /** The single autosave of versions before runs had slots; moved into a slot when first read. */
  legacyAutosave: 'autosave',
  autosave: (runId: string) => `autosave:${runId}`,
  autosaves: 'autosaves',
  ownText: 'own-text',
  ownSeries: 'own-series',
  checkpoints: 'checkpoints',
  checkpoint: (id: string) => `checkpoint:${id}`,
};

let store: UseStore | null = null;
function db(): UseStore {
  store ??= createStore('unrolled', 'training');
  return store;
}

async function read<T>(key: string, schema: v.GenericSchema<unknown, T>): Promise<T | null> {
  try {
    const raw: unknown = await get(key, db());
    if (raw === undefined) return null;
    const parsed = v.safeParse(schema, raw);
    return parsed.success ? parsed.output : null;
  } catch {
    return null;
  }
}

/** A record stored as a head and parts (chunks.ts), joined and then validated. */
async function readJoined<T>(key: string, schema: v.GenericSchema<unknown, T>): Promise<T | null> {
  try {
    const head: unknown = await get(key, db());
    if (head === undefined) return null;
    const joined = await joinRecord(key, head, (keys) => getMany(keys, db()));
    const parsed = v.safeParse(schema, joined);
    return parsed.success ? parsed.output : null;
  } catch {
    return null;
  }
}

/** Puts a record as its head and parts, replacing any parts it had, inside a transaction. */
function putSplit(
  store: IDBObjectStore,
  key: string,
  record: Parameters<typeof splitRecord>[1],
): void {
  const { head, parts } = splitRecord(key, record);
  try {
    store.put(head, key);
    deleteParts(store, key);
    for (const [k, value] of parts) store.put(value, k);
  } catch (error) {
    // A value the store cannot take: nothing of this write may land (the old record stays whole).
    store.transaction.abort();
    throw error;
  }
}

function deleteParts(store: IDBObjectStore, key: string): void {
  const [lo, hi] = partRange(key);
  store.delete(IDBKeyRange.bound(lo, hi));
}

async function write(key: string, value: unknown): Promise<boolean> {
  try {
    await set(key, value, db());
    return true;
  } catch {
    return false;
  }
}

/** The run `runId` as last autosaved, or null (none, or damaged). */
export function loadAutosave(runId: string): Promise<Autosave | null> {
  return readJoined(KEYS.autosave(runId), autosaveSchema);
}

/** The id the single autosave of earlier versions gets when it moves into a slot. */
export const LEGACY_RUN_ID = 'saved-before-slots';

/**
 * The autosaved runs, newest first. A damaged entry is left out. The single autosave of earlier
 * versions is moved into a slot of its own first (once; a damaged one is left where it was).
 */
export async function listAutosaves(): Promise<AutosaveEntry[]> {
  await migrateLegacyAutosave();
  return (await readEntries()).sort((a, b) => b.savedAt - a.savedAt);
}

async function readEntries(): Promise<AutosaveEntry[]> {
  const list = await read(KEYS.autosaves, v.array(v.unknown()));
  return (list ?? []).flatMap((entry) => {
    const parsed = v.safeParse(runEntrySchema, entry);
    return parsed.success ? [parsed.output] : [];
  });
}

async function migrateLegacyAutosave(): Promise<void> {
  const legacy = await read(KEYS.legacyAutosave, autosaveSchema);
  if (legacy === null) return;
  // Two tabs may do this at once: both write the same record under the same id.
  if (!(await writeRun(LEGACY_RUN_ID, legacy, new Set()))) return;
  try {
    await del(KEYS.legacyAutosave, db());
  } catch {
    // Still there: the next start moves it again, to the same slot.
  }
}

/**
 * The list with `entry` in it (replacing the run's old entry), and the runs dropped: KEPT_RUNS
 * are kept, `entry`'s and the `live` ones (held by open tabs) first, then the newest others.
 */
function withEntry(
  old: unknown,
  entry: AutosaveEntry,
  live: ReadonlySet<string>,
): { kept: AutosaveEntry[]; dropped: string[] } {
  const others = (Array.isArray(old) ? old : []).flatMap((e: unknown) => {
    const parsed = v.safeParse(runEntrySchema, e);
    return parsed.success && parsed.output.id !== entry.id ? [parsed.output] : [];
  });
  const newest = [entry, ...others].sort((a, b) => b.savedAt - a.savedAt);
  const held = (e: AutosaveEntry) => e.id === entry.id || live.has(e.id);
  const room = KEPT_RUNS - newest.filter(held).length;
  const spare = new Set(newest.filter((e) => !held(e)).slice(0, Math.max(room, 0)));
  const keep = (e: AutosaveEntry) => held(e) || spare.has(e);
  return {
    kept: newest.filter(keep),
    dropped: newest.filter((e) => !keep(e)).map((e) => e.id),
  };
}

/**
 * Writes a run's slot, its entry in the list and the dropping of old slots in one transaction:
 * two tabs saving at once both stay listed, and a slot is never listed without its record.
 */
async function writeRun(runId: string, a: Autosave, live: ReadonlySet<string>): Promise<boolean> {
  const entry: AutosaveEntry = { id: runId, savedAt: a.savedAt, step: a.step, config: a.config };
  try {
    await db()('readwrite', (store) => {
      putSplit(store, KEYS.autosave(runId), a);
      const list = store.get(KEYS.autosaves);
      list.onsuccess = () => {
        const { kept, dropped } = withEntry(list.result, entry, live);
        store.put(kept, KEYS.autosaves);
        for (const id of dropped) {
          store.delete(KEYS.autosave(id));
          deleteParts(store, KEYS.autosave(id));
        }
      };
      return promisifyRequest(store.transaction);
    });
    return true;
  } catch {
    return false;
  }
}

/**
 * Autosaves run `runId` into its own slot; other runs' slots are untouched, but for the oldest
 * beyond KEPT_RUNS that no open tab holds (`live`: the ids of runs held by open tabs).
 */
export async function saveAutosave(
  a: Autosave,
  runId: string,
  live: ReadonlySet<string> = new Set(),
): Promise<boolean> {
  return writeRun(runId, a, live);
}

export function loadOwnText(): Promise<string | null> {
  return read(KEYS.ownText, v.string());
}

export function saveOwnText(text: string): Promise<boolean> {
  return write(KEYS.ownText, text);
}

/** The learner's own CSV in the Time series view: its name, text and the column read. */
const ownSeriesSchema = v.object({
  name: v.pipe(v.string(), v.maxLength(1000)),
  text: v.pipe(v.string(), v.maxLength(OWN_SERIES_MAX_CHARS)),
  column: v.nullable(v.pipe(v.string(), v.maxLength(1000))),
});

export type StoredOwnSeries = v.InferOutput<typeof ownSeriesSchema>;

export function loadOwnSeries(): Promise<StoredOwnSeries | null> {
  return read(KEYS.ownSeries, ownSeriesSchema);
}

export function saveOwnSeries(own: StoredOwnSeries): Promise<boolean> {
  return write(KEYS.ownSeries, own);
}

/** A checkpoint name as stored: trimmed and at most MAX_CHECKPOINT_NAME characters (code points). */
export function checkpointName(name: string): string {
  const chars = Array.from(name.trim());
  return chars.length <= MAX_CHECKPOINT_NAME
    ? chars.join('')
    : chars.slice(0, MAX_CHECKPOINT_NAME).join('').trimEnd();
}

/** The checkpoints listed, in the order saved; a damaged entry is left out, the others stay. */
export async function listCheckpoints(): Promise<CheckpointMeta[]> {
  const list = await read(KEYS.checkpoints, v.array(v.unknown()));
  if (list === null) return [];
  return list.flatMap((entry) => {
    const parsed = v.safeParse(checkpointMetaSchema, entry);
    return parsed.success ? [parsed.output] : [];
  });
}

export async function saveCheckpoint(checkpoint: Checkpoint): Promise<CheckpointMeta[] | null> {
  const c = {
    ...checkpoint,
    meta: { ...checkpoint.meta, name: checkpointName(checkpoint.meta.name) },
  };
  const list = await listCheckpoints();
  try {
    await db()('readwrite', (store) => {
      putSplit(store, KEYS.checkpoint(c.meta.id), c);
      return promisifyRequest(store.transaction);
    });
  } catch {
    return null;
  }
  const next = [...list.filter((m) => m.id !== c.meta.id), c.meta];
  return (await write(KEYS.checkpoints, next)) ? next : null;
}

export function loadCheckpoint(id: string): Promise<Checkpoint | null> {
  return readJoined(KEYS.checkpoint(id), checkpointSchema);
}

export async function renameCheckpoint(id: string, newName: string): Promise<CheckpointMeta[]> {
  const name = checkpointName(newName);
  const list = (await listCheckpoints()).map((m) => (m.id === id ? { ...m, name } : m));
  await write(KEYS.checkpoints, list);
  try {
    // Only the head holds the name; the model's parts stay as they are.
    const head: unknown = await get(KEYS.checkpoint(id), db());
    if (typeof head === 'object' && head !== null && 'meta' in head) {
      const meta = (head as { meta: object }).meta;
      await write(KEYS.checkpoint(id), { ...head, meta: { ...meta, name } });
    }
  } catch {
    // The list has the new name; the record keeps the old one until renamed again.
  }
  return list;
}

export async function deleteCheckpoint(id: string): Promise<CheckpointMeta[]> {
  const list = (await listCheckpoints()).filter((m) => m.id !== id);
  await write(KEYS.checkpoints, list);
  try {
    await db()('readwrite', (store) => {
      store.delete(KEYS.checkpoint(id));
      deleteParts(store, KEYS.checkpoint(id));
      return promisifyRequest(store.transaction);
    });
  } catch {
    // Already gone, or storage is unavailable: the list no longer names it either way.
  }
  return list;
}
