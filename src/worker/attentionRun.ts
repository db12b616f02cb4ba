// The Attention view's run as the worker hosts it, beside the character session: a task's pairs,
// an encoder–decoder and its trainer, driven by the same training loop as every view (slices,
// progress batches, validation, divergence, the last good model). Its model is its own.

import type { Compute } from '../engine/kernels.ts';
import {
  allocateSeq2Seq,
  createSeq2Seq,
  encoderWidth,
  seq2seqTensors,
  type Seq2SeqModel,
} from '../engine/seq2seq/model.ts';
import { parseSeq2SeqFile, seq2seqFileJson } from '../engine/seq2seq/file.ts';
import type { OptimizerState } from '../engine/optim.ts';
import { Problem } from '../engine/problem.ts';
import { decodeGreedy } from '../engine/seq2seq/network.ts';
import { seq2seqPytorchScript } from '../engine/seq2seq/pytorch.ts';
import { checkSeq2SeqOptions, generateSeq2Seq } from '../engine/seq2seq/tasks.ts';
import {
  createSeq2SeqTrainer,
  decodeOutput,
  encodePair,
  pairSource,
  scoreSeq2Seq,
  type PairIds,
  type PairVocab,
  type Seq2SeqTrainer,
} from '../engine/seq2seq/training.ts';
import { createRng } from '../engine/rng.ts';
import type {
  AttentionDecoded,
  AttentionInfo,
  AttentionScores,
  AttentionSettings,
} from './attentionProtocol.ts';
import type { SessionHooks } from './hooks.ts';
import type { ProgressBatch } from './protocol.ts';
import { TrainingLoop } from './trainingLoop.ts';

/** Held-out pairs scored at each validation (the first ones, the same every time). */
const VAL_PAIRS = 100;
/** Held-out pairs the view's example menu offers. */
const EXAMPLES = 12;
/** A loss this large (nats per character) has diverged. */
const DIVERGED = 50;

interface Current {
  /** The run's number (1, 2, …): progress and replies name it, so a page drops another's. */
  readonly id: number;
  readonly key: string;
  readonly settings: AttentionSettings;
  readonly vocab: PairVocab;
  readonly train: readonly PairIds[];
  readonly validation: readonly PairIds[];
  readonly info: Omit<AttentionInfo, 'step' | 'lastGoodStep'>;
  /** The model and its trainer (both new after going back to the last good model). */
  model: Seq2SeqModel;
  trainer: Seq2SeqTrainer;
  /** The step the trainer started at. */
  stepBase: number;
  readonly loop: TrainingLoop<Seq2SeqModel>;
  /** The latest held-out scores (the loop's validation metrics read them). */
  lastScores: AttentionScores | null;
}

/** Runs kept at once: switching back to a setting seen before resumes its run. */
const KEPT_RUNS = 4;

/** What the run needs from its host: progress (with the run's number), scheduling, the clock. */
export interface AttentionHooks extends Pick<SessionHooks, 'schedule' | 'now'> {
  progress(batch: ProgressBatch, run: number): void;
}

function copyModel(m: Seq2SeqModel): Seq2SeqModel {
  const copy = allocateSeq2Seq(m.config, m.compute);
  const from = seq2seqTensors(m);
  seq2seqTensors(copy).forEach((t, k) => t.data.set(from[k]!.data));
  return copy;
}

function stepOf(c: Current): number {
  return c.stepBase + c.trainer.stepCount;
}

/** Adam with clipping at 5 over the training pairs; the batches' order depends on where it starts. */
function trainerFor(
  model: Seq2SeqModel,
  train: readonly PairIds[],
  settings: AttentionSettings,
  from: number,
): Seq2SeqTrainer {
  return createSeq2SeqTrainer(
    model,
    pairSource(train, settings.batchSize, createRng(settings.seed + 1 + from)),
    { kind: 'adam', lr: settings.lr },
    5,
  );
}

/** The key of a run: every setting that makes it (the same settings resume the same run). */
export function attentionRunKey(s: AttentionSettings): string {
  return JSON.stringify([
    s.task,
    s.minLength,
    s.maxLength,
    s.cell,
    s.hiddenSize,
    s.attention,
    s.bidirectional,
    s.lr,
    s.batchSize,
    s.seed,
  ]);
}

export function checkAttentionSettings(s: AttentionSettings): void {
  if (!(Number.isFinite(s.lr) && s.lr > 0)) throw new Problem('run.lrNotPositive');
  if (!Number.isInteger(s.batchSize) || s.batchSize < 1 || s.batchSize > 512)
    throw new Problem('run.batchSize', { min: 1, max: 512 });
}

export class AttentionRun {
  /** Every kept run by key, the most recently used last. */
  private readonly runs = new Map<string, Current>();
  private current: Current | null = null;
  private nextId = 1;
  private loads = 0;

  constructor(
    private readonly hooks: AttentionHooks,
    private readonly compute: () => Compute,
  ) {}

  private require(): Current {
    if (this.current === null) throw new Problem('run.noEncoderDecoder');
    return this.current;
  }

  private loopFor(run: () => Current, id: number): TrainingLoop<Seq2SeqModel> {
    return new TrainingLoop<Seq2SeqModel>(
      {
        progress: (batch) => this.hooks.progress(batch, id),
        schedule: (fn) => this.hooks.schedule(fn),
        now: () => this.hooks.now(),
      },
      {
        snapshot: copyModel,
        trainer: () => run().trainer,
        model: () => run().model,
        stepBase: () => run().stepBase,
        currentStep: () => stepOf(run()),
        valLoss: () => this.scoresOf(run()).loss,
        valMetrics: () => {
          const s = run().lastScores;
          return s === null
            ? []
            : [
                { key: 'exact', label: 'Exact match', value: s.exact },
                { key: 'perChar', label: 'Characters right', value: s.perChar },
              ];
        },
        diverged: (loss, finite) => !finite || loss > DIVERGED,
        timelineSample: () => '',
        stepFlops: () => 0,
      },
    );
  }

  /**
   * Generates the task's pairs and a fresh model, or resumes the kept run made with the same
   * settings (paused where it was) unless `fresh`; on bad settings it throws and nothing changes.
   */
  load(settings: AttentionSettings, fresh = false): AttentionInfo {
    checkAttentionSettings(settings);
    this.loads += 1;
    const key = attentionRunKey(settings);
    const kept = fresh ? undefined : this.runs.get(key);
    if (kept !== undefined) {
      this.pause();
      this.runs.delete(key);
      this.runs.set(key, kept);
      this.current = kept;
      return this.info();
    }
    const options = {
      kind: settings.task,
      seed: settings.seed,
      minLength: settings.minLength,
      maxLength: settings.maxLength,
      trainSize: 20_000,
      validationSize: 500,
    };
    checkSeq2SeqOptions(options);
    const data = generateSeq2Seq(options);
    const vocab = { input: data.inputChars, output: data.outputChars };
    const encode = (pairs: typeof data.train) =>
      pairs.map((p) => encodePair(p.input, p.output, vocab));
    const train = encode(data.train);
    const validation = encode(data.validation);
    const model = createSeq2Seq(
      {
        cell: settings.cell,
        hiddenSize: settings.hiddenSize,
        bidirectional: settings.bidirectional,
        attention: settings.attention,
        attentionSize: settings.hiddenSize,
        inputSize: vocab.input.length,
        outputSize: vocab.output.length + 1,
      },
      createRng(settings.seed),
      this.compute(),
    );
    const trainer = trainerFor(model, train, settings, 0);
    this.pause();
    const id = this.nextId++;
    const run: Current = {
      id,
      key,
      settings,
      vocab,
      train,
      validation,
      model,
      trainer,
      stepBase: 0,
      loop: this.loopFor(() => run, id),
      lastScores: null,
      info: {
        run: id,
        settings,
        inputChars: [...vocab.input],
        outputChars: [...vocab.output],
        trainPairs: train.length,
        validationPairs: validation.length,
        examples: data.validation.slice(0, EXAMPLES),
        parameters: seq2seqTensors(model).reduce((n, t) => n + t.data.length, 0),
      },
    };
    run.loop.reset(copyModel(model), 0);
    this.runs.delete(key);
    this.runs.set(key, run);
    while (this.runs.size > KEPT_RUNS) this.runs.delete(this.runs.keys().next().value!);
    this.current = run;
    return this.info();
  }

  /** How many loads there were: a save read across a load is not the new run's. */
  get loadCount(): number {
    return this.loads;
  }

  /** The run as a save keeps it: the model file, its step and the optimizer's state. */
  snapshot(): { model: string; step: number; optimizer: OptimizerState } {
    const c = this.require();
    const step = stepOf(c);
    return {
      model: seq2seqFileJson({ model: c.model, vocab: c.vocab, task: c.settings.task, step }),
      step,
      optimizer: c.trainer.optimizer.exportState(),
    };
  }

  /**
   * Puts a saved model (and optimizer state) onto the current run at its step; throws when it
   * was made for another model or other characters, and the run stays as it was.
   */
  resume(saved: { model: string; step: number; optimizer: OptimizerState | null }): AttentionInfo {
    const c = this.require();
    const file = parseSeq2SeqFile(saved.model, this.compute());
    const a = file.model.config as unknown as Record<string, unknown>;
    const b = c.model.config as unknown as Record<string, unknown>;
    const same = (x: readonly string[], y: readonly string[]) => x.join('\n') === y.join('\n');
    if (
      [...new Set([...Object.keys(a), ...Object.keys(b)])].some((k) => a[k] !== b[k]) ||
      !same(file.vocab.input, c.vocab.input) ||
      !same(file.vocab.output, c.vocab.output)
    )
      throw new Problem('run.savedTaskMismatch');
    this.pause();
    c.model = file.model;
    c.trainer = trainerFor(c.model, c.train, c.settings, saved.step);
    if (saved.optimizer !== null) c.trainer.optimizer.importState(saved.optimizer);
    c.stepBase = saved.step;
    c.lastScores = null;
    c.loop.reset(copyModel(c.model), saved.step);
    return this.info();
  }

  info(): AttentionInfo {
    const c = this.require();
    return { ...c.info, step: stepOf(c), lastGoodStep: c.loop.lastGoodStep };
  }

  train(): void {
    this.require().loop.start();
  }

  pause(): number {
    this.current?.loop.stop();
    return this.current === null ? 0 : stepOf(this.current);
  }

  /** One step by hand (paused). */
  step(): number {
    const c = this.require();
    c.loop.step();
    return stepOf(c);
  }

  /**
   * After a divergence: back to the last good model the loop kept, at its step, with a fresh
   * optimizer (the diverged one's moments are no use).
   */
  restoreLastGood(): AttentionInfo {
    const c = this.require();
    const { lastGood, lastGoodStep } = c.loop;
    if (lastGood === null) throw new Problem('run.noEarlierModel');
    this.pause();
    c.model = copyModel(lastGood);
    c.trainer = trainerFor(c.model, c.train, c.settings, lastGoodStep);
    c.stepBase = lastGoodStep;
    c.loop.reset(copyModel(lastGood), lastGoodStep);
    return this.info();
  }

  private scoresOf(c: Current): AttentionScores {
    const s = scoreSeq2Seq(c.model, c.validation, VAL_PAIRS);
    c.lastScores = { step: stepOf(c), ...s, byLength: [...s.byLength] };
    return c.lastScores;
  }

  /**
   * The held-out scores: while training runs, those of the loop's last validation (scoring takes
   * a quarter of a second, so it is not done twice); paused, the scores now.
   */
  scores(): AttentionScores {
    const c = this.require();
    return c.loop.isRunning && c.lastScores !== null ? c.lastScores : this.scoresOf(c);
  }

  /** The model's file and a PyTorch script that rebuilds it, with the step. */
  exportFiles(): { json: string; script: string; step: number } {
    const c = this.require();
    const step = stepOf(c);
    return {
      json: seq2seqFileJson({ model: c.model, vocab: c.vocab, task: c.settings.task, step }),
      script: seq2seqPytorchScript(c.model.config),
      step,
    };
  }

  /** Greedy decoding of an input, with every step's scores, attention, context and output. */
  decode(input: string): AttentionDecoded {
    const c = this.require();
    const { src } = encodePair(input, '', c.vocab);
    const maxLength = Math.max(...c.train.slice(0, 200).map((p) => p.tgt.length)) + 4;
    const { output, alpha, p, steps } = decodeGreedy(c.model, src, maxLength);
    const S = src.length;
    const T = steps.length;
    const E = encoderWidth(c.model.config);
    const V = c.model.config.outputSize;
    const flat = (rows: readonly (Float64Array | null)[], width: number) => {
      const out = new Float64Array(rows.length * width);
      rows.forEach((row, t) => {
        if (row !== null) out.set(row.subarray(0, width), t * width);
      });
      return out;
    };
    const hasAttention = alpha.length > 0;
    return {
      run: c.id,
      input,
      output: decodeOutput(output, c.vocab),
      alpha: hasAttention ? flat(alpha, S) : new Float64Array(0),
      e: hasAttention
        ? flat(
            steps.map((st) => st.e),
            S,
          )
        : new Float64Array(0),
      ctx: hasAttention
        ? flat(
            steps.map((st) => st.ctx),
            E,
          )
        : new Float64Array(0),
      E,
      probs: flat(p, V),
      V,
      T,
      S,
      p: p.map((row, t) => row[t < output.length ? output[t]! : 0]!),
      step: stepOf(c),
    };
  }
}
