// The autosave as the Training view uses it (src/store/trainingPersist.ts), with the real worker
// handler and engine in process and an in-memory IndexedDB: what it writes, a reload that puts
// the run back, another configuration or a damaged save that starts afresh, a diverged run kept
// out of the save.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { loadAutosave, saveAutosave } from '../../src/persist/trainingStore';
import { currentRunId } from '../../src/store/runSlot';
import { getEngine } from '../../src/store/engineAccess';
import { autosave } from '../../src/store/trainingController';
import { downloadDamagedSave, step } from '../../src/store/trainingActions';
import {
  catchDownloads,
  config,
  downloaded,
  emptyDb,
  rawDb,
  startTraining,
  stepTo,
  training,
  until,
} from './trainingHarness';

const HASH = '#/train?corpus=counting&hidden=8&seq=16&batch=4';

beforeEach(emptyDb);

const exportModel = async () => (await getEngine()!.request({ type: 'export' })).json;

/** The curves and timeline as plain arrays, to compare across a reload. */
function curves() {
  const { steps, loss, smooth, gradBefore, gradAfter, clipped, val } = training().history;
  return structuredClone({ steps, loss, smooth, gradBefore, gradAfter, clipped, val });
}

describe('the autosave', { timeout: 30_000 }, () => {
  it('is written on start with the fresh model at step 0', async () => {
    await startTraining(HASH);
    const saved = await loadAutosave(currentRunId());
    expect(saved).not.toBeNull();
    expect(saved!.step).toBe(0);
    expect(saved!.config).toEqual(config());
    expect(saved!.model).toBe(await exportModel());
    expect(saved!.savedAt).toBe(training().savedAt);
    expect(training().savedStep).toBe(0);
    expect(saved!.history.steps).toEqual([]);
  });

  it('holds the settings, model, step, curves and optimizer state of the run', async () => {
    const app = await startTraining(HASH);
    await stepTo(3);
    await app.idle();
    const savedBefore = training().savedAt!;
    await autosave();
    const saved = (await loadAutosave(currentRunId()))!;
    expect(saved.step).toBe(3);
    expect(training().savedStep).toBe(3);
    expect(saved.model).toBe(await exportModel());
    expect(saved.config).toEqual(config());
    const h = training().history;
    expect(saved.history).toEqual({
      steps: [1, 2, 3],
      loss: h.loss,
      gradBefore: h.gradBefore,
      gradAfter: h.gradAfter,
      clipped: h.clipped,
      val: h.val,
    });
    expect(saved.optimizer).toMatchObject({ kind: 'adam', stepCount: 3 });
    expect(saved.timeline).toEqual(training().timeline);
    expect(training().savedAt).toBe(saved.savedAt);
    expect(saved.savedAt).toBeGreaterThanOrEqual(savedBefore);
  });

  it('is not written without a model, nor for a diverged run', async () => {
    await autosave(); // before the app starts: no model, no engine
    expect(await rawDb.keys()).toEqual([]);

    await startTraining(`${HASH}&cell=rnn&lr=10&opt=rmsprop&clip=none`);
    step();
    step();
    await until(() => training().phase === 'diverged', 'the divergence');
    await autosave();
    expect((await loadAutosave(currentRunId()))!.step).toBe(0);
  });
});

describe('a reload', { timeout: 30_000 }, () => {
  it('puts back the newest autosave: model, step, curves, timeline', async () => {
    let app = await startTraining(HASH);
    await stepTo(1);
    await app.idle();
    await autosave();
    await stepTo(3);
    await app.idle();
    await autosave();
    const before = {
      model: training().model,
      curves: curves(),
      timeline: training().timeline,
      file: await exportModel(),
      savedAt: training().savedAt,
    };
    app.close();
    expect(training().model).toBeNull();

    app = await startTraining(HASH);
    expect(training()).toMatchObject({
      phase: 'ready',
      step: 3,
      error: null,
      message: 'Restored your run at step 3.',
      savedAt: before.savedAt,
    });
    // The same model; its info now says it was installed at step 3 (not 0).
    expect(training().model).toEqual({ ...before.model!, step: 3 });
    expect(curves()).toEqual(before.curves);
    expect(training().timeline).toEqual(before.timeline);
    expect(await exportModel()).toBe(before.file);
    expect(app.requests).toContain('restoreRun');
    // The worker reads the save itself: the model file never crosses from the page.
    expect(app.requests).not.toContain('import');
    expect(app.requests).not.toContain('create');

    // The restored run goes on from there.
    await stepTo(4);
    expect(training().history.steps).toEqual([1, 2, 3, 4]);
  });

  it('with another configuration in the address starts a fresh model', async () => {
    let app = await startTraining(HASH);
    await stepTo(2);
    await app.idle();
    await autosave();
    app.close();

    app = await startTraining(`${HASH}&seed=2`);
    expect(training()).toMatchObject({ phase: 'ready', step: 0, message: null, error: null });
    expect(training().history.steps).toEqual([]);
    expect(app.requests).toContain('create');
    expect(app.requests).not.toContain('restoreRun');
  });

  it('with another configuration in the address keeps the earlier run restorable', async () => {
    let app = await startTraining(HASH);
    await stepTo(3);
    await app.idle();
    await autosave();
    app.close();

    // A link with other settings: a fresh model, which autosaves in a slot of its own.
    app = await startTraining(`${HASH}&seed=2`);
    expect(training().step).toBe(0);
    await stepTo(1);
    await app.idle();
    await autosave();
    app.close();

    // The first link again: the earlier run comes back at its step, with its curves.
    app = await startTraining(HASH);
    expect(training()).toMatchObject({ phase: 'ready', step: 3 });
    expect(training().history.steps).toEqual([1, 2, 3]);
    expect(app.requests).toContain('restoreRun');
    expect(app.requests).not.toContain('create');
  });

  it.each([
    ['a record of another version', (good: object) => ({ ...good, version: 2 })],
    ['a record without curves', (good: object) => ({ ...good, history: undefined })],
    ['a half-written record', () => ({ version: 1, savedAt: 1, step: 3 })],
    ['a string', () => 'garbage'],
  ])('ignores a damaged autosave (%s) and starts afresh', async (_what, damage) => {
    const app = await startTraining(HASH);
    await stepTo(2);
    await app.idle();
    await autosave();
    const good = (await rawDb.get(`autosave:${currentRunId()}`)) as object;
    app.close();
    await rawDb.set(`autosave:${currentRunId()}`, damage(good));
    expect(await loadAutosave(currentRunId())).toBeNull();

    await startTraining(HASH);
    expect(training()).toMatchObject({ phase: 'ready', step: 0, error: null, message: null });
    expect(training().model).not.toBeNull();
    // The fresh model's autosave replaces the damaged record.
    expect((await loadAutosave(currentRunId()))?.step).toBe(0);
  });

  // An autosave whose fields are valid but whose model file is damaged passed the schema, the
  // engine rejected the file, and the phase stayed 'loading' (every control disabled) on every
  // reload. Now the view starts afresh and keeps the damaged save downloadable.
  it('ignores an autosave whose model file is damaged and starts afresh', async () => {
    const files = catchDownloads();
    const app = await startTraining(HASH);
    await stepTo(1);
    await app.idle();
    await autosave();
    const saved = (await loadAutosave(currentRunId()))!;
    app.close();
    await saveAutosave(
      { ...saved, model: '{"format":"unrolled-model","version":1' },
      currentRunId(),
    );

    await startTraining(HASH);
    expect(training().phase).toBe('ready');
    expect(training().model).not.toBeNull();
    expect(training().step).toBe(0);
    expect(training().damagedSave?.message).toMatch(
      /^Your last run \(step 1\) could not be restored: .+\. You can download it as it was saved\.$/,
    );
    downloadDamagedSave();
    const [file] = await downloaded(files);
    expect(file!.name).toBe('unrolled-damaged-save.json');
    expect(JSON.parse(file!.text)).toMatchObject({
      step: 1,
      model: '{"format":"unrolled-model","version":1',
    });
  });
});

describe('an autosave the browser refuses', { timeout: 30_000 }, () => {
  it('is reported, keeps the last save it has, and clears once a save succeeds', async () => {
    const app = await startTraining(HASH);
    expect(training().savedStep).toBe(0);
    const put = IDBObjectStore.prototype.put;
    // As Chromium refuses a record over 133 MB: the worker's write fails.
    IDBObjectStore.prototype.put = function (): IDBRequest<IDBValidKey> {
      throw new DOMException('The serialized value is too large', 'DataError');
    };
    try {
      await stepTo(2);
      await app.idle();
      await autosave();
    } finally {
      IDBObjectStore.prototype.put = put;
    }
    expect(training().saveFailed).toBe(true);
    expect(training().savedStep).toBe(0);
    expect((await loadAutosave(currentRunId()))!.step).toBe(0);
    await autosave();
    expect(training().saveFailed).toBe(false);
    expect(training().savedStep).toBe(2);
  });
});
