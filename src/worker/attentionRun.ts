// The Attention view's run as the worker hosts it, beside the character session: a task's pairs,
// an encoder–decoder and its trainer, driven by the same training loop as every view (slices,
// progress batches, validation, divergence, the last good model). Its model is its own.

import type { Compute } from '../engine/kernels.ts';
import {
  allocateSeq2Seq,
  createSeq2Seq,
  seq2seqTensors,
  type Seq2SeqModel,
} from '../engine/seq2seq/model.ts';
import { decodeGreedy } from '../engine/seq2seq/network.ts';
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
import { TrainingLoop } from './trainingLoop.ts';

/** Held-out pairs scored at each validation (the first ones, the same every time). */
const VAL_PAIRS = 100;
/** Held-out pairs the view's example menu offers. */
const EXAMPLES = 12;
/** A loss this large (nats per character) has diverged. */
const DIVERGED = 50;

interface Current {
  readonly settings: AttentionSettings;
  readonly vocab: PairVocab;
  readonly train: readonly PairIds[];
  readonly validation: readonly PairIds[];
  readonly info: Omit<AttentionInfo, 'step'>;
  readonly model: Seq2SeqModel;
  readonly trainer: Seq2SeqTrainer;
}

function copyModel(m: Seq2SeqModel): Seq2SeqModel {
  const copy = allocateSeq2Seq(m.config, m.compute);
  const from = seq2seqTensors(m);
  seq2seqTensors(copy).forEach((t, k) => t.data.set(from[k]!.data));
  return copy;
}

export function checkAttentionSettings(s: AttentionSettings): void {
  const positive = (v: number, what: string) => {
    if (!(Number.isFinite(v) && v > 0)) throw new RangeError(`${what} must be above 0.`);
  };
  positive(s.lr, 'The learning rate');
  if (!Number.isInteger(s.batchSize) || s.batchSize < 1 || s.batchSize > 512)
    throw new RangeError('The batch size must be a whole number from 1 to 512.');
}

export class AttentionRun {
  private current: Current | null = null;
  /** The latest held-out scores (the loop's validation metrics read them). */
  private lastScores: AttentionScores | null = null;
  private readonly loop: TrainingLoop<Seq2SeqModel>;

  constructor(
    hooks: Pick<SessionHooks, 'progress' | 'schedule' | 'now'>,
    private readonly compute: () => Compute,
  ) {
    this.loop = new TrainingLoop<Seq2SeqModel>(hooks, {
      snapshot: copyModel,
      trainer: () => this.require().trainer,
      model: () => this.current?.model ?? null,
      stepBase: () => 0,
      currentStep: () => this.current?.trainer.stepCount ?? 0,
      valLoss: () => this.scores().loss,
      valMetrics: () => {
        const s = this.lastScores;
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
    });
  }

  private require(): Current {
    if (this.current === null) throw new Error('There is no encoder–decoder yet.');
    return this.current;
  }

  /** Generates the task's pairs and a fresh model; on bad settings it throws and nothing changes. */
  load(settings: AttentionSettings): AttentionInfo {
    checkAttentionSettings(settings);
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
    const trainer = createSeq2SeqTrainer(
      model,
      pairSource(train, settings.batchSize, createRng(settings.seed + 1)),
      { kind: 'adam', lr: settings.lr },
      5,
    );
    this.pause();
    this.current = {
      settings,
      vocab,
      train,
      validation,
      model,
      trainer,
      info: {
        settings,
        inputChars: [...vocab.input],
        outputChars: [...vocab.output],
        trainPairs: train.length,
        validationPairs: validation.length,
        examples: data.validation.slice(0, EXAMPLES),
        parameters: seq2seqTensors(model).reduce((n, t) => n + t.data.length, 0),
      },
    };
    this.lastScores = null;
    this.loop.reset(copyModel(model), 0);
    return this.info();
  }

  info(): AttentionInfo {
    const c = this.require();
    return { ...c.info, step: c.trainer.stepCount };
  }

  train(): void {
    this.require();
    this.loop.start();
  }

  pause(): number {
    this.loop.stop();
    return this.current?.trainer.stepCount ?? 0;
  }

  /** One step by hand (paused). */
  step(): number {
    this.loop.step();
    return this.require().trainer.stepCount;
  }

  /** The held-out scores now (the loop's validation reads the same). */
  scores(): AttentionScores {
    const c = this.require();
    const s = scoreSeq2Seq(c.model, c.validation, VAL_PAIRS);
    this.lastScores = { step: c.trainer.stepCount, ...s, byLength: [...s.byLength] };
    return this.lastScores;
  }

  /** Greedy decoding of an input, with its attention matrix. */
  decode(input: string): AttentionDecoded {
    const c = this.require();
    const { src } = encodePair(input, '', c.vocab);
    const maxLength = Math.max(...c.train.slice(0, 200).map((p) => p.tgt.length)) + 4;
    const { output, alpha, p } = decodeGreedy(c.model, src, maxLength);
    const S = src.length;
    const flat = new Float64Array(alpha.length * S);
    alpha.forEach((row, t) => flat.set(row, t * S));
    return {
      input,
      output: decodeOutput(output, c.vocab),
      alpha: flat,
      T: alpha.length,
      S,
      p: p.map((row, t) => row[t < output.length ? output[t]! : 0]!),
      step: c.trainer.stepCount,
    };
  }
}
