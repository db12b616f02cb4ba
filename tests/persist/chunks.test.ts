// Records in parts: a browser caps one stored value (Chromium: 133 MB), so a big run's model text
// and optimizer moments are stored apart from the record's head and joined back on reading.
import 'fake-indexeddb/auto';
import { clear, createStore, keys } from 'idb-keyval';
import { beforeEach, describe, expect, it } from 'vitest';
import { joinRecord, splitRecord } from '../../src/persist/chunks';
import {
  deleteCheckpoint,
  KEPT_RUNS,
  loadAutosave,
  loadCheckpoint,
  saveAutosave,
  saveCheckpoint,
  type Autosave,
} from '../../src/persist/trainingStore';
import { initialConfig } from '../../src/store/config';

const optimizer = {
  kind: 'adam' as const,
  stepCount: 7,
  buffers: { m: [[1, 2], [3]], v: [[4, 5.5], [6]] },
};
const record = { name: 'run', model: 'abcdefghij', optimizer };

function getter(parts: readonly (readonly [string, unknown])[]) {
  const map = new Map(parts);
  return (ks: string[]) => Promise.resolve(ks.map((k) => map.get(k)));
}

describe('splitRecord and joinRecord', () => {
  it('store the model text in chunks and each optimizer tensor as a Float64Array', async () => {
    const { head, parts } = splitRecord('r', record, 3);
    expect(head).toEqual({
      name: 'run',
      model: '',
      optimizer: null,
      parts: { modelChunks: 4, optimizer: { kind: 'adam', stepCount: 7, tensors: { m: 2, v: 2 } } },
    });
    expect(parts.map(([k]) => k)).toEqual([
      'r/model/0',
      'r/model/1',
      'r/model/2',
      'r/model/3',
      'r/opt/m/0',
      'r/opt/m/1',
      'r/opt/v/0',
      'r/opt/v/1',
    ]);
    expect(parts[3]![1]).toBe('j');
    expect(parts[5]![1]).toEqual(Float64Array.from([3]));
    expect(await joinRecord('r', head, getter(parts))).toEqual(record);
  });

  it('read a record written before parts existed as it is, and a record missing a part as null', async () => {
    expect(await joinRecord('r', record, getter([]))).toBe(record);
    const { head, parts } = splitRecord('r', record, 3);
    expect(await joinRecord('r', head, getter(parts.slice(1)))).toBeNull();
    expect(
      await joinRecord(
        'r',
        { ...head, parts: { modelChunks: -1, optimizer: null } },
        getter(parts),
      ),
    ).toBeNull();
  });
});

const rawKeys = async () => (await keys(createStore('unrolled', 'training'))).map(String).sort();

function autosave(savedAt: number): Autosave {
  return {
    version: 1,
    savedAt,
    config: initialConfig(),
    model: 'x'.repeat(1000),
    step: 3,
    optimizer,
    history: { steps: [], loss: [], gradBefore: [], gradAfter: [], clipped: [], val: [] },
    timeline: [],
  };
}

describe('the stored runs and checkpoints', () => {
  beforeEach(() => clear(createStore('unrolled', 'training')));

  it('keep an autosave in parts, read it back whole, and drop a dropped run’s parts', async () => {
    expect(await saveAutosave(autosave(1), 'a')).toBe(true);
    expect(await rawKeys()).toEqual([
      'autosave:a',
      'autosave:a/model/0',
      'autosave:a/opt/m/0',
      'autosave:a/opt/m/1',
      'autosave:a/opt/v/0',
      'autosave:a/opt/v/1',
      'autosaves',
    ]);
    expect(await loadAutosave('a')).toEqual(autosave(1));
    // A new save of the same run replaces its parts; runs beyond KEPT_RUNS go with theirs.
    for (let k = 2; k <= KEPT_RUNS + 1; k++) await saveAutosave(autosave(k), `r${k}`);
    expect((await rawKeys()).filter((key) => key.startsWith('autosave:a'))).toEqual([]);
  });

  it('keep a checkpoint in parts and delete them with it', async () => {
    const meta = {
      id: 'c1',
      name: 'one',
      step: 3,
      savedAt: 1,
      corpus: 'counting',
      cell: 'lstm',
      hiddenSize: 8,
      numLayers: 1,
    };
    await saveCheckpoint({ meta, config: initialConfig(), model: 'y'.repeat(500) });
    expect(await rawKeys()).toEqual(['checkpoint:c1', 'checkpoint:c1/model/0', 'checkpoints']);
    expect((await loadCheckpoint('c1'))?.model).toBe('y'.repeat(500));
    await deleteCheckpoint('c1');
    expect(await rawKeys()).toEqual(['checkpoints']);
  });
});
