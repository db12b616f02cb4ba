// The training run in IndexedDB (idb-keyval): the autosave (config, model file, step, curves and
// sample timeline), the learner's own text, and named checkpoints. Everything read back is checked
// with valibot; anything that does not fit is ignored (and reported as null), so a corrupt store
// never breaks the app. Writes that fail (private mode, quota) are reported, never thrown.
import { createStore, del, get, set, type UseStore } from 'idb-keyval';
import * as v from 'valibot';
import { CORPORA } from '../content/corpora';
import { LARGEST_MODEL_FILE_BYTES } from '../engine/modelfile';
import { OPTIMIZER_KINDS } from '../engine/optim';
import { SETTING_ROWS, type SettingRow } from '../engine/settings';
import type { ConfigState } from '../store/config';
import type { CheckpointMeta } from '../store/training';

const finite = v.pipe(v.number(), v.finite());
/** Losses and gradient norms may be NaN or ±Infinity after a divergence (valibot's number() alone refuses NaN). */
const numberOrNaN = v.union([v.number(), v.nan()]);

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

const historySchema = v.pipe(
  v.object({
    steps: v.array(finite),
    loss: v.array(numberOrNaN),
    gradBefore: v.array(numberOrNaN),
    gradAfter: v.array(numberOrNaN),
    clipped: v.array(v.picklist([0, 1])),
    val: v.array(v.object({ step: finite, loss: numberOrNaN })),
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
const optimizerSchema = v.object({
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

const KEYS = {
  autosave: 'autosave',
  ownText: 'own-text',
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

async function write(key: string, value: unknown): Promise<boolean> {
  try {
    await set(key, value, db());
    return true;
  } catch {
    return false;
  }
}

export function loadAutosave(): Promise<Autosave | null> {
  return read(KEYS.autosave, autosaveSchema);
}

export function saveAutosave(a: Autosave): Promise<boolean> {
  return write(KEYS.autosave, a);
}

export function loadOwnText(): Promise<string | null> {
  return read(KEYS.ownText, v.string());
}

export function saveOwnText(text: string): Promise<boolean> {
  return write(KEYS.ownText, text);
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
  if (!(await write(KEYS.checkpoint(c.meta.id), c))) return null;
  const next = [...list.filter((m) => m.id !== c.meta.id), c.meta];
  return (await write(KEYS.checkpoints, next)) ? next : null;
}

export function loadCheckpoint(id: string): Promise<Checkpoint | null> {
  return read(KEYS.checkpoint(id), checkpointSchema);
}

export async function renameCheckpoint(id: string, newName: string): Promise<CheckpointMeta[]> {
  const name = checkpointName(newName);
  const list = (await listCheckpoints()).map((m) => (m.id === id ? { ...m, name } : m));
  await write(KEYS.checkpoints, list);
  const c = await loadCheckpoint(id);
  if (c) await write(KEYS.checkpoint(id), { ...c, meta: { ...c.meta, name } });
  return list;
}

export async function deleteCheckpoint(id: string): Promise<CheckpointMeta[]> {
  const list = (await listCheckpoints()).filter((m) => m.id !== id);
  await write(KEYS.checkpoints, list);
  try {
    await del(KEYS.checkpoint(id), db());
  } catch {
    // Already gone, or storage is unavailable: the list no longer names it either way.
  }
  return list;
}
