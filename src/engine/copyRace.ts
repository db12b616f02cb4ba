// The Gradient flow view's race, run: a plain RNN against an LSTM on a copy task, both models
// initialised from one seed and fed the very same batches (race.ts), with the settings of
// copyRaceSpec.ts, and each scored by its validation loss and recall accuracy (tasks/copy.ts).

import { COPY_RACE, copyRacers, copyRaceSeqLen, type Racer } from './copyRaceSpec.ts';
import type { Compute } from './kernels.ts';
import { createRace, type Race, type RaceKind, type RunningRace } from './race.ts';
import { createRng } from './rng.ts';
import { copyDelay, isTaskId } from './tasks/generated.ts';
import { generatedTask } from './tasks/registry.ts';
import type { Task } from './tasks/task.ts';

export interface CopyRace {
  readonly task: Task;
  readonly race: Race;
  readonly racers: readonly Racer[];
}

/** A fresh race on copy task `name`: each model initialised from `seed`, both fed the same batches. */
export function createCopyRace(name: string, seed: number, compute?: Compute): CopyRace {
  if (!isTaskId(name) || copyDelay(name) === null) {
    throw new Error(`"${name}" is not a copy task.`);
  }
  const task = generatedTask(name);
  const racers = copyRacers(task.shape);
  const race = createRace(task, racers, {
    batchSize: COPY_RACE.batchSize,
    seqLen: copyRaceSeqLen(name),
    optimizer: { kind: 'adam', lr: COPY_RACE.lr },
    clip: { mode: 'norm', threshold: COPY_RACE.clipNorm },
    rng: () => createRng(seed),
    ...(compute ? { compute } : {}),
  });
  return { task, race, racers };
}

/** Validation loss and recall accuracy of each racer, in racer order. */
export function scoreRace(r: CopyRace): { loss: number[]; recall: number[] } {
  const models = r.race.racers.map((x) => x.trainer.model);
  return {
    loss: models.map((m) => r.task.evaluate(m, COPY_RACE.evalChars)),
    recall: models.map(
      (m) => r.task.metrics(m, COPY_RACE.evalChars).find((x) => x.key === 'recall')?.value ?? NaN,
    ),
  };
}

/** The copy race as the worker's race loop runs it: scored by loss and recall. */
export function runCopyRace(name: string, seed: number, compute?: Compute): RunningRace {
  const r = createCopyRace(name, seed, compute);
  return {
    entrants: r.racers,
    baselines: r.task.baselines,
    metricKeys: ['recall'],
    step: () => void r.race.step(),
    score() {
      const { loss, recall } = scoreRace(r);
      return { loss, metrics: recall.map((value) => ({ recall: value })) };
    },
  };
}

/** Copy races, named by their task and seed. */
export const COPY_RACE_KIND: RaceKind<{ readonly task: string; readonly seed: number }> = {
  limits: COPY_RACE,
  same: (a, b) => a.task === b.task && a.seed === b.seed,
  create: (s, compute) => runCopyRace(s.task, s.seed, compute),
};
