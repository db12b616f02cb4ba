// Named checkpoints as the Training view uses them (src/store/trainingPersist.ts), with the real
// worker handler and engine in process and an in-memory IndexedDB: save, list on start, load
// (asking first), rename, delete, and a missing or damaged checkpoint that changes nothing.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { listCheckpoints, loadCheckpoint, saveCheckpoint } from '../../src/persist/trainingStore';
import { getEngine } from '../../src/store/engineAccess';
import {
  answerConfirm,
  deleteNamedCheckpoint,
  loadNamedCheckpoint,
  renameNamedCheckpoint,
  saveNamedCheckpoint,
} from '../../src/store/trainingActions';
import { config, emptyDb, startTraining, stepTo, training, until } from './trainingHarness';

const HASH = '#/train?corpus=counting&hidden=8&seq=16&batch=4';

beforeEach(emptyDb);

const exportModel = async () => (await getEngine()!.request({ type: 'export' })).json;

/** Saves a checkpoint through the view's action and waits for the list to show it. */
async function saveAs(name: string) {
  const n = training().checkpoints.length;
  saveNamedCheckpoint(name);
  await until(() => training().checkpoints.length === n + 1 || training().error !== null);
  return training().checkpoints.at(-1)!;
}

describe('saving a checkpoint', { timeout: 30_000 }, () => {
  it('stores the model and settings under the name, and lists it', async () => {
    const app = await startTraining(HASH);
    await stepTo(2);
    await app.idle();
    const meta = await saveAs('After two steps');
    expect(meta).toMatchObject({
      name: 'After two steps',
      step: 2,
      corpus: 'counting',
      cell: 'lstm',
      hiddenSize: 8,
      numLayers: 1,
    });
    expect(training().message).toBe('Saved checkpoint “After two steps”.');
    expect(await listCheckpoints()).toEqual([meta]);
    const stored = await loadCheckpoint(meta.id);
    expect(stored?.config).toEqual(config());
    expect(stored?.model).toBe(await exportModel());
  });

  it('trims the name, and names an unnamed checkpoint after its step', async () => {
    const app = await startTraining(HASH);
    await stepTo(1);
    await app.idle();
    expect((await saveAs('  padded \t')).name).toBe('padded');
    expect((await saveAs('')).name).toBe('Step 1');
    expect((await saveAs(' \n ')).name).toBe('Step 1');
    expect((await listCheckpoints()).map((m) => m.name)).toEqual(['padded', 'Step 1', 'Step 1']);
  });

  // The message quoted the name as typed, not as saved (“Saved checkpoint “   ”.”).
  it('says the name it saved a blank-named checkpoint under', async () => {
    const app = await startTraining(HASH);
    await stepTo(1);
    await app.idle();
    await saveAs('   ');
    expect(training().message).toBe('Saved checkpoint “Step 1”.');
  });

  it('lists the checkpoints already stored when the view starts, in the order saved', async () => {
    const app = await startTraining(HASH);
    const first = await saveAs('first');
    await stepTo(1);
    await app.idle();
    const second = await saveAs('second');
    app.close();
    await startTraining(HASH);
    await until(() => training().checkpoints.length === 2, 'the list');
    expect(training().checkpoints).toEqual([first, second]);
  });
});

describe('loading a checkpoint', { timeout: 30_000 }, () => {
  it('asks before discarding the trained model, then puts the checkpoint back', async () => {
    const app = await startTraining(HASH);
    await stepTo(2);
    await app.idle();
    const meta = await saveAs('two');
    const file = await exportModel();
    await stepTo(4);
    await app.idle();

    const before = structuredClone(training().history);
    loadNamedCheckpoint(meta.id);
    // The checkpoint is read and checked first, then the question is asked.
    await until(() => training().confirm !== null, 'the question');
    expect(training().confirm?.message).toBe(
      'Loading a checkpoint starts a new model. The current one (trained for 4 steps) will be discarded unless you save a checkpoint first.',
    );
    answerConfirm(false);
    expect(training().confirm).toBeNull();
    expect(training().step).toBe(4);

    loadNamedCheckpoint(meta.id);
    await until(() => training().confirm !== null, 'the question');
    answerConfirm(true);
    await until(() => training().message === 'Loaded checkpoint “two” (step 2).', 'the load');
    expect(training()).toMatchObject({ phase: 'ready', step: 2, error: null });
    // The checkpoint keeps its curves (they used to be wiped, and the CSV was a header only).
    expect(training().history.steps).toEqual([1, 2]);
    expect(training().history.loss).toEqual(before.loss.slice(0, 2));
    expect(training().history.smooth).toEqual(before.smooth.slice(0, 2));
    expect(training().history.val).toEqual(before.val.filter((p) => p.step <= 2));
    expect(await exportModel()).toBe(file);
    await stepTo(3);
  });

  it('switches to the text and settings the checkpoint was made with', async () => {
    const first = await startTraining(HASH);
    await stepTo(1);
    await first.idle();
    const meta = await saveAs('counting');
    const file = await exportModel();
    first.close();

    const second = await startTraining('#/train?corpus=copy10&hidden=6&layers=2');
    expect(training().checkpoints).toEqual([meta]);
    const sent = second.requests.length;
    loadNamedCheckpoint(meta.id);
    await until(() => training().message !== null, 'the load');
    expect(training().message).toBe('Loaded checkpoint “counting” (step 1).');
    expect(config()).toMatchObject({ corpus: 'counting', hiddenSize: 8, numLayers: 1 });
    expect(training().corpus?.name).toBe('counting');
    expect(training().model).toMatchObject({ hiddenSize: 8, numLayers: 1, trainable: true });
    expect(window.location.hash).toContain('corpus=counting');
    // The engine checks the file first (off the page's thread), and the text is loaded before
    // the model that needs it.
    expect(second.requests.slice(sent)).toEqual(['checkFile', 'setTask', 'import']);
    expect(await exportModel()).toBe(file);
  });

  it('reports a missing checkpoint and changes nothing', async () => {
    const app = await startTraining(HASH);
    await stepTo(1);
    await app.idle();
    const model = training().model;
    loadNamedCheckpoint('no-such-id');
    answerConfirm(true);
    await until(() => training().error !== null, 'the error');
    expect(training().error).toBe('Could not load the checkpoint: it is missing or damaged');
    expect(training()).toMatchObject({ phase: 'ready', step: 1, model });
  });

  it('reports a checkpoint whose model file is damaged and keeps the current model', async () => {
    const app = await startTraining(HASH);
    const file = await exportModel();
    await saveCheckpoint({
      meta: { ...(await saveAs('good')), id: 'bad', name: 'bad' },
      config: config(),
      model: file.replace('"tensors":{', '"tensors":{"extra":{"shape":[1],"data":[0]},'),
    });
    await stepTo(1);
    await app.idle();
    const before = { model: training().model, config: config(), file: await exportModel() };
    loadNamedCheckpoint('bad');
    answerConfirm(true);
    await until(() => training().error !== null, 'the error');
    expect(training().error).toBe(
      'Could not load the checkpoint: Unexpected tensor "extra" for a 1-layer LSTM.',
    );
    expect(training()).toMatchObject({ phase: 'ready', step: 1, model: before.model });
    expect(config()).toEqual(before.config);
    expect(await exportModel()).toBe(before.file);
  });

  // For a checkpoint of another text, the text was loaded before the model file was checked; when
  // the file failed, the phase stayed 'loading' and the engine held the other text. The file is
  // now checked first, before the question.
  it('keeps the current text when a damaged checkpoint of another text fails', async () => {
    const app = await startTraining(HASH);
    await saveCheckpoint({
      meta: { ...(await saveAs('good')), id: 'bad', name: 'bad', corpus: 'copy10' },
      config: { ...config(), corpus: 'copy10' },
      model: 'not a model file',
    });
    await stepTo(1);
    await app.idle();
    loadNamedCheckpoint('bad');
    await until(() => training().error !== null, 'the error');
    expect(training().confirm).toBeNull();
    expect(training().phase).toBe('ready');
    expect(training().corpus?.name).toBe('counting');
    expect(config().corpus).toBe('counting');
  });
});

describe('renaming and deleting', { timeout: 30_000 }, () => {
  it('renames in the list and in the database', async () => {
    await startTraining(HASH);
    const a = await saveAs('a');
    const b = await saveAs('b');
    renameNamedCheckpoint(a.id, 'renamed');
    await until(() => training().checkpoints[0]?.name === 'renamed', 'the rename');
    expect(training().checkpoints).toEqual([{ ...a, name: 'renamed' }, b]);
    expect(await listCheckpoints()).toEqual(training().checkpoints);
    expect((await loadCheckpoint(a.id))?.meta.name).toBe('renamed');
  });

  it('deletes from the list and the database, leaving the others', async () => {
    await startTraining(HASH);
    const a = await saveAs('a');
    const b = await saveAs('b');
    deleteNamedCheckpoint(a.id);
    await until(() => training().checkpoints.length === 1, 'the delete');
    expect(training().checkpoints).toEqual([b]);
    expect(await listCheckpoints()).toEqual([b]);
    expect(await loadCheckpoint(a.id)).toBeNull();
    expect(await loadCheckpoint(b.id)).not.toBeNull();
  });
});
