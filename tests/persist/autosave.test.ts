// The autosave in IndexedDB (fake-indexeddb, a fresh database per test): it reads back exactly
// what was saved, the newest save wins, and a damaged or partial record reads as "no save" (null)
// instead of throwing, as does a browser without storage.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Autosave } from '../../src/persist/trainingStore';
import { autosaveAt, freshStore, type RawStore, type TrainingStore } from './db';

let store: TrainingStore & { raw: RawStore };

beforeEach(async () => {
  store = await freshStore();
});

describe('a fresh database', () => {
  it('holds no autosave, no checkpoints and no own text', async () => {
    expect(await store.raw.keys()).toEqual([]);
    expect(await store.loadAutosave()).toBeNull();
    expect(await store.listCheckpoints()).toEqual([]);
    expect(await store.loadOwnText()).toBeNull();
  });
});

describe('the autosave', () => {
  it('reads back exactly what was saved, infinite curve values included', async () => {
    const saved = autosaveAt(3);
    expect(await store.saveAutosave(saved)).toBe(true);
    const loaded = await store.loadAutosave();
    expect(loaded).toEqual(saved);
    expect(loaded).not.toBe(saved); // a copy from the database, not the object in memory
    expect(loaded!.history.loss[1]).toBe(Number.POSITIVE_INFINITY);
    expect(loaded!.history.gradBefore[1]).toBe(Number.POSITIVE_INFINITY);
    expect(loaded!.timeline[0]!.text).toBe('Ünïcode ✓ 唐詩');
    expect(loaded!.optimizer).toEqual({
      kind: 'adam',
      stepCount: 3,
      buffers: { m: [[0.5, -0.25]], v: [[0.125, 1e-8]] },
    });
  });

  // valibot's v.number() rejects NaN, so a save whose curves held one NaN was dropped whole.
  it('reads back a run whose curves hold a NaN loss', async () => {
    const saved = autosaveAt(3);
    saved.history.loss[1] = Number.NaN;
    saved.history.val = [{ step: 1, loss: Number.NaN }];
    await store.saveAutosave(saved);
    expect(await store.loadAutosave()).toEqual(saved);
  });

  it('keeps only the newest save', async () => {
    await store.saveAutosave(autosaveAt(3, 1000));
    await store.saveAutosave(autosaveAt(5, 2000));
    const loaded = await store.loadAutosave();
    expect(loaded?.step).toBe(5);
    expect(loaded?.savedAt).toBe(2000);
    expect(loaded?.history.steps).toEqual([1, 2, 3, 4, 5]);
  });

  it('lets the later of two overlapping saves win', async () => {
    const results = await Promise.all([
      store.saveAutosave(autosaveAt(7, 1000)),
      store.saveAutosave(autosaveAt(8, 2000)),
    ]);
    expect(results).toEqual([true, true]);
    expect((await store.loadAutosave())?.step).toBe(8);
  });

  it('reads a run saved before the optimizer state was kept', async () => {
    const { optimizer: _dropped, ...old } = autosaveAt(2);
    await store.raw.set('autosave', old);
    const loaded = await store.loadAutosave();
    expect(loaded).toEqual(old);
    expect(loaded?.optimizer).toBeUndefined();
    await store.raw.set('autosave', { ...old, optimizer: null });
    expect((await store.loadAutosave())?.optimizer).toBeNull();
  });

  it('accepts curves of length zero (a fresh model)', async () => {
    const fresh = autosaveAt(0);
    fresh.history.val = [];
    await store.saveAutosave(fresh);
    expect(await store.loadAutosave()).toEqual(fresh);
  });
});

/** The valid record with one change made by `damage` (which may delete fields). */
function damaged(damage: (a: Record<string, unknown> & Autosave) => void): unknown {
  const a = structuredClone(autosaveAt(3)) as Record<string, unknown> & Autosave;
  damage(a);
  return a;
}

describe('a damaged autosave reads as none', () => {
  const cases: [string, unknown][] = [
    ['a string', 'not a saved run'],
    ['a number', 42],
    ['null', null],
    ['an array', [autosaveAt(3)]],
    ['a partial record', { version: 1, savedAt: 1, step: 3 }],
    ['another version', damaged((a) => Object.assign(a, { version: 2 }))],
    ['no history', damaged((a) => delete (a as Partial<Autosave>).history)],
    ['no model', damaged((a) => delete (a as Partial<Autosave>).model)],
    ['a model that is not text', damaged((a) => Object.assign(a, { model: { tensors: {} } }))],
    ['a negative step', damaged((a) => Object.assign(a, { step: -1 }))],
    ['a fractional step', damaged((a) => Object.assign(a, { step: 2.5 }))],
    ['an unknown cell', damaged((a) => Object.assign(a.config, { cell: 'transformer' }))],
    ['an unknown text', damaged((a) => Object.assign(a.config, { corpus: 'wikipedia' }))],
    ['a hidden size above 512', damaged((a) => Object.assign(a.config, { hiddenSize: 513 }))],
    ['a learning rate of NaN', damaged((a) => Object.assign(a.config, { lr: Number.NaN }))],
    ['curves of different lengths', damaged((a) => a.history.loss.pop())],
    ['a gradient curve too long', damaged((a) => a.history.gradAfter.push(1))],
    ['a clipped flag of 2', damaged((a) => (a.history.clipped[0] = 2 as 0))],
    ['a step that is NaN', damaged((a) => (a.history.steps[0] = Number.NaN))],
    ['an unknown optimizer', damaged((a) => Object.assign(a.optimizer!, { kind: 'lion' }))],
    ['a timeline entry without text', damaged((a) => a.timeline.push({ step: 2 } as never))],
  ];

  it.each(cases)('%s', async (_what, record) => {
    await store.raw.set('autosave', record);
    expect(await store.loadAutosave()).toBeNull();
  });

  it('is replaced by the next good save', async () => {
    await store.raw.set('autosave', { version: 1, half: 'written' });
    expect(await store.loadAutosave()).toBeNull();
    expect(await store.saveAutosave(autosaveAt(4))).toBe(true);
    expect((await store.loadAutosave())?.step).toBe(4);
  });
});

describe('when the browser will not store', () => {
  it('reports a save that cannot be stored as false and keeps the previous one', async () => {
    await store.saveAutosave(autosaveAt(3));
    // A function cannot be cloned into IndexedDB: the write fails (DataCloneError).
    const unstorable = { ...autosaveAt(9), model: (() => 'x') as unknown as string };
    expect(await store.saveAutosave(unstorable)).toBe(false);
    expect((await store.loadAutosave())?.step).toBe(3);
  });

  it('reads nothing and writes nothing without IndexedDB, and never throws', async () => {
    Reflect.deleteProperty(globalThis, 'indexedDB');
    expect(await store.saveAutosave(autosaveAt(3))).toBe(false);
    expect(await store.loadAutosave()).toBeNull();
    expect(await store.saveOwnText('some text')).toBe(false);
    expect(await store.loadOwnText()).toBeNull();
    expect(await store.listCheckpoints()).toEqual([]);
  });
});
