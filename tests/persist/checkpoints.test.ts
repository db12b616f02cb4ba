// Named checkpoints in IndexedDB (fake-indexeddb, a fresh database per test): save, list in the
// order saved, load, rename, delete, and damaged records. The list ("checkpoints") and each
// checkpoint ("checkpoint:<id>") are separate records.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { checkpoint, freshStore, type RawStore, type TrainingStore } from './db';

let store: TrainingStore & { raw: RawStore };

beforeEach(async () => {
  store = await freshStore();
});

const ids = async () => (await store.listCheckpoints()).map((m) => m.id);

async function saveThree() {
  await store.saveCheckpoint(checkpoint('a', 'First', 10));
  await store.saveCheckpoint(checkpoint('b', 'Second', 20));
  return store.saveCheckpoint(checkpoint('c', 'Third', 30));
}

describe('saving and listing', () => {
  it('returns and lists the checkpoints in the order they were saved', async () => {
    const first = await store.saveCheckpoint(checkpoint('a', 'First', 10));
    expect(first).toEqual([checkpoint('a', 'First', 10).meta]);
    const returned = await saveThree();
    expect(returned?.map((m) => m.id)).toEqual(['a', 'b', 'c']);
    expect(await store.listCheckpoints()).toEqual(returned);
    expect(await store.listCheckpoints()).toEqual([
      checkpoint('a', 'First', 10).meta,
      checkpoint('b', 'Second', 20).meta,
      checkpoint('c', 'Third', 30).meta,
    ]);
  });

  it('loads each checkpoint back whole', async () => {
    await saveThree();
    expect(await store.loadCheckpoint('b')).toEqual(checkpoint('b', 'Second', 20));
    expect(await store.loadCheckpoint('c')).toEqual(checkpoint('c', 'Third', 30));
  });

  it('replaces a checkpoint saved again under the same id and moves it last', async () => {
    await saveThree();
    const list = await store.saveCheckpoint(checkpoint('a', 'First, later', 40));
    expect(list?.map((m) => [m.id, m.name])).toEqual([
      ['b', 'Second'],
      ['c', 'Third'],
      ['a', 'First, later'],
    ]);
    expect(await ids()).toEqual(['b', 'c', 'a']);
    expect((await store.loadCheckpoint('a'))?.meta.step).toBe(40);
  });

  it('keeps a name of exactly 200 characters', async () => {
    const name = 'n'.repeat(200);
    await store.saveCheckpoint(checkpoint('a', name));
    expect((await store.listCheckpoints())[0]?.name).toBe(name);
    expect((await store.loadCheckpoint('a'))?.meta.name).toBe(name);
  });

  it('reads a missing checkpoint as null', async () => {
    await saveThree();
    expect(await store.loadCheckpoint('nope')).toBeNull();
  });

  it('reports a checkpoint that cannot be stored as null and leaves the list alone', async () => {
    await store.saveCheckpoint(checkpoint('a', 'First'));
    const unstorable = { ...checkpoint('b', 'Second'), model: (() => '') as unknown as string };
    expect(await store.saveCheckpoint(unstorable)).toBeNull();
    expect(await ids()).toEqual(['a']);
    expect(await store.loadCheckpoint('b')).toBeNull();
  });
});

describe('renaming', () => {
  it('renames in the list (same place) and in the stored checkpoint', async () => {
    await saveThree();
    const list = await store.renameCheckpoint('b', 'Better name');
    expect(list.map((m) => m.name)).toEqual(['First', 'Better name', 'Third']);
    expect(await store.listCheckpoints()).toEqual(list);
    const b = await store.loadCheckpoint('b');
    expect(b?.meta).toEqual({ ...checkpoint('b', 'Second', 20).meta, name: 'Better name' });
    expect(b?.model).toBe(checkpoint('b', 'Second', 20).model);
    expect(await store.loadCheckpoint('a')).toEqual(checkpoint('a', 'First', 10));
  });

  it('changes nothing for an id that is not there', async () => {
    await saveThree();
    const before = await store.listCheckpoints();
    expect(await store.renameCheckpoint('nope', 'Ghost')).toEqual(before);
    expect(await store.listCheckpoints()).toEqual(before);
    expect(await store.raw.get('checkpoint:nope')).toBeUndefined();
  });
});

describe('deleting', () => {
  it('removes the checkpoint from the list and from the database', async () => {
    await saveThree();
    const list = await store.deleteCheckpoint('b');
    expect(list.map((m) => m.id)).toEqual(['a', 'c']);
    expect(await ids()).toEqual(['a', 'c']);
    expect(await store.loadCheckpoint('b')).toBeNull();
    expect(await store.raw.get('checkpoint:b')).toBeUndefined();
    expect(await store.loadCheckpoint('c')).toEqual(checkpoint('c', 'Third', 30));
  });

  it('deletes the last one down to an empty list, and ignores an unknown id', async () => {
    await store.saveCheckpoint(checkpoint('a', 'Only'));
    expect(await store.deleteCheckpoint('nope')).toEqual([checkpoint('a', 'Only').meta]);
    expect(await store.deleteCheckpoint('a')).toEqual([]);
    expect(await store.listCheckpoints()).toEqual([]);
    expect(await store.raw.keys()).toEqual(['checkpoints']);
  });
});

describe('damaged records', () => {
  it('reads a damaged checkpoint as null while the list still names it', async () => {
    await saveThree();
    const b = checkpoint('b', 'Second', 20);
    await store.raw.set('checkpoint:b', { ...b, config: { ...b.config, numLayers: 9 } });
    expect(await store.loadCheckpoint('b')).toBeNull();
    await store.raw.set('checkpoint:c', { meta: checkpoint('c', 'Third').meta });
    expect(await store.loadCheckpoint('c')).toBeNull();
    expect(await ids()).toEqual(['a', 'b', 'c']);
    expect(await store.loadCheckpoint('a')).toEqual(checkpoint('a', 'First', 10));
  });

  it('reads a list that is not a list as empty', async () => {
    await store.raw.set('checkpoints', { a: checkpoint('a', 'First').meta });
    expect(await store.listCheckpoints()).toEqual([]);
    await store.raw.set('checkpoints', 'a,b,c');
    expect(await store.listCheckpoints()).toEqual([]);
  });

  // The list was validated as a whole: one damaged entry hid every checkpoint, and the next save
  // dropped the others. Only the damaged entry is left out.
  it('a damaged entry in the list hides only that entry', async () => {
    await saveThree();
    const list = (await store.raw.get('checkpoints')) as unknown[];
    await store.raw.set('checkpoints', [...list, { id: 'd', name: 'Half written' }]);
    expect(await ids()).toEqual(['a', 'b', 'c']);
  });

  // Names were not limited on save or rename, but the list's schema allows 200 characters: a
  // longer name made the whole list unreadable. Save and rename now shorten it to 200.
  it('a checkpoint named with 201 characters leaves the others listed', async () => {
    await saveThree();
    await store.saveCheckpoint(checkpoint('d', 'x'.repeat(201)));
    await store.saveCheckpoint(checkpoint('e', 'After'));
    expect(await ids()).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect((await store.listCheckpoints())[3]!.name).toBe('x'.repeat(200));
    expect((await store.loadCheckpoint('d'))!.meta.name).toBe('x'.repeat(200));
  });

  it('renaming to 201 characters leaves the others listed', async () => {
    await saveThree();
    await store.renameCheckpoint('b', 'y'.repeat(201));
    expect(await ids()).toEqual(['a', 'b', 'c']);
    expect((await store.loadCheckpoint('b'))!.meta.name).toBe('y'.repeat(200));
  });
});
