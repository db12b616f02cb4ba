// `forward --series`: a time-series model over a CSV column, through the same run() main.ts calls.
// The numbers are checked against the engine and the worker: the loss is the mean squared error of
// the normalised values the arrays give, the predictions are the Time series view's, the model's
// stored mean and scale are used on a new file (never re-fitted), and each misuse is refused.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.ts';
import { createCompute } from '../../src/engine/kernels.ts';
import { createModel, type Model } from '../../src/engine/model.ts';
import {
  modelFileJson,
  modelToJson,
  parseModelFile,
  type SeriesPreparation,
} from '../../src/engine/modelfile.ts';
import { createRng } from '../../src/engine/rng.ts';
import { DEFAULT_SETTINGS } from '../../src/engine/settings.ts';
import { predictSeries } from '../../src/engine/tasks/series.ts';
import { prepareSeries, sinesSeries } from '../../src/engine/tasks/seriesData.ts';
import { buildVocab } from '../../src/engine/vocab.ts';
import { SeriesRun } from '../../src/worker/seriesRun.ts';

const dir = mkdtempSync(join(tmpdir(), 'unrolled-forward-series-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function runIn(args: readonly string[]) {
  let stdout = '';
  let stderr = '';
  const code = run(args, { out: (s) => (stdout += s), err: (s) => (stderr += s), errIsTTY: false });
  return { code, stdout, stderr };
}

interface SeriesJson {
  model: { kind: string; cell: string; hidden: number; layers: number; bidirectional: boolean };
  column: string;
  count: number;
  horizon: number;
  difference: boolean;
  mean: number;
  scale: number;
  loss: number;
  rmse: number;
  baselines: { key: string; label: string; loss: number; rmse: number }[];
  index: number[];
  actual: number[];
  predicted: number[];
  labels?: string[];
}

function forwardJson(args: readonly string[]): { json: SeriesJson; stderr: string } {
  const r = runIn(['forward', ...args]);
  expect(r.stderr.startsWith('unrolled:'), r.stderr).toBe(false);
  expect(r.code).toBe(0);
  return { json: JSON.parse(r.stdout) as SeriesJson, stderr: r.stderr };
}

/** |a − b| within 1e-12, relative to the size of b (absolute below 1). */
function expectClose(a: readonly number[], b: readonly number[], tol = 1e-12) {
  expect(a.length).toBe(b.length);
  a.forEach((v, k) => {
    const err = Math.abs(v - b[k]!) / Math.max(1, Math.abs(b[k]!));
    if (!(err <= tol)) expect.fail(`item ${k}: ${v} vs ${b[k]} (relative error ${err})`);
  });
}

const mean = (a: readonly number[]) => a.reduce((s, v) => s + v, 0) / a.length;

/** CSV text with a header; `columns` maps each name to its values (the rows are their index). */
function csvText(columns: Record<string, ArrayLike<number>>, dates = false): string {
  const names = Object.keys(columns);
  const n = columns[names[0]!]!.length;
  const rows = Array.from({ length: n }, (_, k) => {
    const cells = names.map((c) => String(columns[c]![k]));
    return (dates ? [`day ${k}`, ...cells] : cells).join(',');
  });
  return `${(dates ? ['date', ...names] : names).join(',')}\n${rows.join('\n')}\n`;
}

function writeCsv(name: string, columns: Record<string, ArrayLike<number>>, dates = false) {
  const file = join(dir, name);
  writeFileSync(file, csvText(columns, dates));
  return file;
}

const values = sinesSeries(150, { periods: [12, 30], amplitudes: [1, 0.4], noise: 0.05, seed: 7 });
const steps = Float64Array.from(values, (_, k) => k);
const other = Float64Array.from(values, (v) => -2 * v);

/** A fresh GRU reading one value and predicting one, with a hand-chosen preparation. */
function seriesModel(seed: number): Model {
  return createModel(
    {
      cell: 'gru',
      nonlinearity: 'tanh',
      hiddenSize: 5,
      numLayers: 2,
      bidirectional: false,
      input: 'dense',
      inputSize: 1,
      outputSize: 1,
      head: 'linear',
    },
    createRng(seed),
  );
}

function writeModel(name: string, model: Model, series?: SeriesPreparation) {
  const file = join(dir, name);
  const labels = { vocab: null, classes: null, task: 'series' };
  writeFileSync(
    file,
    JSON.stringify(modelFileJson(model, series ? { ...labels, series } : labels)),
  );
  return file;
}

/** The engine's predictions of values[h …] in their units, normalised by hand with mean, scale. */
function enginePredictions(model: Model, v: Float64Array, m: number, s: number, h: number) {
  const z = v.map((x) => (x - m) / s);
  return Array.from(predictSeries(model, z, 0, z.length, h), (p) => p * s + m);
}

describe('forward --series', () => {
  it('reads the CSV a trained model was trained on, as train --series prepared it', () => {
    const csv = writeCsv('sines.csv', { step: steps, level: values, other }, true);
    const out = join(dir, 'trained.json');
    const trained = runIn([
      'train',
      '--series',
      csv,
      '--column',
      'level',
      '--horizon',
      '3',
      '--hidden',
      '6',
      '--seq',
      '16',
      '--batch',
      '4',
      '--steps',
      '40',
      '--val',
      '0.2',
      '--out',
      out,
    ]);
    expect(trained.code).toBe(0);
    // The file says how the inputs were prepared: the training part's mean and scale.
    const loaded = parseModelFile(readFileSync(out, 'utf8'));
    const fitted = prepareSeries(values, 0.2);
    expect(loaded.series).toEqual({
      column: 'level',
      mean: fitted.mean,
      scale: fitted.scale,
      difference: false,
      horizon: 3,
    });
    // Without --column, the column it was trained on (not the first numeric one, "step").
    const { json, stderr } = forwardJson(['--model', out, '--series', csv]);
    expect(stderr).toBe('');
    expect(json).toMatchObject({
      model: { cell: 'lstm', hidden: 6, layers: 1, bidirectional: false },
      column: 'level',
      count: 150,
      horizon: 3,
      difference: false,
      mean: fitted.mean,
      scale: fitted.scale,
    });
    expect(json.model.kind).toMatch(/LSTM with real-valued input and a linear head/);
    // Each prediction sits beside the value it predicts: values 3 … 149.
    expect(json.index).toEqual(Array.from({ length: 147 }, (_, k) => k + 3));
    expect(json.actual).toEqual(json.index.map((k) => values[k]));
    expect(json.labels).toEqual(json.index.map((k) => `day ${k}`));
    expectClose(
      json.predicted,
      enginePredictions(loaded.model, values, fitted.mean, fitted.scale, 3),
    );
    // The loss is mean((ŷ − y)²) of the normalised values (no ½), the RMSE in the series' units.
    const squares = json.index.map(
      (_, k) => ((json.predicted[k]! - json.actual[k]!) / json.scale) ** 2,
    );
    expectClose([json.loss], [mean(squares)]);
    expectClose([json.rmse], [Math.sqrt(mean(squares)) * fitted.scale]);
    // The last value, 3 steps back, scored on the same values.
    const last = json.index.map((t) => ((values[t - 3]! - values[t]!) / fitted.scale) ** 2);
    expect(json.baselines).toHaveLength(1);
    expect(json.baselines[0]).toMatchObject({ key: 'persistence', label: 'last value' });
    expectClose([json.baselines[0]!.loss], [mean(last)]);
    expectClose([json.baselines[0]!.rmse], [Math.sqrt(mean(last)) * fitted.scale]);
    // --column reads another column, with the same preparation.
    const second = forwardJson(['--model', out, '--series', csv, '--column', 'other']).json;
    expect(second.column).toBe('other');
    expectClose(
      second.predicted,
      enginePredictions(loaded.model, other, fitted.mean, fitted.scale, 3),
    );
  });

  it('gives the Time series view’s predictions for a model it exported (changes learnt)', () => {
    const text = csvText({ level: values.map((v, k) => v + 0.02 * k) }, true);
    const csv = join(dir, 'trend.csv');
    writeFileSync(csv, text);
    const view = new SeriesRun(
      { progress: () => undefined, schedule: () => undefined, now: () => 0 },
      () => createCompute(),
    );
    view.load({
      spec: { kind: 'csv', name: 'trend', text },
      prep: { horizon: 1, difference: true, season: null, valFraction: 0.25 },
      settings: { ...DEFAULT_SETTINGS, cell: 'rnn', hiddenSize: 7, seqLen: 16, batchSize: 4 },
    });
    for (let k = 0; k < 5; k++) view.step();
    const file = join(dir, 'exported.json');
    writeFileSync(file, view.exportModel());
    const { predicted } = view.predict();
    const info = view.info();
    const { json } = forwardJson(['--model', file, '--series', csv]);
    expect(json).toMatchObject({
      difference: true,
      horizon: 1,
      mean: info.mean,
      scale: info.scale,
    });
    // Learning the changes, value t is predicted from values 0 … t − 1: from value 2 on.
    expect(json.index[0]).toBe(2);
    expect(Number.isNaN(predicted[1])).toBe(true);
    expectClose(
      json.predicted,
      json.index.map((k) => predicted[k]!),
    );
    expect(json.predicted.every(Number.isFinite)).toBe(true);
    const y = info.values;
    const squares = json.index.map((t, k) => ((json.predicted[k]! - y[t]!) / info.scale) ** 2);
    expectClose([json.loss], [mean(squares)]);
    // Last value: no change; last change: the change before, both in the changes' scale.
    const lastValue = json.index.map((t) => ((y[t - 1]! - y[t]!) / info.scale) ** 2);
    const lastChange = json.index.map(
      (t) => ((y[t - 1]! - y[t - 2]! - (y[t]! - y[t - 1]!)) / info.scale) ** 2,
    );
    expect(json.baselines.map((b) => b.key)).toEqual(['persistence', 'lastChange']);
    expectClose(
      json.baselines.map((b) => b.loss),
      [mean(lastValue), mean(lastChange)],
      1e-10,
    );
  });

  it('normalises a new file with the model’s stored mean and scale, never re-fitted', () => {
    const model = seriesModel(3);
    const prep = { column: 'level', mean: 0.3, scale: 0.8, difference: false, horizon: 2 };
    const file = writeModel('hand.json', model, prep);
    const shifted = values.map((v) => v + 5);
    const csv = writeCsv('shifted.csv', { step: steps, level: shifted });
    const { json } = forwardJson(['--model', file, '--series', csv]);
    expect(json).toMatchObject({ mean: 0.3, scale: 0.8, horizon: 2, column: 'level' });
    // The first column labels the values (here the step numbers), as the app shows them.
    expect(json.labels).toEqual(json.index.map(String));
    const stored = enginePredictions(model, shifted, 0.3, 0.8, 2);
    expectClose(json.predicted, stored);
    // Re-fitted on the shifted file, the inputs would be the same as the unshifted ones': the
    // predictions would move by the shift. They do not.
    const refit = prepareSeries(shifted, 0.2);
    const refitted = enginePredictions(model, shifted, refit.mean, refit.scale, 2);
    const apart = Math.max(...refitted.map((v, k) => Math.abs(v - json.predicted[k]!)));
    expect(apart).toBeGreaterThan(0.05);
    // The inputs far outside the training range: the squared error is large, as it should be.
    const plain = forwardJson([
      '--model',
      file,
      '--series',
      writeCsv('plain.csv', { step: steps, level: values }),
    ]).json;
    expect(json.loss).toBeGreaterThan(plain.loss);
  });

  it('reads the first numeric column, and says so, when the file lacks the model’s', () => {
    const file = writeModel('named.json', seriesModel(4), {
      column: 'temperature',
      mean: 0,
      scale: 1,
      difference: false,
      horizon: 1,
    });
    const csv = writeCsv('untitled.csv', { step: steps, level: values, other });
    const { json, stderr } = forwardJson(['--model', file, '--series', csv]);
    expect(json.column).toBe('level');
    expect(stderr).toBe(`${csv} has no column "temperature" (the model's): reading "level"\n`);
    // One prediction needs h + 1 values: 2 rows are enough for a one-step model.
    const two = writeCsv('two.csv', { level: values.subarray(0, 2) });
    const { json: one } = forwardJson(['--model', file, '--series', two]);
    expect(one.index).toEqual([1]);
    expectClose(one.predicted, enginePredictions(seriesModel(4), values.subarray(0, 2), 0, 1, 1));
    expectClose([one.loss], [(one.predicted[0]! - values[1]!) ** 2]);
  });
});

describe('forward --series refuses', () => {
  const csv = writeCsv('refuse.csv', { step: steps, level: values });
  const seriesFile = writeModel('refuse.json', seriesModel(5), {
    column: 'level',
    mean: 0,
    scale: 1,
    difference: false,
    horizon: 4,
  });
  const charFile = join(dir, 'chars.json');
  writeFileSync(charFile, JSON.stringify(modelToJson(charModel(), buildVocab('abc'))));
  const bare = writeModel('bare.json', seriesModel(6));

  function charModel(): Model {
    return createModel(
      {
        cell: 'rnn',
        nonlinearity: 'tanh',
        hiddenSize: 3,
        numLayers: 1,
        bidirectional: false,
        input: 'onehot',
        inputSize: 3,
        outputSize: 3,
        head: 'softmax',
      },
      createRng(1),
    );
  }

  const CASES: [string, string[], number, string | RegExp][] = [
    [
      'a character model given --series',
      ['--model', charFile, '--series', csv],
      2,
      `--series needs a time-series model; ${charFile} is not one (RNN with one-hot input and a 3-class softmax head: it reads --text)`,
    ],
    [
      'a series model given --text',
      ['--model', seriesFile, '--text', '1,2,3'],
      2,
      'a time-series model reads --series CSV [--column NAME] (or --values and --targets), not --text',
    ],
    [
      'a series model given --text and --targets',
      ['--model', seriesFile, '--text', 'ab', '--targets', '1,2'],
      2,
      /^a time-series model reads --series CSV/,
    ],
    [
      'a missing CSV',
      ['--model', seriesFile, '--series', join(dir, 'missing.csv')],
      1,
      `cannot read the series "${join(dir, 'missing.csv')}": no such file`,
    ],
    [
      'a folder for a CSV',
      ['--model', seriesFile, '--series', dir],
      1,
      `cannot read the series "${dir}": it is a directory`,
    ],
    [
      'a column not in the file',
      ['--model', seriesFile, '--series', csv, '--column', 'nope'],
      1,
      `${csv}: There is no column “nope”. The columns are: step, level.`,
    ],
    [
      'too few values for the horizon',
      ['--model', seriesFile, '--series', writeCsv('four.csv', { level: values.subarray(0, 4) })],
      1,
      `${join(dir, 'four.csv')}: The series has 4 values; at least 5 are needed for one prediction.`,
    ],
    [
      'a series model without its preparation',
      ['--model', bare, '--series', csv],
      1,
      /does not say how its inputs were prepared \(no config\.series/,
    ],
    [
      '--series with --values',
      ['--model', seriesFile, '--series', csv, '--values', '1'],
      2,
      'give --series or --values, not both',
    ],
    [
      '--column without --series',
      ['--model', seriesFile, '--values', '1', '--targets', '1', '--column', 'level'],
      2,
      '--column applies only with --series',
    ],
  ];

  it.each(CASES)('%s', (_, args, code, message) => {
    const r = runIn(['forward', ...args]);
    expect(r.stdout).toBe('');
    expect(r.code).toBe(code);
    if (typeof message === 'string') expect(r.stderr).toBe(`unrolled: ${message}\n`);
    else expect(r.stderr.replace(/^unrolled: /, '')).toMatch(message);
  });

  it('yet 5 values are enough for 4 steps ahead', () => {
    const five = writeCsv('five.csv', { level: values.subarray(0, 5) });
    const { json } = forwardJson(['--model', seriesFile, '--series', five]);
    expect(json.index).toEqual([4]);
  });
});
