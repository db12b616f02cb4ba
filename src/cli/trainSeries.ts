// `train --series FILE`: a model with real-valued input and a linear head on one numeric column
// of a CSV file (the time-series task: predict the value h steps ahead, squared error as PyTorch's
// MSELoss, the series normalised with its training part's mean and scale and split by time).
// The file is checked as the app checks it; a diverged run exits with code 1 and writes nothing.

import { createModel, parameterCount } from '../engine/model.ts';
import { modelFileJson } from '../engine/modelfile.ts';
import { createRng } from '../engine/rng.ts';
import {
  architectureOf,
  clipConfigOf,
  initOptionsOf,
  optimizerConfigOf,
  type TrainSettings,
} from '../engine/settings.ts';
import { createSeriesTask, seriesLabels } from '../engine/tasks/series.ts';
import { readSeriesCsv, SeriesCsvError } from '../engine/tasks/seriesCsv.ts';
import { modelConfigFor } from '../engine/tasks/task.ts';
import { createTrainer } from '../engine/trainer.ts';
import type { Io } from './io.ts';
import { CliError, type Flags } from './args.ts';
import { readText, writeText } from './files.ts';
import { createProgress, formatCount, formatDuration } from './progress.ts';

/** Validation positions scored for each loss. */
const EVAL_POSITIONS = 10_000;

export const seriesUsage = `  --series FILE              train on a series instead: one numeric column of a CSV file
                             with a header row (squared error, a linear head)
  --column NAME              the column to read (default: the first all-numeric one)
  --horizon H                predict H steps ahead, 1–50 (default 1)
  --season M                 also score the "value one season back" baseline, e.g. 12
  --difference               learn the changes y(t) − y(t−1), one step ahead (for a trend)`;

export const SERIES_FLAGS = ['series', 'column', 'horizon', 'season'];
export const SERIES_SWITCHES = ['difference'];

export function trainSeries(
  f: Flags,
  settings: TrainSettings,
  run: { out: string; steps: number; valFraction: number; evalEvery: number; digits?: number },
  io: Io,
): void {
  const path = f.required('series', 'FILE');
  const horizon = f.int('horizon', 1, 50, 1);
  const season = f.has('season') ? f.int('season', 2, 10_000, 12) : null;
  if (run.valFraction <= 0) throw new CliError('a series needs a validation part: --val above 0');
  let csv;
  try {
    csv = readSeriesCsv(readText(path, 'series'), f.string('column'));
  } catch (e) {
    if (e instanceof SeriesCsvError) throw new CliError(`${path}: ${e.message}`);
    throw e;
  }
  const task = createSeriesTask({
    name: `${path}:${csv.column}`,
    values: csv.values,
    valFraction: run.valFraction,
    horizon,
    season,
    difference: f.has('difference'),
  });
  const model = createModel(
    modelConfigFor(task, architectureOf(settings)),
    createRng(settings.seed),
    initOptionsOf(settings),
    io.compute,
  );
  const trainer = createTrainer(
    model,
    task.source(settings.batchSize, settings.seqLen),
    optimizerConfigOf(settings),
    clipConfigOf(settings),
  );
  const { cut, z } = task.prepared;
  const name = `${settings.numLayers}-layer ${settings.cell.toUpperCase()}`;
  io.err(
    `Training a ${name} (hidden ${settings.hiddenSize}, ${formatCount(parameterCount(model))} ` +
      `parameters) on "${csv.column}": ${formatCount(cut)} training + ${formatCount(z.length - cut)} ` +
      `validation values, predicting ${horizon} step${horizon === 1 ? '' : 's'} ahead.\n`,
  );
  const progress = createProgress({ total: run.steps, tty: io.errIsTTY, write: (s) => io.err(s) });
  for (let k = 0; k < run.steps; k++) {
    const r = trainer.step();
    if (task.diverged(r.loss, r.finite)) {
      progress.finish();
      throw new CliError(
        `training diverged at step ${r.step} (loss ${r.loss}, gradient norm ${r.gradNormBefore}); ` +
          `no model written: try a lower --lr or --clip`,
      );
    }
    const evaluate = run.evalEvery > 0 && r.step % run.evalEvery === 0;
    progress.update(
      r.step,
      r.loss,
      r.chars,
      evaluate ? task.evaluate(model, EVAL_POSITIONS) : undefined,
    );
  }
  progress.finish();
  // The file says how the inputs were prepared, so `forward --series` reads a CSV as they were.
  const json = modelFileJson(
    model,
    seriesLabels(task, csv.column),
    run.digits === undefined ? {} : { digits: run.digits },
  );
  const file = `${JSON.stringify(json)}\n`;
  writeText(run.out, file);
  const val = task.evaluate(model, EVAL_POSITIONS);
  const metrics = task.metrics(model, EVAL_POSITIONS);
  const lines = [
    `Trained a ${name} for ${formatCount(run.steps)} steps in ${formatDuration(progress.elapsed)}.`,
    `  val MSE    ${val.toFixed(5)} (normalised values; PyTorch's MSELoss, no ½)`,
    ...task.baselines.map((b) => `  ${b.label.padEnd(10)} ${b.value.toFixed(5)}`),
    ...metrics.map((m) => `  ${m.label}: ${m.value.toPrecision(4)}`),
    `Wrote ${run.out} (${formatCount(Buffer.byteLength(file) / 1024)} KB).`,
  ];
  io.out(`${lines.join('\n')}\n`);
}
