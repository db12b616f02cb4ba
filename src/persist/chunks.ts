// Large records in parts. A browser caps one stored value (Chromium: 133,169,152 bytes), and a big
// run's model file (up to LARGEST_MODEL_FILE_BYTES) and its optimizer moments are larger. So a
// record is stored as a small head under its key, the model text in chunks under
// `<key>/model/<k>` and each optimizer tensor as a Float64Array under `<key>/opt/<name>/<k>`.
// Reading joins them back into the record as it was, which the caller then validates. Records
// written before parts existed (the model inline) read as they are.

/** Characters per stored piece of model text: at most 64 MB even as two-byte text. */
export const CHUNK_CHARS = 32 * 1024 * 1024;

interface OptimizerLike {
  readonly kind: string;
  readonly stepCount: number;
  readonly buffers: Readonly<Record<string, readonly (readonly number[])[]>>;
}

/** What the head holds instead of the parts. */
interface PartsInfo {
  readonly modelChunks: number;
  /** The optimizer's kind and step count, and how many tensors each buffer has (null: none). */
  readonly optimizer: {
    readonly kind: string;
    readonly stepCount: number;
    readonly tensors: Readonly<Record<string, number>>;
  } | null;
}

export interface Split {
  readonly head: Record<string, unknown>;
  readonly parts: readonly (readonly [string, unknown])[];
}

/** The smallest and largest key of a record's parts (for deleting them all). */
export function partRange(key: string): [string, string] {
  return [`${key}/`, `${key}/\uffff`];
}

/** A record with a `model` text (and maybe an `optimizer`) as a head and its parts. */
export function splitRecord(
  key: string,
  record: { readonly model: string; readonly optimizer?: OptimizerLike | null | undefined },
  chunkChars = CHUNK_CHARS,
): Split {
  // Only text is split; anything else is stored as it is (and refused by the store if it must be).
  if (typeof record.model !== 'string') return { head: { ...record }, parts: [] };
  const parts: [string, unknown][] = [];
  const { model } = record;
  const modelChunks = Math.ceil(model.length / chunkChars);
  for (let k = 0; k < modelChunks; k++)
    parts.push([`${key}/model/${k}`, model.slice(k * chunkChars, (k + 1) * chunkChars)]);
  const opt = record.optimizer ?? null;
  const tensors: Record<string, number> = {};
  if (opt !== null)
    for (const [name, list] of Object.entries(opt.buffers)) {
      tensors[name] = list.length;
      list.forEach((t, k) => parts.push([`${key}/opt/${name}/${k}`, Float64Array.from(t)]));
    }
  const info: PartsInfo = {
    modelChunks,
    optimizer: opt === null ? null : { kind: opt.kind, stepCount: opt.stepCount, tensors },
  };
  return {
    head: {
      ...record,
      model: '',
      ...(record.optimizer === undefined ? {} : { optimizer: null }),
      parts: info,
    },
    parts,
  };
}

/**
 * The record a head stands for, its parts read with `get` (a head without parts is returned as
 * it is). Null when a part is missing or of the wrong kind.
 */
export async function joinRecord(
  key: string,
  head: unknown,
  get: (keys: string[]) => Promise<unknown[]>,
): Promise<unknown> {
  if (typeof head !== 'object' || head === null || !('parts' in head)) return head;
  const { parts, ...rest } = head as { parts: unknown } & Record<string, unknown>;
  if (!isPartsInfo(parts)) return null;
  const modelKeys = Array.from({ length: parts.modelChunks }, (_, k) => `${key}/model/${k}`);
  const opt = parts.optimizer;
  const optKeys = opt
    ? Object.entries(opt.tensors).flatMap(([name, n]) =>
        Array.from({ length: n }, (_, k) => `${key}/opt/${name}/${k}`),
      )
    : [];
  const values = await get([...modelKeys, ...optKeys]);
  const texts = values.slice(0, modelKeys.length);
  if (!texts.every((t): t is string => typeof t === 'string')) return null;
  const arrays = values.slice(modelKeys.length);
  if (!arrays.every(isFloat64Array)) return null;
  let next = 0;
  const buffers: Record<string, number[][]> = {};
  if (opt)
    for (const [name, n] of Object.entries(opt.tensors))
      buffers[name] = Array.from({ length: n }, () => Array.from(arrays[next++]!));
  return {
    ...rest,
    model: texts.join(''),
    ...(opt ? { optimizer: { kind: opt.kind, stepCount: opt.stepCount, buffers } } : {}),
  };
}

function isPartsInfo(p: unknown): p is PartsInfo {
  if (typeof p !== 'object' || p === null) return false;
  const { modelChunks, optimizer } = p as Record<string, unknown>;
  if (!Number.isInteger(modelChunks) || (modelChunks as number) < 0) return false;
  if (optimizer === null) return true;
  if (typeof optimizer !== 'object' || optimizer === undefined) return false;
  const { tensors } = optimizer as Record<string, unknown>;
  return (
    typeof tensors === 'object' &&
    tensors !== null &&
    Object.values(tensors).every(
      (n) => Number.isInteger(n) && (n as number) >= 0 && (n as number) < 10_000,
    )
  );
}

/** A Float64Array from any realm (a store may hand back another realm's typed arrays). */
function isFloat64Array(a: unknown): a is Float64Array {
  return Object.prototype.toString.call(a) === '[object Float64Array]';
}
