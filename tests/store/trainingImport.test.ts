// Importing a model file in the Training view (src/store/trainingExport.ts) with the real worker
// handler and engine in process: a good file replaces the model and its settings (asking first
// when the current one is trained); a damaged or oversized file gives a clear message and leaves
// the model, its step, curves, settings and address exactly as they were.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { LARGEST_MODEL_FILE_BYTES } from '../../src/engine/modelfileSize';
import { MAX_MODEL_BYTES } from '../../src/store/trainingExport';
import { getEngine } from '../../src/store/engineAccess';
import { answerConfirm, importModelFile } from '../../src/store/trainingActions';
import {
  config,
  emptyDb,
  modelFile,
  startTraining,
  stepTo,
  training,
  until,
  vocabOf,
} from './trainingHarness';

const HASH = '#/train?corpus=counting&hidden=8&seq=16&batch=4';
const UNCHANGED = 'Could not import the model (your current model is unchanged): ';

beforeEach(emptyDb);

const exportModel = async () => (await getEngine()!.request({ type: 'export' })).json;

describe('importing a good model file', { timeout: 30_000 }, () => {
  it('installs the model and takes its cell and sizes into the settings and address', async () => {
    await startTraining(HASH);
    const known = modelFile(vocabOf('counting'), { cell: 'gru', hiddenSize: 5, numLayers: 2 });
    importModelFile(new File([known.json], 'model.json'));
    await until(() => training().message !== null, 'the import');
    expect(training().message).toBe('Imported the model.');
    expect(training()).toMatchObject({ phase: 'ready', step: 0, error: null });
    expect(training().model).toMatchObject({
      cell: 'gru',
      hiddenSize: 5,
      numLayers: 2,
      trainable: true,
      vocab: vocabOf('counting'),
    });
    expect(config()).toMatchObject({
      cell: 'gru',
      hiddenSize: 5,
      numLayers: 2,
      corpus: 'counting',
    });
    expect(window.location.hash).toMatch(/cell=gru/);
    expect(window.location.hash).toMatch(/hidden=5/);
    expect(await exportModel()).toBe(known.json);
    await stepTo(1); // and it trains on the text
  });

  // A 4-layer, 512-unit model's file (159 MB) was refused by a 100 MB limit: the app could not
  // load what it had exported. The limit is now the largest file the app writes, and the worker,
  // not the page, reads the file.
  it('takes a file over 100 MB, up to the largest the app writes, read by the engine', async () => {
    const app = await startTraining(HASH);
    const known = modelFile(vocabOf('counting'), { cell: 'lstm', hiddenSize: 6, numLayers: 3 });
    const big = new File([known.json], 'big.json');
    Object.defineProperty(big, 'size', { value: 159 * 1024 * 1024 });
    importModelFile(big);
    await until(() => training().message !== null || training().error !== null, 'the import');
    expect(training().error).toBeNull();
    expect(training().message).toBe('Imported the model.');
    expect(training().model).toMatchObject({ cell: 'lstm', hiddenSize: 6, numLayers: 3 });
    expect(await exportModel()).toBe(known.json);
    expect(app.requests).toContain('checkFile');
  });

  it('keeps a model of other characters for inspection only, and says so', async () => {
    await startTraining(HASH);
    importModelFile(new Blob([modelFile(vocabOf('brackets')).json]));
    await until(() => training().message !== null, 'the import');
    expect(training().message).toBe(
      'Imported the model. Its characters differ from this text, so it can be inspected but not trained here.',
    );
    expect(training().model).toMatchObject({ trainable: false, vocab: vocabOf('brackets') });
  });

  it('asks before replacing a trained model; declining changes nothing', async () => {
    const app = await startTraining(HASH);
    await stepTo(2);
    await app.idle();
    const model = training().model;
    importModelFile(new Blob([modelFile(vocabOf('counting')).json]));
    await until(() => training().confirm !== null, 'the question');
    expect(training().confirm?.message).toBe(
      'Importing a model starts a new model. The current one (trained for 2 steps) will be discarded unless you save a checkpoint first.',
    );
    answerConfirm(false);
    await new Promise((r) => setTimeout(r, 50));
    expect(training()).toMatchObject({ step: 2, model, confirm: null, message: null });
    expect(app.requests).not.toContain('import');
  });
});

/** A good LSTM model file for the text (hidden size 5, one layer). */
const good = modelFile(vocabOf('counting'), { cell: 'lstm', numLayers: 1 }).json;

/** The good model file with one change made to its parsed JSON. */
interface FileJson {
  config: Record<string, unknown>;
  tensors: Record<string, { shape: number[]; data: (number | null)[] }>;
}
function damaged(change: (file: FileJson) => void): string {
  const file = JSON.parse(good) as FileJson;
  change(file);
  return JSON.stringify(file);
}

describe('importing a damaged model file', { timeout: 30_000 }, () => {
  it.each([
    ['an empty file', '', /^The file is not valid JSON \(.+\)\.$/],
    [
      'a file cut in half',
      good.slice(0, good.length >> 1),
      /^The file is not valid JSON \(.+\)\.$/,
    ],
    ['a text file', 'hello, world', /^The file is not valid JSON \(.+\)\.$/],
    ['a JSON list', '[1, 2, 3]', 'The file does not hold a JSON object.'],
    [
      'another format',
      JSON.stringify({ format: 'keras', version: 1 }),
      'This is not an Unrolled model file: "format" must be "unrolled-model".',
    ],
    [
      'a later version',
      damaged((f) => Object.assign(f, { version: 3 })),
      'Unsupported model file version 3; this app reads versions 1 and 2.',
    ],
    [
      'an unknown cell',
      damaged((f) => (f.config.cell = 'transformer')),
      'Unknown cell "transformer": expected "rnn", "lstm" or "gru".',
    ],
    [
      'a hidden size of 0',
      damaged((f) => (f.config.hiddenSize = 0)),
      'config.hiddenSize must be a whole number from 1 to 2048 (found 0).',
    ],
    [
      'a repeated character',
      damaged((f) => (f.config.vocab as string[]).push('a')),
      /^Bad vocabulary: Vocabulary entry \d+ repeats the character/,
    ],
    [
      'a missing tensor',
      damaged((f) => delete f.tensors['decoder.bias']),
      'Missing tensor "decoder.bias".',
    ],
    [
      'a tensor of the wrong shape',
      damaged((f) => (f.tensors['rnn.weight_hh_l0']!.shape = [5, 20])),
      'Tensor "rnn.weight_hh_l0" has shape [5,20]; expected [20, 5].',
    ],
    [
      'a number that is not finite',
      damaged((f) => (f.tensors['rnn.bias_ih_l0']!.data[3] = null)),
      'Tensor "rnn.bias_ih_l0" holds a value that is not a finite number at index 3.',
    ],
  ])('%s: says why and leaves everything as it was', async (_what, text, message) => {
    const app = await startTraining(HASH);
    await stepTo(2);
    await app.idle();
    const before = {
      model: training().model,
      history: structuredClone(training().history),
      config: config(),
      hash: window.location.hash,
      file: await exportModel(),
    };
    importModelFile(new File([text], 'model.json'));
    // Checked first: the learner is not asked to discard the trained run for a refused file.
    await until(() => training().error !== null, 'the error');
    expect(training().confirm).toBeNull();
    const error = training().error!;
    expect(error.startsWith(UNCHANGED)).toBe(true);
    if (typeof message === 'string') expect(error.slice(UNCHANGED.length)).toBe(message);
    else expect(error.slice(UNCHANGED.length)).toMatch(message);
    expect(training()).toMatchObject({
      phase: 'ready',
      step: 2,
      model: before.model,
      message: null,
    });
    expect(training().history).toEqual(before.history);
    expect(config()).toEqual(before.config);
    expect(window.location.hash).toBe(before.hash);
    expect(await exportModel()).toBe(before.file);
    await stepTo(3); // the run goes on
  });

  it('refuses a file bigger than the largest the app writes, before reading it', async () => {
    const app = await startTraining(HASH);
    await stepTo(1);
    await app.idle();
    const model = training().model;
    const huge = new Blob(['{}']);
    Object.defineProperty(huge, 'size', { value: MAX_MODEL_BYTES + 1 });
    huge.text = () => Promise.reject(new Error('read a file that is too big'));
    importModelFile(huge);
    await until(() => training().error !== null, 'the error');
    expect(MAX_MODEL_BYTES).toBe(LARGEST_MODEL_FILE_BYTES);
    expect(training().error).toBe('Could not import: The file is too big for a model file.');
    expect(training()).toMatchObject({ phase: 'ready', step: 1, model, confirm: null });
    expect(app.requests).not.toContain('checkFile'); // not even sent to be read
    expect(app.requests).not.toContain('import');
  });
});
