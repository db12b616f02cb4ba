// The Time series view's run as the worker hosts it, beside the character session: one series
// task (a shipped or own CSV, or a synthetic series, prepared as the page asks), one model with
// its trainer, and the same training loop as the Training view (slices, progress batches,
// validation, divergence). Its models are its own: the character session's are untouched.

import type { Compute } from '../engine/kernels.ts';
import {
  cloneModel,
  createModel,
  parameterCount,
  withCompute,
  type Model,
} from '../engine/model.ts';
import { modelFileJson, parseModelFile, type ModelLabels } from '../engine/modelfile.ts';
import type { OptimizerState } from '../engine/optim.ts';
import { Problem } from '../engine/problem.ts';
import { pytorchScriptFor } from '../engine/pytorch.ts';
import { createRng } from '../engine/rng.ts';
import {
  architectureOf,
  clipConfigOf,
  initOptionsOf,
  optimizerConfigOf,
  settingsNamed,
  validateSettings,
  type TrainSettings,
} from '../engine/settings.ts';
import { stepFlops } from '../engine/stepCost.ts';
import { hiddenOverSeries, seriesLabels, type SeriesTask } from '../engine/tasks/series.ts';
import { forecastErrors } from '../engine/tasks/seriesForecast.ts';
import { predictValues } from '../engine/tasks/seriesPredictions.ts';
import { seriesTaskOf, seriesValues, type SeriesValues } from '../engine/tasks/seriesSources.ts';
import { modelConfigFor } from '../engine/tasks/task.ts';
import { createTrainer, type Trainer } from '../engine/trainer.ts';
import type { SessionHooks } from './hooks.ts';
import type {
  ModelInfo,
  SeriesInfo,
  SeriesLoad,
  SeriesPrediction,
  SeriesTraced,
} from './protocol.ts';
import { seriesTraced } from './seriesTrace.ts';
import { TrainingLoop } from './trainingLoop.ts';

/** How many of the last positions the view shows the hidden state for. */
const HIDDEN_SHOWN = 240;

interface Current {
  readonly source: SeriesValues;
  readonly task: SeriesTask;
  readonly difference: boolean;
  readonly settings: TrainSettings;
  readonly model: Model;
  readonly trainer: Trainer;
  /** Steps taken before this trainer was made (a run put back to its best model goes on). */
  readonly stepBase: number;
}

/** The model with the lowest validation loss measured so far in this run. */
interface Best {
  readonly model: Model;
  readonly step: number;
  readonly loss: number;
}

/** A trainer of `model` on the task's windows, with a fresh optimizer state. */
function trainerFor(task: SeriesTask, settings: TrainSettings, model: Model): Trainer {
  return createTrainer(
    model,
    task.source(settings.batchSize, settings.seqLen),
    optimizerConfigOf(settings),
    clipConfigOf(settings),
  );
}

export class SeriesRun {
  private current: Current | null = null;
  private best: Best | null = null;
  private readonly loop: TrainingLoop;
  /** Counts the series loaded: a saved run read meanwhile is not put onto another one. */
  private loads = 0;

  constructor(
    hooks: Pick<SessionHooks, 'progress' | 'schedule' | 'now'>,
    private readonly compute: () => Compute,
  ) {
    this.loop = new TrainingLoop(hooks, {
      snapshot: cloneModel,
      trainer: () => this.require().trainer,
      model: () => this.current?.model ?? null,
      stepBase: () => this.current?.stepBase ?? 0,
      currentStep: () => this.currentStep(),
      valLoss: (positions) => this.validate(positions),
      valMetrics: (positions) => this.require().task.metrics(this.require().model, positions),
      diverged: (loss, finite) => this.current?.task.diverged(loss, finite) ?? !finite,
      timelineSample: () => '',
      stepFlops: () => {
        const c = this.current;
        return c ? stepFlops(c.model.config, c.settings.batchSize, c.settings.seqLen) : 0;
      },
    });
  }

  /**
   * Reads the source, prepares the series and makes a fresh model for it. On a bad source or
   * settings it throws, and the current series and model stay.
   */
  load(request: SeriesLoad): SeriesInfo {
    validateSettings(request.settings);
    const source = seriesValues(request.spec);
    const task = seriesTaskOf(request.spec.name, source.values, request.prep);
    const { settings } = request;
    const model = createModel(
      modelConfigFor(task, architectureOf(settings)),
      createRng(settings.seed),
      initOptionsOf(settings),
      this.compute(),
    );
    const trainer = trainerFor(task, settings, model);
    this.pause();
    this.current = {
      source,
      task,
      difference: request.prep.difference,
      settings,
      model,
      trainer,
      stepBase: 0,
    };
    this.best = null;
    this.loads += 1;
    this.loop.reset(cloneModel(model), 0);
    return this.info();
  }

  /**
   * Puts back the model with the lowest validation loss so far (early stopping, chosen by the
   * learner), at its step, with a fresh optimizer state; training goes on from there.
   */
  restoreBest(): SeriesInfo {
    const c = this.require();
    const best = this.best;
    if (best === null) throw new Problem('run.noValidationLoss');
    this.pause();
    const model = cloneModel(best.model);
    const trainer = trainerFor(c.task, c.settings, model);
    this.current = { ...c, model, trainer, stepBase: best.step };
    this.loop.reset(cloneModel(model), best.step);
    return this.info();
  }

  /**
   * Changes how the model trains (learning rate, window length T, batch size) and goes on from
   * the same model, step and optimizer state; on bad settings it throws and nothing changes.
   */
  setHyper(settings: TrainSettings): SeriesInfo {
    validateSettings(settings);
    const c = this.require();
    const changed = (['cell', 'hiddenSize', 'numLayers', 'seed', 'optimizer'] as const).filter(
      (k) => settings[k] !== c.settings[k],
    );
    if (changed.length > 0)
      throw new Problem('run.needNewModel', { settings: settingsNamed(changed) });
    const source = c.task.source(settings.batchSize, settings.seqLen);
    this.loop.changeWhileRunning(() => {
      const step = this.currentStep();
      const optimizer = c.trainer.optimizer;
      optimizer.lr = settings.lr;
      const trainer = createTrainer(c.model, source, optimizer, clipConfigOf(settings));
      this.current = { ...c, settings, trainer, stepBase: step };
    });
    return this.info();
  }

  /**
   * After a divergence: the last good model (kept every 50 steps) at its step, with a fresh
   * optimizer state; the run goes on from there.
   */
  restoreLastGood(): SeriesInfo {
    const c = this.require();
    const { lastGood, lastGoodStep } = this.loop;
    if (lastGood === null) throw new Problem('run.noEarlierModel');
    this.pause();
    const model = cloneModel(lastGood);
    const trainer = trainerFor(c.task, c.settings, model);
    this.current = { ...c, model, trainer, stepBase: lastGoodStep };
    if (this.best !== null && this.best.step > lastGoodStep) this.best = null;
    this.loop.reset(cloneModel(model), lastGoodStep);
    return this.info();
  }

  /** How many series have been loaded (see `loads`). */
  get loadCount(): number {
    return this.loads;
  }

  /** The run as an autosave keeps it: the model file, its step and the optimizer's state. */
  snapshot(): { model: string; step: number; optimizer: OptimizerState } {
    const c = this.require();
    return {
      model: this.exportModel(),
      step: this.currentStep(),
      optimizer: c.trainer.optimizer.exportState(),
    };
  }

  /**
   * Puts a saved run back onto the series loaded now (made from the same choices): its model at
   * its step, with its optimizer state. A model of another shape throws, and nothing changes.
   */
  resume(saved: { model: string; step: number; optimizer: OptimizerState | null }): SeriesInfo {
    const c = this.require();
    const loaded = withCompute(parseModelFile(saved.model).model, this.compute());
    const a = loaded.config as unknown as Record<string, unknown>;
    const b = c.model.config as unknown as Record<string, unknown>;
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    if ([...keys].some((k) => a[k] !== b[k])) throw new Problem('run.savedSeriesMismatch');
    this.pause();
    const trainer = trainerFor(c.task, c.settings, loaded);
    if (saved.optimizer !== null) trainer.optimizer.importState(saved.optimizer);
    this.current = { ...c, model: loaded, trainer, stepBase: saved.step };
    this.best = null;
    this.loop.reset(cloneModel(loaded), saved.step);
    return this.info();
  }

  private currentStep(): number {
    const c = this.current;
    return c === null ? 0 : c.stepBase + c.trainer.stepCount;
  }

  /** The validation loss, remembering the model that scored best. */
  private validate(positions: number): number {
    const c = this.require();
    const loss = c.task.evaluate(c.model, positions);
    if (Number.isFinite(loss) && (this.best === null || loss < this.best.loss))
      this.best = { model: cloneModel(c.model), step: this.currentStep(), loss };
    return loss;
  }

  train(): void {
    this.require();
    this.loop.start();
  }

  /** Stops after the slice in progress; returns the step count. */
  pause(): number {
    this.loop.stop();
    return this.currentStep();
  }

  /** One training step, reported like the loop's; returns the step count. */
  step(): number {
    return this.loop.step().step;
  }

  info(): SeriesInfo {
    const { source, task, difference, model } = this.require();
    const { cut, mean, scale, z } = task.prepared;
    return {
      name: task.name,
      column: source.column,
      columns: source.columns,
      values: source.values.slice(),
      labels: source.labels,
      // Learning the changes, change k is value k + 1 minus value k.
      firstValidation: cut + (difference ? 1 : 0),
      trainCount: cut,
      valCount: z.length - cut,
      mean,
      scale,
      difference,
      horizon: task.horizon,
      baselines: task.baselines,
      lossUnit: task.lossUnit,
      parameters: parameterCount(model),
      step: this.currentStep(),
      best: this.best === null ? null : { step: this.best.step, loss: this.best.loss },
    };
  }

  /**
   * The model's prediction of every value it can predict, in the series' units (NaN where it
   * makes none): ŷ_{t+h} from x_0 … x_t, windows of the task's evaluation length.
   */
  predict(): SeriesPrediction {
    const { source, task, difference, model } = this.require();
    const { z, mean, scale } = task.prepared;
    const h = task.horizon;
    const y = source.values;
    const { predicted } = predictValues(model, y, z, { mean, scale, difference, horizon: h });
    const forecast = h === 1 ? forecastErrors(model, task, y, difference) : null;
    // The state over the last HIDDEN_SHOWN positions; z position p is read with value p + offset.
    const offset = difference ? 1 : 0;
    const from = Math.max(0, z.length - HIDDEN_SHOWN);
    const hidden = { ...hiddenOverSeries(model, z, from, z.length), from: from + offset };
    return { predicted, step: this.currentStep(), forecast, hidden };
  }

  /** The current model traced over the first window of validation (null: no series yet). */
  traceWindow(): (SeriesTraced & { model: ModelInfo }) | null {
    const c = this.current;
    if (c === null) return null;
    return seriesTraced(c.model, c.task, c.source, c.difference, this.currentStep());
  }

  /**
   * The current model's file (JSON text, every bit of every weight), with how its inputs are
   * prepared: the training part's mean and scale, values or changes, the horizon, the column.
   */
  exportModel(): string {
    const { model } = this.require();
    return JSON.stringify(modelFileJson(model, this.labels()));
  }

  /** A PyTorch script for the current model that normalises a CSV as the model file says. */
  exportScript(): string {
    return pytorchScriptFor(this.require().model, this.labels());
  }

  /** The model file's labels for the current model: the task's, and the series' preparation. */
  private labels(): ModelLabels {
    const { source, task } = this.require();
    return seriesLabels(task, source.column);
  }

  private require(): Current {
    if (this.current === null) throw new Problem('run.noSeries');
    return this.current;
  }
}
