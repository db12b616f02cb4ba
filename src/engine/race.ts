// Two models trained side by side on the very same batches (the tagging lesson's race of a
// forward-only and a bidirectional model, or a plain RNN against an LSTM): one batch source, each
// batch given to both trainers, so their curves differ only by the model. Also (from budget.ts):
// the hidden size that gives a model about the parameter count of another, so a race is fair.

import type { Racer as RacerSpec } from './copyRaceSpec.ts';
import { createModel, type Architecture } from './model.ts';
import type { Compute } from './kernels.ts';
import type { OptimizerConfig } from './optim.ts';
import type { Rng } from './rng.ts';
import type { Baseline, Task } from './tasks/task.ts';
import { modelConfigFor } from './tasks/task.ts';
import {
  createTrainer,
  type BatchSource,
  type ClipConfig,
  type StepReport,
  type Trainer,
} from './trainer.ts';

export { hiddenSizeFor } from './budget.ts';

export interface Racer {
  readonly name: string;
  readonly trainer: Trainer;
}

/** Both reports of one step of the race. */
export interface RaceStep {
  readonly reports: readonly StepReport[];
}

export interface Race {
  readonly racers: readonly Racer[];
  /** One batch, given to every racer. */
  step(): RaceStep;
}

/** Each racer's validation loss and further figures (by metric key), in racer order. */
export interface RaceScore {
  readonly loss: readonly number[];
  readonly metrics: readonly Readonly<Record<string, number>>[];
}

/**
 * A race as its host runs it (the worker's race loop): the entrants, the task's reference
 * losses, one step of every racer on a shared batch, and the racers' scores on validation.
 */
export interface RunningRace {
  readonly entrants: readonly RacerSpec[];
  readonly baselines: readonly Baseline[];
  /** The keys of the figures each score carries besides the loss. */
  readonly metricKeys: readonly string[];
  step(): void;
  score(): RaceScore;
}

/** Where a race ends itself, and how often its racers are scored. */
export interface RaceLimits {
  readonly maxSteps: number;
  readonly evalEvery: number;
}

/** What races of one kind are: their limits, when two settings name one race, how one is made. */
export interface RaceKind<S, R extends RunningRace = RunningRace> {
  readonly limits: RaceLimits;
  same(a: S, b: S): boolean;
  create(settings: S, compute: Compute): R;
}

/** Feeds the same batch to several trainers: the batch is taken once per step. */
function sharedSource(source: BatchSource, racers: number): BatchSource[] {
  let current: ReturnType<BatchSource['next']> | null = null;
  let taken = 0;
  const shared = (): BatchSource => ({
    get epoch() {
      return source.epoch;
    },
    next() {
      if (taken % racers === 0) current = source.next();
      taken++;
      return current!;
    },
  });
  return Array.from({ length: racers }, shared);
}

/**
 * A race on `task` between architectures, with the same optimizer settings and clipping, each
 * model initialised from its own copy of the seed, and every step's batch shared.
 */
export function createRace(
  task: Task,
  entrants: readonly { readonly name: string; readonly arch: Architecture }[],
  opts: {
    readonly batchSize: number;
    readonly seqLen: number;
    readonly optimizer: OptimizerConfig;
    readonly clip: ClipConfig;
    readonly rng: () => Rng;
    readonly compute?: Compute;
  },
): Race {
  const sources = sharedSource(task.source(opts.batchSize, opts.seqLen), entrants.length);
  const racers = entrants.map((e, k) => {
    const model = createModel(modelConfigFor(task, e.arch), opts.rng(), {}, opts.compute);
    const trainer = createTrainer(model, sources[k]!, opts.optimizer, opts.clip);
    return { name: e.name, trainer };
  });
  return {
    racers,
    step: () => ({ reports: racers.map((r) => r.trainer.step()) }),
  };
}
