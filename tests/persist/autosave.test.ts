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
    expect(await store.loadAutosave('tab-a')).toBeNull();
    expect(await store.listCheckpoints()).toEqual([]);
    expect(await store.loadOwnText()).toBeNull();
  });
});

describe('the autosave', () => {
  it('reads back exactly what was saved, infinite curve values included', async () => {
    const saved = autosaveAt(3);
    expect(await store.saveAutosave(saved, 'tab-a')).toBe(true);
    const loaded = await store.loadAutosave('tab-a');
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
    await store.saveAutosave(saved, 'tab-a');
    expect(await store.loadAutosave('tab-a')).toEqual(saved);
  });

  it('keeps only the newest save', async () => {
    await store.saveAutosave(autosaveAt(3, 1000), 'tab-a');
    await store.saveAutosave(autosaveAt(5, 2000), 'tab-a');
    const loaded = await store.loadAutosave('tab-a');
    expect(loaded?.step).toBe(5);
    expect(loaded?.savedAt).toBe(2000);
    expect(loaded?.history.steps).toEqual([1, 2, 3, 4, 5]);
  });

  it('lets the later of two overlapping saves win', async () => {
    const results = await Promise.all([
      store.saveAutosave(autosaveAt(7, 1000), 'tab-a'),
      store.saveAutosave(autosaveAt(8, 2000), 'tab-a'),
    ]);
    expect(results).toEqual([true, true]);
    expect((await store.loadAutosave('tab-a'))?.step).toBe(8);
  });

  it('reads a run saved before the optimizer state was kept', async () => {
    const { optimizer: _dropped, ...old } = autosaveAt(2);
    await store.raw.set('autosave:tab-a', old);
    const loaded = await store.loadAutosave('tab-a');
    expect(loaded).toEqual(old);
    expect(loaded?.optimizer).toBeUndefined();
    await store.raw.set('autosave:tab-a', { ...old, optimizer: null });
    expect((await store.loadAutosave('tab-a'))?.optimizer).toBeNull();
  });

  it('accepts curves of length zero (a fresh model)', async () => {
    const fresh = autosaveAt(0);
    fresh.history.val = [];
    await store.saveAutosave(fresh, 'tab-a');
    expect(await store.loadAutosave('tab-a')).toEqual(fresh);
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
    await store.raw.set('autosave:tab-a', record);
    expect(await store.loadAutosave('tab-a')).toBeNull();
  });

  it('is replaced by the next good save', async () => {
    await store.raw.set('autosave:tab-a', { version: 1, half: 'written' });
    expect(await store.loadAutosave('tab-a')).toBeNull();
    expect(await store.saveAutosave(autosaveAt(4), 'tab-a')).toBe(true);
    expect((await store.loadAutosave('tab-a'))?.step).toBe(4);
  });
});

describe('when the browser will not store', () => {
  it('reports a save that cannot be stored as false and keeps the previous one', async () => {
    await store.saveAutosave(autosaveAt(3), 'tab-a');
    // A function cannot be cloned into IndexedDB: the write fails (DataCloneError).
    const unstorable = { ...autosaveAt(9), model: (() => 'x') as unknown as string };
    expect(await store.saveAutosave(unstorable, 'tab-a')).toBe(false);
    expect((await store.loadAutosave('tab-a'))?.step).toBe(3);
  });

  it('reads nothing and writes nothing without IndexedDB, and never throws', async () => {
    Reflect.deleteProperty(globalThis, 'indexedDB');
    expect(await store.saveAutosave(autosaveAt(3), 'tab-a')).toBe(false);
    expect(await store.loadAutosave('tab-a')).toBeNull();
    expect(await store.saveOwnText('some text')).toBe(false);
    expect(await store.loadOwnText()).toBeNull();
    expect(await store.listCheckpoints()).toEqual([]);
  });
});

describe('runs in slots of their own (one per tab)', () => {
  const other = (step: number, savedAt: number): Autosave => ({
    ...autosaveAt(step, savedAt),
    config: { ...autosaveAt().config, hiddenSize: 32 },
  });

  it('keeps two runs apart: saving one never touches the other', async () => {
    await store.saveAutosave(autosaveAt(3, 1000), 'tab-a');
    await store.saveAutosave(other(9, 2000), 'tab-b');
    await store.saveAutosave(autosaveAt(4, 3000), 'tab-a');
    expect(await store.loadAutosave('tab-a')).toEqual(autosaveAt(4, 3000));
    expect(await store.loadAutosave('tab-b')).toEqual(other(9, 2000));
    expect(await store.listAutosaves()).toEqual([
      { id: 'tab-a', savedAt: 3000, step: 4, config: autosaveAt().config },
      { id: 'tab-b', savedAt: 2000, step: 9, config: other(9, 2000).config },
    ]);
  });

  it('lists both of two saves made at once by two tabs', async () => {
    await Promise.all([
      store.saveAutosave(autosaveAt(2, 1000), 'tab-a'),
      store.saveAutosave(other(5, 1001), 'tab-b'),
    ]);
    expect((await store.listAutosaves()).map((e) => e.id)).toEqual(['tab-b', 'tab-a']);
  });

  it('keeps the newest three runs, and any an open tab holds', async () => {
    expect(store.KEPT_RUNS).toBe(3);
    for (let k = 1; k <= 4; k++) await store.saveAutosave(autosaveAt(k, 1000 * k), `run-${k}`);
    // run-1, the oldest, is dropped with its record.
    expect((await store.listAutosaves()).map((e) => e.id)).toEqual(['run-4', 'run-3', 'run-2']);
    expect(await store.raw.get('autosave:run-1')).toBeUndefined();
    // An open tab holds run-2: a fifth run drops run-3 instead.
    await store.saveAutosave(autosaveAt(5, 5000), 'run-5', new Set(['run-2']));
    expect((await store.listAutosaves()).map((e) => e.id)).toEqual(['run-5', 'run-4', 'run-2']);
    expect(await store.raw.get('autosave:run-3')).toBeUndefined();
    expect((await store.loadAutosave('run-2'))?.step).toBe(2);
    // Each run's record is a head and its parts (the model text, each optimizer tensor), and a
    // dropped run's parts go with it.
    const parts = (id: string) => [
      `autosave:${id}`,
      `autosave:${id}/model/0`,
      `autosave:${id}/opt/m/0`,
      `autosave:${id}/opt/v/0`,
    ];
    expect((await store.raw.keys()).sort()).toEqual(
      [...parts('run-2'), ...parts('run-4'), ...parts('run-5'), 'autosaves'].sort(),
    );
  });

  it('moves the single autosave of earlier versions into a slot, once', async () => {
    await store.raw.set('autosave', autosaveAt(6, 500));
    await store.saveAutosave(other(2, 900), 'tab-b');
    const listed = await store.listAutosaves();
    expect(listed.map((e) => [e.id, e.step])).toEqual([
      ['tab-b', 2],
      [store.LEGACY_RUN_ID, 6],
    ]);
    expect(await store.loadAutosave(store.LEGACY_RUN_ID)).toEqual(autosaveAt(6, 500));
    expect(await store.raw.get('autosave')).toBeUndefined();
    expect(await store.listAutosaves()).toEqual(listed);
  });

  it('leaves a damaged autosave of earlier versions where it was, unlisted', async () => {
    await store.raw.set('autosave', { version: 1, half: 'written' });
    expect(await store.listAutosaves()).toEqual([]);
    expect(await store.raw.get('autosave')).toEqual({ version: 1, half: 'written' });
  });

  it('leaves out a damaged entry of the list', async () => {
    await store.saveAutosave(autosaveAt(2, 1000), 'tab-a');
    const list = (await store.raw.get('autosaves')) as unknown[];
    await store.raw.set('autosaves', [...list, { id: 7 }]);
    expect((await store.listAutosaves()).map((e) => e.id)).toEqual(['tab-a']);
  });
});
