// The Epoch counter of the Training view follows the run: steps × batch × sequence length over the
// training characters, the same after a discard, a checkpoint load and a reload. It used to show
// the engine's batcher count, which starts again whenever a model is loaded (0.19 at step 0 after
// a discard, 0.00 after a reload restored step 1,131).
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { autosave } from '../../src/store/trainingController';
import {
  answerConfirm,
  loadNamedCheckpoint,
  reset,
  saveNamedCheckpoint,
} from '../../src/store/trainingActions';
import { emptyDb, startTraining, stepTo, training, until } from './trainingHarness';

const HASH = '#/train?corpus=counting&hidden=8&seq=16&batch=4';

beforeEach(emptyDb);

/** The epoch at `step` on the counting text with 4 streams of 16 characters. */
const expected = (step: number) => (step * 4 * 16) / training().corpus!.trainChars;
const epoch = () => training().speed.epoch;

describe('the epoch', { timeout: 30_000 }, () => {
  it('follows the steps, and is 0 again after a discard', async () => {
    const app = await startTraining(HASH);
    expect(epoch()).toBe(0);
    await stepTo(3);
    await app.idle();
    expect(epoch()).toBeCloseTo(expected(3), 12);
    reset();
    answerConfirm(true);
    await until(() => training().step === 0 && training().phase === 'ready', 'the new model');
    expect(epoch()).toBe(0);
  });

  it('is the checkpoint’s after loading one, and goes on from there', async () => {
    const app = await startTraining(HASH);
    await stepTo(2);
    await app.idle();
    saveNamedCheckpoint('two');
    await until(() => training().checkpoints.length === 1, 'the checkpoint');
    await stepTo(5);
    await app.idle();
    loadNamedCheckpoint(training().checkpoints[0]!.id);
    await until(() => training().confirm !== null, 'the question');
    answerConfirm(true);
    await until(() => training().step === 2 && training().phase === 'ready', 'the load');
    expect(epoch()).toBeCloseTo(expected(2), 12);
    await stepTo(3);
    await app.idle();
    expect(epoch()).toBeCloseTo(expected(3), 12);
  });

  it('is restored with the run after a reload', async () => {
    const app = await startTraining(HASH);
    await stepTo(3);
    await app.idle();
    await autosave();
    app.close();
    await startTraining(HASH);
    expect(training().step).toBe(3);
    expect(epoch()).toBeCloseTo(expected(3), 12);
  });
});
