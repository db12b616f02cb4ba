// Two models trained side by side on the very same batches (the tagging lesson's race of a
// forward-only and a bidirectional model, or a plain RNN against an LSTM): one batch source, each
// batch given to both trainers, so their curves differ only by the model. Also (from budget.ts):
// the hidden size that gives a model about the parameter count of another, so a race is fair.

import { createModel, type Architecture } from './model.ts';
import type { Compute } from './kernels.ts';
import type { OptimizerConfig } from './optim.ts';
import type { Rng } from './rng.ts';
import type { Task } from './tasks/task.ts';
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
