// Going back to an earlier run (src/store/trainingPersist.ts): a link with other settings opens a
// fresh model, and the view offers the run the learner had, which is still saved; going back
// restores it with its settings (the address too) and keeps the run it leaves.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { autosave } from '../../src/store/trainingController';
import { dismissEarlierRun, returnToEarlierRun } from '../../src/store/trainingActions';
import { config, emptyDb, startTraining, stepTo, training, until } from './trainingHarness';

const HASH = '#/train?corpus=counting&hidden=8&seq=16&batch=4';

beforeEach(emptyDb);

/** Trains a run to `steps` on `hash`, autosaves it and closes the tab's page (a reload). */
async function runAndLeave(hash: string, steps: number): Promise<void> {
  const app = await startTraining(hash);
  await stepTo(steps);
  await app.idle();
  await autosave();
  app.close();
}

describe('an earlier run with other settings', { timeout: 30_000 }, () => {
  it('is offered when a link opens a fresh model, with the settings it differs in', async () => {
    await runAndLeave(HASH, 3);
    await startTraining(`${HASH}&seed=2&lr=0.005`);
    expect(training().step).toBe(0);
    expect(training().earlierRun).toMatchObject({ step: 3, config: { seed: 1, hiddenSize: 8 } });
    expect(training().earlierRun?.config.lr).not.toBe(0.005);
  });

  it('is not offered when a reload restores the run itself', async () => {
    await runAndLeave(HASH, 2);
    await startTraining(HASH);
    expect(training().step).toBe(2);
    expect(training().earlierRun).toBeNull();
  });

  it('is not offered when it was never trained', async () => {
    await runAndLeave(HASH, 0);
    await startTraining(`${HASH}&seed=2`);
    expect(training().earlierRun).toBeNull();
  });

  it('comes back at its step with its settings and address, and the run left is kept', async () => {
    await runAndLeave(HASH, 3);
    await startTraining(`${HASH}&seed=2`);
    await stepTo(2);
    returnToEarlierRun();
    await until(() => training().step === 3 && training().phase === 'ready', 'the earlier run');
    expect(config().seed).toBe(1);
    expect(window.location.hash).not.toMatch(/seed=/);
    expect(training().history.steps).toEqual([1, 2, 3]);
    expect(training().message).toMatch(/earlier run at step 3/);
    // The run it left (seed 2, step 2) is offered in turn.
    await until(() => training().earlierRun !== null, 'the offer of the run left');
    expect(training().earlierRun).toMatchObject({ step: 2, config: { seed: 2 } });
    // And going back to that one brings step 2 back.
    returnToEarlierRun();
    await until(() => training().step === 2 && config().seed === 2, 'the run left');
    expect(window.location.hash).toMatch(/seed=2/);
  });

  it('can be dismissed', async () => {
    await runAndLeave(HASH, 1);
    await startTraining(`${HASH}&seed=2`);
    expect(training().earlierRun).not.toBeNull();
    dismissEarlierRun();
    expect(training().earlierRun).toBeNull();
  });
});
