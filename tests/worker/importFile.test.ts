// A model file the learner chooses is read and checked in the worker (`checkFile`), which holds
// the model for the `import` that follows: the page never holds the text. The biggest models the
// app trains (4 layers of 512 units: a 159 MB file on Shakespeare, over the old 100 MB limit) go
// through, and so does their autosaved text in the Forward view's trace; the numbers come back
// bit for bit. Figures (size, times, heap) are printed, never asserted.
import { describe, expect, it } from 'vitest';
import { createModel, namedTensors, type ModelConfig } from '../../src/engine/model.ts';
import { serializeModel } from '../../src/engine/modelfile.ts';
import { LARGEST_MODEL_FILE_BYTES } from '../../src/engine/modelfileSize.ts';
import { createRng } from '../../src/engine/rng.ts';
import { DEFAULT_SETTINGS, type TrainSettings } from '../../src/engine/settings.ts';
import { buildVocab } from '../../src/engine/vocab.ts';
import { handleMessage } from '../../src/worker/handler.ts';
import type { FromWorker, ToWorker } from '../../src/worker/protocol.ts';
import { EngineSession } from '../../src/worker/session.ts';

const TEXT = 'to be or not to be, that is the question. '.repeat(30);
const settings: TrainSettings = { ...DEFAULT_SETTINGS, hiddenSize: 16, seqLen: 10, batchSize: 4 };

function makeSession(): EngineSession {
  const session = new EngineSession({ progress: () => {}, schedule: () => {}, now: () => 0 });
  session.setCorpus('test', TEXT);
  session.create(settings);
  return session;
}

/** Sends one request and waits for its reply (checkFile answers asynchronously). */
function request(session: EngineSession, msg: ToWorker): Promise<FromWorker> {
  return new Promise((resolve) => handleMessage(msg, resolve, session));
}

function modelFile(hiddenSize: number, numLayers: number, seed = 3) {
  const vocab = buildVocab(TEXT);
  const V = vocab.chars.length;
  const config: ModelConfig = {
    cell: 'lstm',
    nonlinearity: 'tanh',
    hiddenSize,
    numLayers,
    bidirectional: false,
    input: 'onehot',
    inputSize: V,
    outputSize: V,
    head: 'softmax',
  };
  const model = createModel(config, createRng(seed));
  return { model, json: serializeModel(model, vocab) };
}

describe('checking a chosen file in the worker', () => {
  it('reads and checks the file, then imports the model it holds', async () => {
    const session = makeSession();
    const file = modelFile(12, 2);
    const reply = await request(session, {
      type: 'checkFile',
      id: 1,
      file: new Blob([file.json]),
    });
    expect(reply).toMatchObject({ type: 'fileChecked', id: 1, key: 1 });
    expect(session.info().hiddenSize).toBe(16); // checking changes nothing yet
    const imported = await request(session, {
      type: 'import',
      id: 2,
      json: { checked: 1 },
      settings,
    });
    expect(imported).toMatchObject({
      type: 'model',
      id: 2,
      info: { hiddenSize: 12, numLayers: 2 },
    });
    expect(session.exportModel()).toBe(file.json);
    // The model is handed over once: a second import of the same key is refused.
    const again = await request(session, { type: 'import', id: 3, json: { checked: 1 }, settings });
    expect(again).toEqual({
      type: 'error',
      id: 3,
      message: 'The file is no longer held; choose it again.',
      problem: { code: 'run.fileNotHeld', vars: {} },
    });
  });

  it('answers a damaged file with the engine’s message, and holds nothing', async () => {
    const session = makeSession();
    const before = session.exportModel();
    const bad = await request(session, {
      type: 'checkFile',
      id: 4,
      file: new Blob(['{"format":"unrolled-model","version":2']),
    });
    expect(bad).toMatchObject({ type: 'error', id: 4 });
    expect((bad as { message: string }).message).toMatch(/^The file is not valid JSON/);
    const none = await request(session, { type: 'import', id: 5, json: { checked: 1 }, settings });
    expect(none).toMatchObject({ type: 'error', id: 5 });
    expect(session.exportModel()).toBe(before);
  });

  it('refuses a file bigger than any the app writes without reading it', async () => {
    const session = makeSession();
    const huge = new Blob(['{}']);
    Object.defineProperty(huge, 'size', { value: LARGEST_MODEL_FILE_BYTES + 1 });
    huge.text = () => Promise.reject(new Error('read a file that is too big'));
    expect(await request(session, { type: 'checkFile', id: 6, file: huge })).toEqual({
      type: 'error',
      id: 6,
      message: 'The file is too big for a model file.',
      problem: { code: 'modelFile.tooBig', vars: {} },
    });
  });
});

describe('the biggest model the app trains on Shakespeare-sized text', { timeout: 300_000 }, () => {
  it('loads from its 4-layer, 512-unit file in the Training and the Forward view', async () => {
    const heap = () => `${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MiB`;
    let t = performance.now();
    const file = modelFile(512, 4);
    const made = performance.now() - t;
    const size = Buffer.byteLength(file.json);
    // The file: over the old 100 MB limit, under the new one.
    expect(size).toBeGreaterThan(100 * 1024 * 1024);
    expect(size).toBeLessThanOrEqual(LARGEST_MODEL_FILE_BYTES);

    const session = makeSession();
    t = performance.now();
    const checked = await request(session, {
      type: 'checkFile',
      id: 1,
      file: new Blob([file.json]),
    });
    const checkMs = performance.now() - t;
    expect(checked).toMatchObject({ type: 'fileChecked', id: 1 });
    const key = (checked as { key: number }).key;
    const heapAfterCheck = heap();
    t = performance.now();
    const imported = await request(session, {
      type: 'import',
      id: 2,
      json: { checked: key },
      settings,
    });
    const importMs = performance.now() - t;
    expect(imported).toMatchObject({
      type: 'model',
      info: { cell: 'lstm', hiddenSize: 512, numLayers: 4, trainable: true },
    });
    expect(session.exportModel()).toBe(file.json); // every number back, bit for bit

    // The Forward view sends an autosaved run's text to the worker with the trace request.
    t = performance.now();
    const traced = await request(session, {
      type: 'trace',
      id: 3,
      text: 'to be',
      model: { kind: 'file', key: 'autosave:1', json: file.json },
    });
    const traceMs = performance.now() - t;
    expect(traced).toMatchObject({ type: 'trace', id: 3 });
    const params = namedTensors(file.model).reduce((n, x) => n + x.data.length, 0);
    console.log(
      `model file, LSTM H=512 L=4 V=${buildVocab(TEXT).chars.length}: ${params.toLocaleString('en-US')} numbers, ` +
        `${(size / 2 ** 20).toFixed(1)} MiB (${(size / params).toFixed(1)} bytes a number); ` +
        `written in ${made.toFixed(0)} ms, read and checked in the worker in ${checkMs.toFixed(0)} ms ` +
        `(heap then ${heapAfterCheck}), imported in ${importMs.toFixed(0)} ms, ` +
        `parsed and traced for the Forward view in ${traceMs.toFixed(0)} ms; ` +
        `largest file accepted ${(LARGEST_MODEL_FILE_BYTES / 2 ** 20).toFixed(1)} MiB`,
    );
  });
});
