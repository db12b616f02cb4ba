// Exports of the Training view (src/store/trainingExport.ts) with the real worker handler and
// engine in process, downloads caught: the model file parses back into the model's numbers, the
// loss CSV has a header and one row per recorded step, the PyTorch script builds the right module.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { namedTensors } from '../../src/engine/model';
import { parseModel } from '../../src/engine/modelfile';
import { getEngine } from '../../src/store/engineAccess';
import {
  exportLossCsv,
  exportModelFile,
  exportPytorchScript,
  importModelFile,
} from '../../src/store/trainingActions';
import {
  catchDownloads,
  downloaded,
  emptyDb,
  modelFile,
  startTraining,
  stepTo,
  training,
  until,
  vocabOf,
} from './trainingHarness';

const HASH = '#/train?corpus=counting&hidden=8&seq=16&batch=4';

beforeEach(emptyDb);
afterEach(() => {
  vi.restoreAllMocks();
});

/** Every tensor of a parsed model file, by name, as plain arrays. */
function tensorsOf(json: string): Record<string, number[]> {
  const { model } = parseModel(json);
  return Object.fromEntries(namedTensors(model).map((t) => [t.name, Array.from(t.data)]));
}

describe('the model file', { timeout: 30_000 }, () => {
  it('is named after the cell, text and step, and parses back into the imported numbers', async () => {
    await startTraining(HASH);
    const known = modelFile(vocabOf('counting'), { cell: 'gru', hiddenSize: 5, numLayers: 2 });
    importModelFile(new Blob([known.json]));
    await until(() => training().message === 'Imported the model.', 'the import');
    const files = catchDownloads();
    exportModelFile();
    const [file] = await downloaded(files);
    expect(file!.name).toBe('unrolled-gru-counting-step0.json');
    expect(file!.type).toBe('application/json');
    const parsed = parseModel(file!.text);
    expect(parsed.model.config).toEqual(known.model.config);
    expect(parsed.vocab.chars).toEqual(vocabOf('counting'));
    const expected = Object.fromEntries(
      namedTensors(known.model).map((t) => [t.name, Array.from(t.data)]),
    );
    expect(tensorsOf(file!.text)).toEqual(expected); // bit for bit: JSON keeps every double
  });

  it('holds the trained weights, and imports back to the same file', async () => {
    const app = await startTraining(HASH);
    await stepTo(3);
    await app.idle();
    const files = catchDownloads();
    exportModelFile();
    const [file] = await downloaded(files);
    expect(file!.name).toBe('unrolled-lstm-counting-step3.json');
    const weights = (await getEngine()!.request({ type: 'weights' })).weights;
    const tensors = tensorsOf(file!.text);
    expect(tensors['rnn.weight_ih_l0']).toEqual(Array.from(weights.layers[0]!.Wih));
    expect(tensors['rnn.weight_hh_l0']).toEqual(Array.from(weights.layers[0]!.Whh));
    app.close();

    await startTraining('#/train?corpus=counting&cell=rnn&hidden=4');
    expect(training().model).toMatchObject({ cell: 'rnn', hiddenSize: 4 });
    importModelFile(new Blob([file!.text]));
    await until(() => training().message !== null, 'the import');
    expect(training().model).toMatchObject({ cell: 'lstm', hiddenSize: 8, trainable: true });
    exportModelFile();
    const [, again] = await downloaded(files, 2);
    expect(again!.name).toBe('unrolled-lstm-counting-step0.json');
    expect(again!.text).toBe(file!.text);
  });
});

describe('the loss history CSV', { timeout: 30_000 }, () => {
  const HEADER =
    'step,loss_nats,smoothed_nats,val_loss_nats,grad_norm_before,grad_norm_after,clipped';

  it('is only the header before the first step', async () => {
    await startTraining(HASH);
    const files = catchDownloads();
    exportLossCsv();
    const [file] = await downloaded(files);
    expect(file).toEqual({
      name: 'unrolled-loss-step0.csv',
      type: 'text/csv',
      text: `${HEADER}\n`,
    });
  });

  it('has one row per recorded step with its values', async () => {
    const app = await startTraining(`${HASH}&clip=norm&clipAt=0.01`);
    await stepTo(4);
    await app.idle();
    const h = training().history;
    expect(h.steps).toEqual([1, 2, 3, 4]);
    const files = catchDownloads();
    exportLossCsv();
    const [file] = await downloaded(files);
    expect(file!.name).toBe('unrolled-loss-step4.csv');
    expect(file!.type).toBe('text/csv');
    const lines = file!.text.split('\n');
    expect(lines[0]).toBe(HEADER);
    expect(lines.at(-1)).toBe(''); // ends with a newline
    const rows = lines.slice(1, -1).map((line) => line.split(','));
    expect(rows).toHaveLength(4);
    const val = new Map(h.val.map((p) => [p.step, p.loss]));
    expect(val.size).toBeGreaterThan(0);
    rows.forEach((cells, k) => {
      expect(cells).toHaveLength(7);
      const [step, loss, smooth, valLoss, before, after, clipped] = cells.map(Number);
      expect(step).toBe(k + 1);
      expect(loss).toBe(h.loss[k]);
      expect(smooth).toBe(h.smooth[k]);
      expect(cells[3]).toBe(val.has(k + 1) ? String(val.get(k + 1)) : '');
      if (val.has(k + 1)) expect(valLoss).toBe(val.get(k + 1));
      expect(before).toBe(h.gradBefore[k]);
      expect(after).toBe(h.gradAfter[k]);
      expect(clipped).toBe(1); // every gradient is longer than 0.01
      expect(after).toBeCloseTo(0.01, 6); // clipped to the threshold (up to an epsilon)
      expect(loss).toBeGreaterThan(0);
    });
    // The first smoothed value is the first loss itself (bias-corrected average).
    expect(Number(rows[0]![2])).toBeCloseTo(h.loss[0]!, 12);
  });
});

describe('the PyTorch script', { timeout: 30_000 }, () => {
  it.each([
    ['lstm', 'LSTM', ''],
    ['gru', 'GRU', ''],
    ['rnn', 'RNN', '&nl=relu'],
  ])('for a %s builds nn.%s', async (cell, module, extra) => {
    await startTraining(`${HASH}&cell=${cell}&layers=2${extra}`);
    const files = catchDownloads();
    exportPytorchScript();
    const [file] = await downloaded(files);
    expect(file!.name).toBe('continue_in_pytorch.py');
    expect(file!.type).toBe('text/x-python');
    const script = file!.text;
    expect(script).toContain(`self.rnn = nn.${module}(size, HIDDEN_SIZE, num_layers=NUM_LAYERS`);
    expect(script).toContain(`CELL = "${cell}"`);
    expect(script).toContain('HIDDEN_SIZE = 8\n');
    expect(script).toContain('NUM_LAYERS = 2\n');
    for (const other of ['RNN', 'LSTM', 'GRU'].filter((m) => m !== module)) {
      expect(script).not.toContain(`nn.${other}(`);
    }
    if (cell === 'rnn') expect(script).toContain(', nonlinearity="relu")');
    // The vocabulary of the text, in the model's order.
    const V = training().model!.vocab.length;
    expect(script).toContain(`${V} characters`);
  });

  it('writes nothing without a model', () => {
    const files = catchDownloads();
    exportPytorchScript();
    expect(files).toEqual([]);
    expect(URL.createObjectURL).not.toHaveBeenCalled();
  });
});
