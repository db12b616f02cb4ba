// Two tabs of the Training view (src/store/runSlot.ts): each run autosaves to a slot of its own, a
// reload puts back the tab's own run, a new tab never takes (nor overwrites) a run another open tab
// holds, and the single autosave of earlier versions is still restored. Tabs are simulated in one
// page: sessionStorage is the tab's, and a shared lock manager stands for navigator.locks.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadAutosave, saveAutosave } from '../../src/persist/trainingStore';
import { currentRunId, forgetRun } from '../../src/store/runSlot';
import { autosave } from '../../src/store/trainingController';
import { config, emptyDb, rawDb, startTraining, stepTo, training } from './trainingHarness';

const HASH = '#/train?corpus=counting&hidden=8&seq=16&batch=4';

/** navigator.locks as the tabs of one browser share it (only what the app uses). */
class SharedLocks {
  readonly held = new Set<string>();
  request(
    name: string,
    _opts: { ifAvailable: boolean },
    cb: (lock: { name: string } | null) => unknown,
  ): Promise<unknown> {
    if (this.held.has(name)) return Promise.resolve(cb(null));
    this.held.add(name);
    return Promise.resolve(cb({ name })).finally(() => this.held.delete(name));
  }
  query(): Promise<{ held: { name: string }[] }> {
    return Promise.resolve({ held: [...this.held].map((name) => ({ name })) });
  }
}

let locks: SharedLocks;

beforeEach(async () => {
  await emptyDb();
  locks = new SharedLocks();
  Object.defineProperty(navigator, 'locks', { value: locks, configurable: true });
  forgetRun();
  sessionStorage.clear();
});

afterEach(() => {
  forgetRun();
  Reflect.deleteProperty(navigator, 'locks');
});

/** Closes tab 1 and opens a new tab, tab 1 staying open (its run's lock held) or not. */
async function newTab(first: { close(): void }, firstStaysOpen: boolean): Promise<void> {
  const run = currentRunId();
  first.close();
  forgetRun(); // this page's hold on the run ends…
  await new Promise((resolve) => setTimeout(resolve, 0));
  expect(locks.held.size).toBe(0);
  if (firstStaysOpen) locks.held.add(`unrolled-run:${run}`); // …but tab 1 still holds it
  sessionStorage.clear(); // a new tab starts with an empty sessionStorage
}

/** A reload of the same tab: the page's state goes, sessionStorage stays. */
function reload(app: { close(): void }): void {
  app.close();
  forgetRun();
}

describe('two tabs', { timeout: 30_000 }, () => {
  it('a new tab with the same settings starts its own run; the open tab’s run is kept', async () => {
    const tab1 = await startTraining(HASH);
    await stepTo(3);
    await tab1.idle();
    await autosave();
    const run1 = currentRunId();
    const saved1 = (await loadAutosave(run1))!;
    expect(saved1.step).toBe(3);
    await newTab(tab1, true);

    const tab2 = await startTraining(HASH);
    expect(training()).toMatchObject({ phase: 'ready', step: 0, message: null });
    const run2 = currentRunId();
    expect(run2).not.toBe(run1);
    expect((await loadAutosave(run2))?.step).toBe(0); // its fresh model, in its own slot
    await stepTo(2);
    await tab2.idle();
    await autosave();
    expect((await loadAutosave(run2))?.step).toBe(2);
    expect(await loadAutosave(run1)).toEqual(saved1); // untouched
  });

  it('a new tab with other settings leaves the first run as it was', async () => {
    const tab1 = await startTraining(HASH);
    await stepTo(2);
    await tab1.idle();
    await autosave();
    const run1 = currentRunId();
    const saved1 = (await loadAutosave(run1))!;
    await newTab(tab1, true);

    await startTraining(`${HASH}&cell=gru&hidden=12`);
    expect(config()).toMatchObject({ cell: 'gru', hiddenSize: 12 });
    expect(training().step).toBe(0);
    expect(await loadAutosave(run1)).toEqual(saved1);
    expect((await loadAutosave(currentRunId()))?.config).toEqual(config());
  });

  it('a new tab takes up the newest run no open tab holds', async () => {
    const tab1 = await startTraining(HASH);
    await stepTo(3);
    await tab1.idle();
    await autosave();
    const run1 = currentRunId();
    await newTab(tab1, false); // tab 1 was closed

    const tab2 = await startTraining(HASH);
    expect(training().step).toBe(3);
    expect(training().message).toBe('Restored your run at step 3.');
    expect(currentRunId()).toBe(run1); // and goes on in that run's slot
    await stepTo(4);
    await tab2.idle();
    await autosave();
    expect((await loadAutosave(run1))?.step).toBe(4);
  });

  it('a reload puts back the tab’s own run, not a newer one of another tab', async () => {
    const tab1 = await startTraining(HASH);
    await stepTo(3);
    await tab1.idle();
    await autosave();
    const run1 = currentRunId();
    // Another open tab has since saved a newer run of the same settings.
    const newer = { ...(await loadAutosave(run1))!, step: 7, savedAt: Date.now() + 60_000 };
    await saveAutosave(newer, 'other-tab');
    locks.held.add('unrolled-run:other-tab');
    reload(tab1);

    await startTraining(HASH);
    expect(training().step).toBe(3);
    expect(currentRunId()).toBe(run1);
    expect((await loadAutosave('other-tab'))?.step).toBe(7);
  });

  it('restores the single autosave of earlier versions, in a slot of its own', async () => {
    const tab1 = await startTraining(HASH);
    await stepTo(2);
    await tab1.idle();
    await autosave();
    const record = await loadAutosave(currentRunId());
    tab1.close();
    await emptyDb();
    await rawDb.set('autosave', record); // as an earlier version left it
    forgetRun();
    sessionStorage.clear();

    await startTraining(HASH);
    expect(training().step).toBe(2);
    expect(training().message).toBe('Restored your run at step 2.');
    expect(await rawDb.get('autosave')).toBeUndefined();
    expect((await loadAutosave(currentRunId()))?.step).toBe(2);
  });
});

describe('one tab', { timeout: 30_000 }, () => {
  it('keeps its run when the Training view starts again in the same page', async () => {
    const app = await startTraining(HASH);
    await stepTo(2);
    await app.idle();
    await autosave();
    const run = currentRunId();
    expect(locks.held).toEqual(new Set([`unrolled-run:${run}`]));
    app.close(); // the engine goes, the page (and its hold on the run) stays
    await startTraining(HASH);
    expect(training().step).toBe(2);
    expect(currentRunId()).toBe(run);
  });
});
