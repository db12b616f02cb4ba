// The learner's own text in IndexedDB (fake-indexeddb, a fresh database per test): it reads back
// character for character (large and unicode texts too), the newest wins, absence and damage
// read as null; and every record lives under the key earlier visits wrote it to.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { MAX_CORPUS_CHARS } from '../../src/engine/corpus';
import { autosaveAt, checkpoint, freshStore, type RawStore, type TrainingStore } from './db';

let store: TrainingStore & { raw: RawStore };

beforeEach(async () => {
  store = await freshStore();
});

describe('own text', () => {
  it('is null when none was saved', async () => {
    expect(await store.loadOwnText()).toBeNull();
  });

  it('reads back what was saved', async () => {
    const text = 'It was the best of times,\nit was the worst of times.\n';
    expect(await store.saveOwnText(text)).toBe(true);
    expect(await store.loadOwnText()).toBe(text);
  });

  it('keeps unicode exactly: astral, combining, right-to-left, BOM, CRLF and tabs', async () => {
    const text =
      '\uFEFF床前明月光，疑是地上霜。\r\n' + 'Émile e\u0301 👩🏽‍🔬 𝔘𝔫𝔯𝔬𝔩𝔩𝔢𝔡\t' + 'שלום عليكم\n';
    await store.saveOwnText(text);
    const loaded = await store.loadOwnText();
    expect(loaded).toBe(text);
    expect(Array.from(loaded!)).toHaveLength(Array.from(text).length);
  });

  it('keeps a text as large as the engine accepts', async () => {
    const line = 'The quick brown fox jumps over the lazy dog. Ünïcödé 唐詩.\n';
    const text = line.repeat(Math.ceil(MAX_CORPUS_CHARS / line.length)).slice(0, MAX_CORPUS_CHARS);
    expect(text).toHaveLength(5_000_000);
    expect(await store.saveOwnText(text)).toBe(true);
    const loaded = await store.loadOwnText();
    expect(loaded).toHaveLength(5_000_000);
    expect(loaded === text).toBe(true); // not toBe: a failure would print five million characters
  });

  it('keeps only the newest text', async () => {
    await store.saveOwnText('first text');
    await store.saveOwnText('second text');
    expect(await store.loadOwnText()).toBe('second text');
  });

  it('keeps the empty text as empty, not as absent', async () => {
    await store.saveOwnText('');
    expect(await store.loadOwnText()).toBe('');
  });

  it('reads a record that is not text as null', async () => {
    for (const damaged of [42, null, ['a', 'b'], { text: 'abc' }, new Uint8Array([104, 105])]) {
      await store.raw.set('own-text', damaged);
      expect(await store.loadOwnText()).toBeNull();
    }
  });

  it('is independent of the autosave and the checkpoints', async () => {
    await store.saveOwnText('mine');
    await store.saveAutosave(autosaveAt(2), 'tab-a');
    await store.saveCheckpoint(checkpoint('a', 'A'));
    await store.deleteCheckpoint('a');
    expect(await store.loadOwnText()).toBe('mine');
  });
});

describe('the stored layout', () => {
  // Renaming a key or the database would orphan what earlier visits saved.
  it('uses the database "unrolled", store "training", and its kinds of key', async () => {
    await store.saveOwnText('mine');
    await store.saveAutosave(autosaveAt(2), 'tab-a');
    await store.saveCheckpoint(checkpoint('a1', 'A'));
    expect((await store.raw.keys()).sort()).toEqual([
      'autosave:tab-a',
      'autosave:tab-a/model/0',
      'autosave:tab-a/opt/m/0',
      'autosave:tab-a/opt/v/0',
      'autosaves',
      'checkpoint:a1',
      'checkpoint:a1/model/0',
      'checkpoints',
      'own-text',
    ]);
    expect(await store.raw.get('own-text')).toBe('mine');
    // A run is stored as a head and parts (src/persist/chunks.ts): the model text in chunks,
    // each optimizer tensor as a Float64Array.
    const a = autosaveAt(2);
    expect(await store.raw.get('autosave:tab-a')).toEqual({
      ...a,
      model: '',
      optimizer: null,
      parts: { modelChunks: 1, optimizer: { kind: 'adam', stepCount: 2, tensors: { m: 1, v: 1 } } },
    });
    expect(await store.raw.get('autosave:tab-a/model/0')).toBe(a.model);
    expect(await store.raw.get('autosave:tab-a/opt/v/0')).toEqual(Float64Array.from([0.125, 1e-8]));
    expect(await store.raw.get('autosaves')).toEqual([
      { id: 'tab-a', savedAt: autosaveAt(2).savedAt, step: 2, config: autosaveAt(2).config },
    ]);
  });

  it('reads records planted under those keys by an earlier visit', async () => {
    await store.raw.set('own-text', 'from last week');
    await store.raw.set('autosave', autosaveAt(4));
    await store.raw.set('checkpoint:z', checkpoint('z', 'Old'));
    await store.raw.set('checkpoints', [checkpoint('z', 'Old').meta]);
    expect(await store.loadOwnText()).toBe('from last week');
    // The single autosave of earlier versions moves into a slot of its own.
    expect((await store.listAutosaves()).map((e) => [e.id, e.step])).toEqual([
      [store.LEGACY_RUN_ID, 4],
    ]);
    expect(await store.loadAutosave(store.LEGACY_RUN_ID)).toEqual(autosaveAt(4));
    expect(await store.raw.get('autosave')).toBeUndefined();
    expect(await store.listCheckpoints()).toEqual([checkpoint('z', 'Old').meta]);
    expect(await store.loadCheckpoint('z')).toEqual(checkpoint('z', 'Old'));
  });
});
