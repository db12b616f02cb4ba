// The engine as the worker hosts it: one corpus, one model with its trainer and optimizer, the
// training loop (trainingLoop.ts) and the models the views name (viewModels.ts). Plain TypeScript
// over src/engine; the worker entry only routes messages here.

import { corpusBaselines } from '../engine/baselines.ts';
import { checkCorpus } from '../engine/corpus.ts';
import { splitTrainVal } from '../engine/data.ts';
import { generateIds } from '../engine/generate.ts';
import { cloneModel, createModel, namedTensors, type Model } from '../engine/model.ts';
import { parseModel, serializeModel } from '../engine/modelfile.ts';
import { createOptimizer, type Optimizer, type OptimizerState } from '../engine/optim.ts';
import { createRng } from '../engine/rng.ts';
import {
  clipConfigOf,
  differIn,
  modelConfigOf,
  optimizerConfigOf,
  validateSettings,
  type TrainSettings,
} from '../engine/settings.ts';
import { isTaskId, taskText } from '../engine/tasks.ts';
import { traceSequence, type Trace } from '../engine/trace.ts';
import {
  charSource,
  createTrainer,
  evaluateChars,
  type StepReport,
  type Trainer,
} from '../engine/trainer.ts';
import { decode, encode, encodeLenient, type Vocab } from '../engine/vocab.ts';
import type {
  CorpusInfo,
  ModelInfo,
  ModelSource,
  NeuronActivations,
  ProgressBatch,
  SampleRequest,
  WeightsSnapshot,
} from './protocol.ts';
import { neuronsOf, weightsOf } from './sessionViews.ts';
import { TrainingLoop } from './trainingLoop.ts';
import { describeModel, ViewModels, type ViewModel } from './viewModels.ts';

export { EVAL_CHARS, EVAL_EVERY_MS } from './trainingLoop.ts';
/** Length and temperature of the timeline samples. */
export const TIMELINE_CHARS = 160;
export const TIMELINE_TEMPERATURE = 0.8;

interface Corpus {
  readonly name: string;
  readonly vocab: Vocab;
  readonly train: Int32Array;
  readonly val: Int32Array;
  readonly length: number;
}

export interface SessionHooks {
  /** Called with a batch of step reports while training runs. */
  progress(batch: ProgressBatch): void;
  /** Schedules the next training slice (setTimeout in the worker and in tests). */
  schedule(fn: () => void): void;
  /** Milliseconds, monotonic. */
  now(): number;
}

export class EngineSession {
  private corpus: Corpus | null = null;
  private model: Model | null = null;
  private vocab: Vocab | null = null;
  private settings: TrainSettings | null = null;
  private trainer: Trainer | null = null;
  private optimizer: Optimizer | null = null;
  /** Steps taken before the current trainer was made (kept across restore, import, reload). */
  private stepBase = 0;
  private readonly loop: TrainingLoop;
  private readonly viewModels = new ViewModels();

  constructor(hooks: SessionHooks) {
    this.loop = new TrainingLoop(hooks, {
      trainer: () => this.requireTrainer(),
      model: () => this.model,
      stepBase: () => this.stepBase,
      currentStep: () => this.currentStep(),
      valLoss: (maxChars) => this.evaluate(maxChars),
      timelineSample: (step) => this.timelineSample(step),
    });
  }

  /** Checks and installs a training text. The current model and run are untouched on failure. */
  setCorpus(name: string, text: string, valFraction = 0.1): CorpusInfo {
    const checked = checkCorpus(text);
    const ids = encode(text, checked.vocab);
    const { train, val } = splitTrainVal(ids, valFraction);
    this.corpus = { name, vocab: checked.vocab, train, val, length: checked.length };
    return {
      name,
      length: checked.length,
      vocabSize: checked.vocab.chars.length,
      trainChars: train.length,
      valChars: val.length,
      baselines: corpusBaselines(train, val, checked.vocab.chars.length),
      valPreview: decode(val.subarray(0, 200), checked.vocab),
    };
  }

  /** Installs one of the generated texts by name (copy10, brackets, …). */
  setTask(name: string): CorpusInfo {
    if (!isTaskId(name)) throw new Error(`There is no generated text called "${name}".`);
    return this.setCorpus(name, taskText(name));
  }

  /** A fresh model for the current corpus (or for a given vocabulary when there is none). */
  create(settings: TrainSettings): ModelInfo {
    validateSettings(settings);
    const corpus = this.requireCorpus();
    const model = createModel(
      modelConfigOf(settings, corpus.vocab.chars.length),
      createRng(settings.seed),
      {
        recurrent: settings.init,
        ...(settings.gateBias !== null
          ? { forgetBias: settings.gateBias, updateBias: settings.gateBias }
          : {}),
      },
    );
    this.pause();
    this.install(model, corpus.vocab, settings);
    return this.info();
  }

  /**
   * Changes that keep the model: 'live' settings (learning rate, clipping) apply on the next step;
   * 'trainer' settings (sequence length, batch size, optimizer) give a new batcher and optimizer
   * state for the same weights and step.
   */
  setHyper(settings: TrainSettings): void {
    validateSettings(settings);
    const old = this.settings;
    this.settings = settings;
    if (this.optimizer) this.optimizer.lr = settings.lr;
    if (this.trainer) this.trainer.clip = clipConfigOf(settings);
    if (old && this.model && this.vocab && differIn(old, settings, 'trainer')) {
      const running = this.loop.isRunning;
      const step = this.currentStep();
      const { lastGood, lastGoodStep } = this.loop;
      this.pause();
      this.install(this.model, this.vocab, settings, step);
      this.loop.lastGood = lastGood;
      this.loop.lastGoodStep = lastGoodStep;
      if (running) this.train();
    }
  }

  /** Starts the training loop; reports arrive through hooks.progress. */
  train(): void {
    this.requireTrainer();
    this.loop.start();
  }

  /** Stops after the chunk in progress; returns the step count. */
  pause(): number {
    this.loop.stop();
    return this.currentStep();
  }

  get isRunning(): boolean {
    return this.loop.isRunning;
  }

  /** One step, reported like the training loop's. */
  step(): StepReport {
    return this.loop.step();
  }

  evaluate(maxChars = 20_000): number {
    const corpus = this.requireCorpus();
    return evaluateChars(this.requireModel(), corpus.val, { maxChars });
  }

  /** Forward and backward pass over a text (targets are the next characters). */
  trace(
    text: string,
    jacobians = false,
    source: ModelSource = { kind: 'training' },
  ): { trace: Trace; unknown: { position: number; char: string }[]; model: ModelInfo } {
    const { model, vocab } = this.resolve(source);
    const { ids, unknown } = encodeLenient(text, vocab);
    if (ids.length < 2) throw new Error('Type at least two characters to trace.');
    const step = source.kind === 'training' ? this.currentStep() : 0;
    return {
      trace: traceSequence(model, ids.slice(0, -1), ids.slice(1), { jacobians }),
      unknown,
      model: describeModel(model, vocab, step, false),
    };
  }

  /** The model a view names; file and fresh models are kept by key for the next request. */
  private resolve(source: ModelSource): ViewModel {
    if (source.kind === 'training') {
      return { model: this.requireModel(), vocab: this.requireVocab() };
    }
    return this.viewModels.resolve(source);
  }

  sample(req: SampleRequest): string {
    const vocab = this.requireVocab();
    const prime = encode(req.prime, vocab);
    const opts = req.greedy
      ? { greedy: true }
      : { temperature: req.temperature, ...(req.topK ? { topK: req.topK } : {}) };
    return decode(
      generateIds(this.requireModel(), prime, req.length, opts, createRng(req.seed)),
      vocab,
    );
  }

  exportModel(): string {
    return serializeModel(this.requireModel(), this.requireVocab());
  }

  /**
   * Loads a model file (at `step`, with the optimizer's state, when it resumes a run); on any
   * error in the file the model stays. An optimizer state that does not fit is ignored.
   */
  importModel(
    json: string,
    settings: TrainSettings,
    step = 0,
    optimizer: OptimizerState | null = null,
  ): ModelInfo {
    const { model, vocab } = parseModel(json);
    const merged: TrainSettings = {
      ...settings,
      cell: model.config.cell,
      nonlinearity: model.config.nonlinearity === 'relu' ? 'relu' : 'tanh',
      hiddenSize: model.config.hiddenSize,
      numLayers: model.config.numLayers,
    };
    validateSettings(merged);
    this.pause();
    this.install(model, vocab, merged, step);
    if (optimizer && this.optimizer) {
      try {
        this.optimizer.importState(optimizer);
      } catch {
        // A state from other settings: keep the fresh optimizer.
      }
    }
    return this.info();
  }

  /** W_ih and W_hh of every layer (copies). */
  weights(): WeightsSnapshot {
    return weightsOf(this.requireModel(), this.currentStep());
  }

  /** Unit activations of `layer` over the first `chars` characters of the validation text. */
  neurons(layer: number, chars: number): NeuronActivations {
    const corpus = this.requireCorpus();
    const vocab = this.requireVocab();
    if (corpus.vocab.chars.join('') !== vocab.chars.join(''))
      throw new Error('The model and the text have different characters.');
    const n = Math.max(2, Math.min(chars, 4000, corpus.val.length));
    const ids = corpus.val.slice(0, n);
    const text = Array.from(ids, (id) => vocab.chars[id]!);
    return neuronsOf(this.requireModel(), ids, text, layer, this.currentStep());
  }

  /** The model file, the step it was saved at and the optimizer's state. */
  snapshot(): { json: string; step: number; optimizer: OptimizerState | null } {
    return {
      json: this.exportModel(),
      step: this.currentStep(),
      optimizer: this.optimizer?.exportState() ?? null,
    };
  }

  /** Puts back the last checkpoint whose loss and gradients were finite. */
  restoreLastGood(): ModelInfo {
    const { lastGood, lastGoodStep } = this.loop;
    if (!lastGood || !this.vocab || !this.settings)
      throw new Error('There is no checkpoint to restore.');
    this.pause();
    const step = lastGoodStep;
    this.install(cloneModel(lastGood), this.vocab, this.settings, step);
    return this.info();
  }

  info(): ModelInfo {
    const trainable =
      this.corpus !== null && this.corpus.vocab.chars.join('') === this.vocab?.chars.join('');
    return describeModel(this.requireModel(), this.requireVocab(), this.currentStep(), trainable);
  }

  private currentStep(): number {
    return this.stepBase + (this.trainer?.stepCount ?? 0);
  }

  private install(model: Model, vocab: Vocab, settings: TrainSettings, step = 0): void {
    this.model = model;
    this.vocab = vocab;
    this.settings = settings;
    this.loop.reset(cloneModel(model), step);
    this.stepBase = step;
    const corpus = this.corpus;
    if (corpus && corpus.vocab.chars.join('') === vocab.chars.join('')) {
      this.optimizer = createOptimizer(
        optimizerConfigOf(settings),
        namedTensors(model).map((t) => t.data.length),
      );
      const B = Math.max(
        1,
        Math.min(settings.batchSize, Math.floor((corpus.train.length - 1) / settings.seqLen)),
      );
      this.trainer = createTrainer(
        model,
        charSource(corpus.train, B, settings.seqLen),
        this.optimizer,
        clipConfigOf(settings),
      );
    } else {
      this.optimizer = null;
      this.trainer = null;
    }
  }

  /** A sample for the timeline: fixed temperature and seed, so only the model differs. */
  private timelineSample(step: number): string {
    const vocab = this.requireVocab();
    const prime = vocab.index.has('\n') ? '\n' : '';
    return this.sample({
      prime,
      length: TIMELINE_CHARS,
      temperature: TIMELINE_TEMPERATURE,
      seed: (this.settings?.seed ?? 1) + step,
    });
  }

  private requireCorpus(): Corpus {
    if (!this.corpus) throw new Error('Choose a text to train on first.');
    return this.corpus;
  }
  private requireModel(): Model {
    if (!this.model) throw new Error('There is no model yet: create or load one first.');
    return this.model;
  }
  private requireVocab(): Vocab {
    if (!this.vocab) throw new Error('There is no model yet: create or load one first.');
    return this.vocab;
  }
  private requireTrainer(): Trainer {
    if (!this.trainer)
      throw new Error(
        'This model cannot train on the current text (its characters differ). Create a new model for it.',
      );
    return this.trainer;
  }
}
