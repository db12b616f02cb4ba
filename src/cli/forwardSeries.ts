// `forward --series FILE`: a time-series model over one numeric column of a CSV file, prepared as
// its model file says (config.series: the training part's mean and scale, values or changes, the
// horizon), never re-fitted on the new file. It prints one JSON object: the loss the engine trains
// with (mean squared error of the normalised values, PyTorch's MSELoss, no ½), the RMSE in the
// series' units, the last-value baselines, and each prediction beside the value it predicts, as
// the Time series view shows them (docs/beyond-characters.md §3).

import { withCompute } from '../engine/model.ts';
import { describeKind, type LoadedModel } from '../engine/modelfile.ts';
import { persistenceBaselines, predictionMse } from '../engine/tasks/series.ts';
import { readSeriesCsv, SeriesCsvError, type SeriesCsv } from '../engine/tasks/seriesCsv.ts';
import { predictValues, seriesInputs } from '../engine/tasks/seriesPredictions.ts';
import type { Io } from './io.ts';
import { CliError, UsageError, type Flags } from './args.ts';
import { loadAnyModelFile, readText } from './files.ts';

export const forwardSeriesUsage = `A time-series model (train --series, or the app's Time series view) reads --series CSV: one
numeric column of a CSV file with a header row (--column NAME; by default the column the model
was trained on, else the first numeric one). The values, or their changes, are normalised with the
mean and scale stored in the model file (never re-fitted on CSV) and read in windows of 64 from
a zero state, as the app reads a series. It prints one JSON object:
  model       kind, cell, hidden, layers, bidirectional
  column, count, horizon, difference, mean, scale   what was read and how it was prepared
  loss        mean squared error of the normalised values, mean((ŷ − y)²) (PyTorch's MSELoss)
  rmse        √loss · scale, in the series' units
  baselines   [{key, label, loss, rmse}]: the last value (and, for changes, the last change)
  index, actual, predicted   each predicted value: its row (0 = first value), the value and the
              prediction in the series' units (labels: the first column's text, when another column is read)`;

/** Was this model trained on a series (with or without its preparation in the file)? */
export function isSeriesModel(loaded: LoadedModel): boolean {
  return loaded.series !== undefined || loaded.task === 'series';
}

/** One CSV column read as the model's preparation asks, with the reader's own messages. */
function readColumn(path: string, column: string | undefined, prefer: string, need: number) {
  try {
    return readSeriesCsv(readText(path, 'series'), column, {
      prefer,
      min: { count: need, purpose: 'for one prediction' },
    });
  } catch (e) {
    if (e instanceof SeriesCsvError) throw new CliError(`${path}: ${e.message}`);
    throw e;
  }
}

export function forwardSeries(f: Flags, path: string, io: Io): void {
  for (const flag of ['text', 'values', 'targets'])
    if (f.has(flag)) throw new UsageError(`give --series or --${flag}, not both`);
  const csvPath = f.required('series', 'FILE');
  const loaded = loadAnyModelFile(path);
  const prep = loaded.series;
  if (prep === undefined) {
    if (isSeriesModel(loaded))
      throw new CliError(
        `${path} does not say how its inputs were prepared (no config.series: the mean and scale), ` +
          `so it cannot read a CSV; give it normalised --values and --targets`,
      );
    throw new UsageError(
      `--series needs a time-series model; ${path} is not one ` +
        `(${describeKind(loaded.model.config)}: it reads --text)`,
    );
  }
  const h = prep.horizon;
  // One prediction needs h + 1 values; changes need one more (the first value has none).
  const need = h + 1 + (prep.difference ? 1 : 0);
  const csv: SeriesCsv = readColumn(csvPath, f.string('column'), prep.column, need);
  if (!f.has('column') && csv.column !== prep.column)
    io.err(`${csvPath} has no column "${prep.column}" (the model's): reading "${csv.column}"\n`);
  const model = io.compute ? withCompute(loaded.model, io.compute) : loaded.model;
  const z = seriesInputs(csv.values, prep);
  const { out, predicted } = predictValues(model, csv.values, z, prep);
  const loss = predictionMse(out, z, 0, h);
  const rmse = (mse: number) => Math.sqrt(mse) * prep.scale;
  // The first value predicted: h steps after the first input (which, for changes, is value 1).
  const first = h + (prep.difference ? 1 : 0);
  const index = Array.from({ length: csv.values.length - first }, (_, k) => first + k);
  const { config } = loaded.model;
  const result = {
    model: {
      kind: describeKind(config),
      cell: config.cell,
      hidden: config.hiddenSize,
      layers: config.numLayers,
      bidirectional: config.bidirectional,
    },
    column: csv.column,
    count: csv.values.length,
    horizon: h,
    difference: prep.difference,
    mean: prep.mean,
    scale: prep.scale,
    loss,
    rmse: rmse(loss),
    baselines: persistenceBaselines(z, 0, z.length, h, prep).map((b) => ({
      key: b.key,
      label: b.label,
      loss: b.value,
      rmse: rmse(b.value),
    })),
    index,
    actual: index.map((k) => csv.values[k]!),
    predicted: index.map((k) => predicted[k]!),
    ...(csv.labels ? { labels: index.map((k) => csv.labels![k]!) } : {}),
  };
  io.out(`${JSON.stringify(result)}\n`);
}
