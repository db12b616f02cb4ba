// Changing a training setting from the Training view (changeConfig), with the real worker handler
// and engine in process and an in-memory IndexedDB: a value the engine's validation refuses never
// reaches the config, the address or the saved run, and the view says why.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { loadAutosave } from '../../src/persist/trainingStore';
import { currentRunId } from '../../src/store/runSlot';
import { autosave } from '../../src/store/trainingController';
import { changeConfig } from '../../src/store/trainingActions';
import { config, emptyDb, startTraining, stepTo, training } from './trainingHarness';

const HASH = '#/train?corpus=counting&hidden=8&seq=16&batch=4';

beforeEach(emptyDb);

describe('a refused setting', { timeout: 30_000 }, () => {
  // The value went into the config and the address before the engine refused it; the autosave then
  // stored it, the stored schema refused the save on the next visit, and a fresh model replaced
  // the run at step 0.
  it.each([1e-7, 1e7])('(clip threshold %s) changes nothing and says why', async (value) => {
    const app = await startTraining(HASH);
    await stepTo(2);
    await app.idle();
    const before = { config: config(), address: window.location.href };
    changeConfig({ clipThreshold: value });
    expect(training().error).toMatch(/^Could not change the setting: The clipping threshold /);
    expect(config()).toEqual(before.config);
    expect(window.location.href).toBe(before.address);
    await autosave();
    expect((await loadAutosave(currentRunId()))?.config).toEqual(before.config);

    app.close();
    await startTraining(before.address.slice(before.address.indexOf('#')));
    expect(training()).toMatchObject({ step: 2, message: 'Restored your run at step 2.' });
  });

  it('a valid live change still goes through', async () => {
    const app = await startTraining(HASH);
    changeConfig({ clipThreshold: 0.5 });
    await app.idle();
    expect(training().error).toBeNull();
    expect(config().clipThreshold).toBe(0.5);
    expect(window.location.href).toContain('clipAt=0.5');
  });
});
