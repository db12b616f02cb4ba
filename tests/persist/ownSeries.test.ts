// The learner's own CSV of the Time series view, kept in IndexedDB so a reload brings it back.
import 'fake-indexeddb/auto';
import { clear, createStore, set } from 'idb-keyval';
import { beforeEach, describe, expect, it } from 'vitest';
import { loadOwnSeries, saveOwnSeries } from '../../src/persist/trainingStore';

const raw = createStore('unrolled', 'training');

beforeEach(() => clear(raw));

describe('the own series', () => {
  it('is read back as it was saved, column and all', async () => {
    const own = { name: 'mine.csv', text: 'day,level\n1,2\n', column: 'level' };
    expect(await loadOwnSeries()).toBeNull();
    expect(await saveOwnSeries(own)).toBe(true);
    expect(await loadOwnSeries()).toEqual(own);
    await saveOwnSeries({ ...own, column: null });
    expect((await loadOwnSeries())?.column).toBeNull();
  });

  it('reads a damaged record as none', async () => {
    await set('own-series', { name: 'x.csv', text: 42, column: null }, raw);
    expect(await loadOwnSeries()).toBeNull();
    await set('own-series', 'just text', raw);
    expect(await loadOwnSeries()).toBeNull();
  });
});
