// The learner's own CSV in the Time series view (src/store/seriesActions.ts), with the real worker
// handler and engine in process and an in-memory IndexedDB: a file read and a series picked from
// the menu, one overtaking the other, leave the tab showing the last choice, and only a file this
// tab shows is marked to come back on a reload.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { appStore } from '../../src/store/store';
import { loadOwnSeries, loadSeries, setSeries } from '../../src/store/seriesActions';
import { emptyDb, startTraining, until } from './trainingHarness';

beforeEach(emptyDb);

const series = () => appStore.getState().series;
const OWN_IN_TAB = 'unrolled-own-series';

const rows = Array.from(
  { length: 240 },
  (_, t) => `2020-${String(t)},${(10 + 5 * Math.sin(t / 6)).toFixed(3)}`,
);
const FILE = { name: 'mine.csv', text: `date,level\n${rows.join('\n')}\n` };
const WIDE = {
  name: 'wide.csv',
  text: `date,level,weekday\n${rows.map((r, t) => `${r},${String(t % 7)}`).join('\n')}\n`,
};

/**
 * Resolves as soon as the store first holds `ok` (in a microtask of that change, so before the
 * worker's next reply).
 */
function when(ok: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    const stop = appStore.subscribe(() => {
      if (!ok()) return;
      stop();
      resolve();
    });
  });
}

const fileLoading = () => series().own !== null && series().phase === 'loading';

async function startOnSines(): Promise<void> {
  sessionStorage.clear();
  await startTraining('#/series?series=sines');
  expect(await loadSeries()).toBe(true);
  expect(series().info?.name).toMatch(/sines/i);
}

describe('an own CSV and the series menu', () => {
  it('a file read on its own is shown and marked as this tab’s', async () => {
    await startOnSines();
    await loadOwnSeries(FILE);
    expect(series().own?.name).toBe('mine.csv');
    expect(series().info?.values.length).toBe(240);
    expect(sessionStorage.getItem(OWN_IN_TAB)).toBe('1');
  });

  it('a column picked while the file is still being read wins, and the tab is marked', async () => {
    await startOnSines();
    const loading = when(fileLoading);
    const reading = loadOwnSeries(WIDE);
    await loading;
    // A reload now would bring the file back already.
    expect(sessionStorage.getItem(OWN_IN_TAB)).toBe('1');
    const picking = loadOwnSeries(WIDE, 'weekday');
    await Promise.all([reading, picking]);
    await until(() => series().phase === 'ready', 'the column');
    expect(series().own?.column).toBe('weekday');
    expect(series().info?.column).toBe('weekday');
    expect(sessionStorage.getItem(OWN_IN_TAB)).toBe('1');
  });

  it('a refused file leaves the tab’s mark as it was', async () => {
    await startOnSines();
    await loadOwnSeries({ name: 'words.csv', text: 'day,mood\nmonday,fine\ntuesday,grey\n' });
    expect(series().error).toMatch(/^words\.csv: .*number/i);
    expect(series().own).toBeNull();
    expect(sessionStorage.getItem(OWN_IN_TAB)).toBeNull();
    await loadOwnSeries(FILE);
    await loadOwnSeries({ name: 'words.csv', text: 'day,mood\nmonday,fine\n' });
    expect(series().own?.name).toBe('mine.csv');
    expect(sessionStorage.getItem(OWN_IN_TAB)).toBe('1');
  });

  it('a series picked while a file is being read wins, and the file is not marked', async () => {
    await startOnSines();
    const loading = when(fileLoading);
    const reading = loadOwnSeries(FILE);
    // The learner picks a series while the file is still being read by the worker.
    await loading;
    const picking = setSeries({ source: 'sines' });
    await Promise.all([reading, picking]);
    await until(() => series().phase === 'ready', 'the series');
    expect(series().own).toBeNull();
    expect(series().info?.values.length).toBe(1000);
    expect(sessionStorage.getItem(OWN_IN_TAB)).toBeNull();
  });

  it('a series picked while a file is being stored wins: the file is never shown', async () => {
    await startOnSines();
    const reading = loadOwnSeries(FILE);
    const picking = setSeries({ source: 'sines' });
    await Promise.all([reading, picking]);
    await until(() => series().phase !== 'loading', 'the loads');
    expect(series().own).toBeNull();
    expect(sessionStorage.getItem(OWN_IN_TAB)).toBeNull();
  });
});
