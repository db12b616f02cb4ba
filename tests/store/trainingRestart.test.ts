// A worker that dies, hangs or reports an uncaught error, under the Training view (the real
// client, handler and session in process; a fake IndexedDB): the run stops showing "Training…",
// the worker is replaced, the last autosave comes back and the view says so; an error the worker
// survives leaves the run going. And Pause is shown at once, whatever the engine is doing.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { appStore } from '../../src/store/store';
import { autosave, pause } from '../../src/store/trainingController';
import { refreshSample, step, train } from '../../src/store/trainingActions';
import { onTeardown } from '../ui/setup';
import { emptyDb, startTraining, stepTo, training, until } from './trainingHarness';

const HASH = '#/train?corpus=counting&hidden=8&seq=16&batch=4';
const WATCHDOG = { everyMs: 100, silenceMs: 400 };
const engineStatus = () => appStore.getState().ui.engine;

beforeEach(emptyDb);

describe('a worker that dies', { timeout: 30_000 }, () => {
  it('is replaced while training, and the run comes back at its last autosave', async () => {
    const app = await startTraining(HASH, { watchdog: WATCHDOG });
    await stepTo(3);
    await autosave();
    expect(training().savedStep).toBe(3);
    train();
    await until(() => training().phase === 'running' && training().step > 6, 'training');
    const reached = training().step;
    // What the view shows from the kill on: never ready before the run is back.
    const seen: { phase: string; step: number; error: string | null }[] = [];
    // Every engine status shown, in order (the restart can be over before a poll looks).
    const statuses: string[] = [];
    const stopWatching = appStore.subscribe(({ training: t, ui }, previous) => {
      seen.push({ phase: t.phase, step: t.step, error: t.error });
      if (ui.engine !== previous.ui.engine) statuses.push(JSON.stringify(ui.engine));
    });
    onTeardown(stopWatching);

    app.worker().kill();
    // A request still out when the worker is replaced dies with it, without a word of its own.
    void refreshSample();
    // Running until the kill, so the first ready after it is the restored run.
    await until(() => training().phase === 'ready', 'the run to be restored');
    expect(statuses[0]).toBe(JSON.stringify({ state: 'restarting', reason: 'stopped answering' }));
    expect(seen.some((s) => s.phase === 'loading')).toBe(true);
    expect(training().step).toBe(3);
    expect(training().history.steps).toEqual([1, 2, 3]);
    expect(seen.filter((s) => s.phase === 'ready').every((s) => s.step === 3)).toBe(true);
    expect(seen.every((s) => s.error === null)).toBe(true);
    expect(training().message).toMatch(
      /^The engine stopped answering and was restarted\. Your run is back at step 3, its last autosave \(it had reached step \d+\)\.$/,
    );
    expect(Number(/reached step (\d+)/.exec(training().message!)![1])).toBeGreaterThanOrEqual(
      reached,
    );
    await until(() => engineStatus().state === 'ready', 'the new engine');
    expect(engineStatus()).toMatchObject({ note: 'restarted after it stopped answering' });

    // The new worker holds the restored model and trains on from it.
    step();
    await until(() => training().step === 4, 'step 4 on the new worker');
    expect(training().error).toBeNull();
  });

  it('with no autosave of this run, the text and a fresh model come back, and it says so', async () => {
    const app = await startTraining(HASH, { watchdog: WATCHDOG });
    await emptyDb();
    app.worker().kill();
    await until(() => training().message?.startsWith('The engine') ?? false, 'the message');
    await until(() => training().phase === 'ready', 'a fresh model');
    expect(training().step).toBe(0);
    expect(training().message).toBe(
      'The engine stopped answering and was restarted with a fresh model: there was no autosave of this run to restore.',
    );
  });

  it('an uncaught error the worker survives leaves the run training', async () => {
    const app = await startTraining(HASH, { watchdog: WATCHDOG });
    train();
    await until(() => training().phase === 'running' && training().step > 2, 'training');
    app.worker().fail('Uncaught TypeError: x is undefined');
    await until(() => engineStatus().state === 'ready' && 'note' in engineStatus(), 'the note');
    expect(engineStatus()).toMatchObject({
      note: 'it reported an error and carries on (Uncaught TypeError: x is undefined)',
    });
    const at = training().step;
    await until(() => training().step > at + 2, 'more steps');
    expect(training().phase).toBe('running');
    await pause();
  });
});

describe('Pause', { timeout: 30_000 }, () => {
  it('says at once that the run is pausing, before the engine has answered', async () => {
    await startTraining(HASH);
    train();
    await until(() => training().phase === 'running', 'training');
    const paused = pause();
    expect(training().busy).toBe('Pausing after the step in progress…');
    expect(training().phase).toBe('running');
    await paused;
    expect(training()).toMatchObject({ phase: 'ready', busy: null });
    const step = training().step;
    await new Promise((r) => setTimeout(r, 100));
    expect(training().step).toBe(step);
  });
});
