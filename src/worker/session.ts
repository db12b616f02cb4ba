// The engine as the worker hosts it: one task (its data, loss, metrics and samples), one model with
// its trainer and optimizer, the training loop (trainingLoop.ts) and the models the views name
// (viewModels.ts). Plain TypeScript over src/engine; the worker entry only routes messages here.

import { generateIds } from '../engine/generate.ts';
import { createCompute, type Compute, type Kernel } from '../engine/kernels.ts';
import { cloneModel, createModel, namedTensors, withCompute, type Model } from '../engine/model.ts';
import { ModelFileError, parseModel, serializeModel } from '../engine/modelfile.ts';
import { LARGEST_MODEL_FILE_BYTES } from '../engine/modelfileSize.ts';
import { createOptimizer, type Optimizer, type OptimizerState } from '../engine/optim.ts';
import { Problem } from '../engine/problem.ts';
import { createRng } from '../engine/rng.ts';
import {
  clipConfigOf,
  architectureOf,
  differIn,
  initOptionsOf,
  optimizerConfigOf,
  validateSettings,
  type TrainSettings,
} from '../engine/settings.ts';
import type { CharTask } from '../engine/tasks/chars.ts';
import { generatedTask, textTask } from '../engine/tasks/registry.ts';
import { fitsTask, modelConfigFor } from '../engine/tasks/task.ts';
import { backwardAt, type BackwardAt } from '../engine/backwardTrace.ts';
import { finiteDifference, type FiniteDifference } from '../engine/gradCheck.ts';
import { lossAndGradients, zeroGrads, type Batch } from '../engine/network.ts';
import { traceSequence, type Trace } from '../engine/trace.ts';
import { stepFlops } from '../engine/stepCost.ts';
import { createTrainer, type StepReport, type Trainer } from '../engine/trainer.ts';
import { decode, encode, type Vocab } from '../engine/vocab.ts';
import type { SessionHooks } from './hooks.ts';
import type {
  CorpusInfo,
  ModelInfo,
  ModelSource,
  TaggedText,
  NeuronActivations,
  SampleRequest,
  WeightsSnapshot,
} from './protocol.ts';
import { neuronsOf, weightsOf } from './sessionViews.ts';
import { COPY_RACE_KIND } from '../engine/copyRace.ts';
import type { RaceSettings } from './protocol.ts';
import { RaceLoop } from './raceLoop.ts';
import { TagRun } from './tagRun.ts';
import { SeriesRun } from './seriesRun.ts';
import { AttentionRun } from './attentionRun.ts';
import { TrainingLoop } from './trainingLoop.ts';
import { describeModel, readText, ViewModels, type ViewModel } from './viewModels.ts';

export { EVAL_CHARS, EVAL_EVERY_MS } from './trainingLoop.ts';
export class EngineSession {
  /** What the session's models compute with: the WebAssembly kernel once installed, else plain JS. */
  private compute: Compute = createCompute();
  private task: CharTask | null = null;
  private model: Model | null = null;
  private vocab: Vocab | null = null;
  private settings: TrainSettings | null = null;
  private trainer: Trainer | null = null;
  private optimizer: Optimizer | null = null;
  /** Steps taken before the current trainer was made (kept across restore, import, reload). */
  private stepBase = 0;
  private readonly loop: TrainingLoop;
  private readonly viewModels = new ViewModels(() => this.compute);
  /** The model file last checked (`checkModelFile`), held for the import that follows it. */
  private checked: { key: number; parsed: { model: Model; vocab: Vocab } } | null = null;
  private checkedCount = 0;
  /** The Gradient flow view's race of a plain RNN against an LSTM (its own two models). */
  readonly race: RaceLoop<RaceSettings>;
  /** The Tagging view's race of a forward-only model against a bidirectional one. */
  readonly tagRace: TagRun;
  /** The Time series view's run (its own task and model). */
  readonly series: SeriesRun;
  /** The Attention view's run (its own task and encoder–decoder). */
  readonly attention: AttentionRun;

  /**
   * Computes with `kernel` from now on: the models created or loaded afterwards use it (the worker
   * compiles it before it handles the first message). The numbers are the same, bit for bit.
   */
  useKernel(kernel: Kernel | null): void {
    this.compute = createCompute(kernel);
  }

  /** Whether the session computes with the WebAssembly kernel. */
  get kernel(): boolean {
    return this.compute.kernel !== null;
  }

  /** The session's Compute, for the experiments the worker runs beside it. */
  get computeWith(): Compute {
    return this.compute;
  }

  constructor(hooks: SessionHooks) {
    this.loop = new TrainingLoop(hooks, {
      snapshot: cloneModel,
      trainer: () => this.requireTrainer(),
      model: () => this.model,
      stepBase: () => this.stepBase,
      currentStep: () => this.currentStep(),
      valLoss: (maxChars) => this.evaluate(maxChars),
      valMetrics: (maxChars) => this.task?.metrics(this.requireModel(), maxChars) ?? [],
      diverged: (loss, finite) => this.task?.diverged(loss, finite) ?? !finite,
      timelineSample: (step) => this.timelineSample(step),
      stepFlops: () =>
        this.model && this.settings
          ? stepFlops(this.model.config, this.settings.batchSize, this.settings.seqLen)
          : 0,
    });
    this.race = new RaceLoop(
      {
        progress: (p) => hooks.raceProgress?.(p),
        schedule: (fn) => hooks.schedule(fn),
        now: () => hooks.now(),
        compute: () => this.compute,
      },
      COPY_RACE_KIND,
    );
    this.tagRace = new TagRun({
      progress: (p) => hooks.tagRaceProgress?.(p),
      schedule: (fn) => hooks.schedule(fn),
      now: () => hooks.now(),
      compute: () => this.compute,
    });
    this.series = new SeriesRun(
      {
        progress: (batch) => hooks.seriesProgress?.(batch),
        schedule: (fn) => hooks.schedule(fn),
        now: () => hooks.now(),
      },
      () => this.compute,
    );
    this.attention = new AttentionRun(
      {
        progress: (batch, run) => hooks.attentionProgress?.(batch, run),
        schedule: (fn) => hooks.schedule(fn),
        now: () => hooks.now(),
      },
      () => this.compute,
    );
  }

  /** Checks and installs a training text. The current model and run are untouched on failure. */
  setCorpus(name: string, text: string, valFraction = 0.1): CorpusInfo {
    return this.setTaskOf(textTask(name, text, valFraction));
  }

  /** Installs one of the generated texts by name (copy10, brackets, …). */
  setTask(name: string): CorpusInfo {
    return this.setTaskOf(generatedTask(name));
  }

  private setTaskOf(task: CharTask): CorpusInfo {
    this.task = task;
    const b = (key: string) => task.baselines.find((x) => x.key === key)!.value;
    return {
      name: task.name,
      length: task.length,
      vocabSize: task.vocab.chars.length,
      trainChars: task.train.length,
      valChars: task.val.length,
      baselines: { uniform: b('uniform'), unigram: b('unigram'), bigram: b('bigram') },
      valPreview: task.valPreview,
    };
  }

  /** A fresh model for the current task. */
  create(settings: TrainSettings): ModelInfo {
    validateSettings(settings);
    const task = this.requireTask();
    const model = createModel(
      modelConfigFor(task, architectureOf(settings)),
      createRng(settings.seed),
      initOptionsOf(settings),
      this.compute,
    );
    this.pause();
    this.install(model, task.vocab, settings);
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
    const { model, vocab } = this;
    if (old && model && vocab && differIn(old, settings, 'trainer')) {
      this.loop.changeWhileRunning(() => {
        const step = this.currentStep();
        const { lastGood, lastGoodStep } = this.loop;
        this.install(model, vocab, settings, step);
        this.loop.lastGood = lastGood;
        this.loop.lastGoodStep = lastGoodStep;
      });
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
    return this.requireTask().evaluate(this.requireModel(), maxChars);
  }

  /**
   * Forward and backward pass over a text (targets are the next characters; a tagger's are the
   * tags of the text as its task reads it, viewModels.ts `readText`).
   */
  trace(
    text: string,
    jacobians = false,
    source: ModelSource = { kind: 'training' },
  ): {
    trace: Trace;
    unknown: { position: number; char: string }[];
    model: ModelInfo;
    tagged?: TaggedText;
  } {
    const entry = this.resolve(source);
    const { model, vocab } = entry;
    const { ids, targets, unknown, tagged } = readText(entry, text);
    const step = source.kind === 'training' ? this.currentStep() : 0;
    return {
      trace: traceSequence(model, ids, targets, { jacobians }),
      unknown,
      model: describeModel(model, vocab, step, false, entry.tagger),
      ...(tagged !== undefined ? { tagged } : {}),
    };
  }

  /**
   * The backward pass over a view's text stopped at step t (engine/backwardTrace.ts): the two
   * arrivals of dL/dh_t, the step's own gradients and the running sums, for every layer.
   */
  backwardAt(text: string, t: number, source: ModelSource = { kind: 'training' }): BackwardAt {
    const entry = this.resolve(source);
    const { ids, targets } = readText(entry, text);
    return backwardAt(entry.model, oneSequence(ids, targets), t);
  }

  /**
   * One weight's gradient checked by central differences on the view's text, next to the
   * backward pass's value (the weight is put back as it was).
   */
  gradCheck(
    text: string,
    tensor: string,
    index: number,
    source: ModelSource = { kind: 'training' },
  ): { check: FiniteDifference; engine: number } {
    const entry = this.resolve(source);
    const { ids, targets } = readText(entry, text);
    const batch = oneSequence(ids, targets);
    const check = finiteDifference(entry.model, batch, tensor, index);
    const grads = zeroGrads(entry.model);
    lossAndGradients(entry.model, grads, batch, null);
    const engine = namedTensors(grads).find((g) => g.name === tensor)!.data[index]!;
    return { check, engine };
  }

  /** Reads what a view's model needs before `trace` can name it (an autosaved run's model). */
  async prepare(source: ModelSource | undefined): Promise<void> {
    if (source?.kind === 'autosave') await this.viewModels.loadAutosave(source);
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
   * Reads and checks a model file the learner chose (here, off the page's thread: a file of the
   * largest model is hundreds of MB of text) and holds the parsed model for the import that
   * follows; returns the key that import names. Throws ModelFileError for a file that is too big
   * or fails any check. Only the last file checked is held.
   */
  async checkModelFile(file: Blob): Promise<number> {
    this.checked = null;
    if (file.size > LARGEST_MODEL_FILE_BYTES) {
      throw new ModelFileError('modelFile.tooBig');
    }
    const parsed = parseModel(await file.text());
    this.checkedCount += 1;
    this.checked = { key: this.checkedCount, parsed };
    return this.checkedCount;
  }

  /**
   * Loads a model file, its text or the one last checked (at `step`, with the optimizer's state,
   * when it resumes a run); on any error in the file the model stays. An optimizer state that does
   * not fit is ignored.
   */
  importModel(
    file: string | { checked: number },
    settings: TrainSettings,
    step = 0,
    optimizer: OptimizerState | null = null,
  ): ModelInfo {
    const parsed = typeof file === 'string' ? parseModel(file) : this.takeChecked(file.checked);
    const model = withCompute(parsed.model, this.compute);
    const vocab = parsed.vocab;
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

  private takeChecked(key: number): { model: Model; vocab: Vocab } {
    const checked = this.checked;
    if (checked?.key !== key) throw new Problem('run.fileNotHeld');
    this.checked = null;
    return checked.parsed;
  }

  /** W_ih and W_hh of every layer (copies). */
  weights(): WeightsSnapshot {
    return weightsOf(this.requireModel(), this.currentStep());
  }

  /** Unit activations of `layer` over the first `chars` characters of the validation text. */
  neurons(layer: number, chars: number): NeuronActivations {
    const task = this.requireTask();
    const vocab = this.requireVocab();
    if (!this.fits()) throw new Problem('run.charactersDiffer');
    const n = Math.max(2, Math.min(chars, 4000, task.val.length));
    const ids = task.val.slice(0, n);
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
    if (!lastGood || !this.vocab || !this.settings) throw new Problem('run.noCheckpoint');
    this.pause();
    const step = lastGoodStep;
    this.install(cloneModel(lastGood), this.vocab, this.settings, step);
    return this.info();
  }

  info(): ModelInfo {
    const trainable = this.fits();
    return describeModel(this.requireModel(), this.requireVocab(), this.currentStep(), trainable);
  }

  /** Can the model train on the current task? */
  private fits(): boolean {
    if (!this.task || !this.model || !this.vocab) return false;
    return fitsTask(this.task, this.model, {
      vocab: this.vocab,
      classes: this.vocab.chars,
      task: null,
    });
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
    const task = this.task;
    if (task && this.fits()) {
      this.optimizer = createOptimizer(
        optimizerConfigOf(settings),
        namedTensors(model).map((t) => t.data.length),
      );
      this.trainer = createTrainer(
        model,
        task.source(settings.batchSize, settings.seqLen),
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
    return this.requireTask().sample(this.requireModel(), (this.settings?.seed ?? 1) + step);
  }

  private requireTask(): CharTask {
    if (!this.task) throw new Problem('run.noText');
    return this.task;
  }
  private requireModel(): Model {
    if (!this.model) throw new Problem('run.noModel');
    return this.model;
  }
  private requireVocab(): Vocab {
    if (!this.vocab) throw new Problem('run.noModel');
    return this.vocab;
  }
  private requireTrainer(): Trainer {
    if (!this.trainer) throw new Problem('run.cannotTrain');
    return this.trainer;
  }
}

/** A view's text as a batch of one sequence. */
function oneSequence(ids: Int32Array, targets: Int32Array): Batch {
  return { T: ids.length, B: 1, input: { kind: 'onehot', ids }, targets };
}
