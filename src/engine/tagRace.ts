// The Tagging view's race, run: a forward-only model against a bidirectional one on a tagging
// task (tasks/spaces.ts or tasks/future.ts), both initialised from one seed and fed the very same
// batches (race.ts), with the settings of tagRaceSpec.ts, each scored by its validation loss,
// accuracy and (spaces) the F1 of word ends; and a sample of the validation text tagged by both.

import type { Compute } from './kernels.ts';
import { createRace, type RunningRace } from './race.ts';
import { createRng } from './rng.ts';
import { TAG_RACE, checkTagRaceSettings, tagRacers, type TagRaceSettings } from './tagRaceSpec.ts';
import { futureTask, spacesTask } from './tasks/registry.ts';
import { evalTags, predictTags, scoreTags, tagMetrics, type TagTask } from './tasks/tagging.ts';

/** The start of the validation split, tagged by each racer. */
export interface TagSample {
  /** The characters read (for the spaces task, the text with its spaces removed). */
  readonly chars: readonly string[];
  /** The true tag at each position (−1: not scored, e.g. its answer lies past the window). */
  readonly truth: Int32Array;
  /** Each racer's most likely tag at each position, in racer order. */
  readonly predicted: readonly Int32Array[];
}

export interface TagRace extends RunningRace {
  readonly task: TagTask;
  /** Accuracy of guessing the most frequent tag of the training part, on validation. */
  readonly chance: number;
  sample(positions?: number): TagSample;
}

/** Accuracy on `truth` of always answering the training part's most frequent tag. */
function majorityAccuracy(task: TagTask, truth: Int32Array): number {
  const counts = new Float64Array(task.classes.length);
  for (const y of task.train.tags) if (y >= 0) counts[y]! += 1;
  let best = 0;
  counts.forEach((c, k) => {
    if (c > counts[best]!) best = k;
  });
  return tagMetrics(new Int32Array(truth.length).fill(best), truth, null).accuracy;
}

/**
 * A fresh race for `settings`; `text` is the text whose spaces are put back (the spaces task
 * needs one; the future task generates its letters from the seed).
 */
export function createTagRace(
  settings: TagRaceSettings,
  text: string | null,
  compute?: Compute,
): TagRace {
  checkTagRaceSettings(settings);
  let task: TagTask;
  if (settings.task === 'spaces') {
    if (text === null) throw new Error('The spaces task needs a text.');
    task = spacesTask('spaces', text);
  } else {
    task = futureTask(settings.lookahead, settings.seed);
  }
  const entrants = tagRacers(task.shape, settings.cell, settings.layers);
  const race = createRace(task, entrants, {
    batchSize: TAG_RACE.batchSize,
    seqLen: TAG_RACE.seqLen,
    optimizer: { kind: 'adam', lr: TAG_RACE.lr },
    clip: { mode: 'norm', threshold: TAG_RACE.clipNorm },
    rng: () => createRng(settings.seed),
    ...(compute ? { compute } : {}),
  });
  const models = () => race.racers.map((r) => r.trainer.model);
  const n = Math.min(task.val.ids.length, TAG_RACE.evalPositions);
  const truth = evalTags(task.val, n);
  return {
    task,
    entrants,
    baselines: task.baselines,
    metricKeys: task.positive === null ? ['accuracy'] : ['accuracy', 'f1'],
    chance: majorityAccuracy(task, truth),
    step: () => void race.step(),
    score() {
      // One pass per model gives its loss and its tags (task.evaluate and task.metrics would
      // read the text twice).
      const scores = models().map((m) => scoreTags(m, task.val, n));
      return {
        loss: scores.map((s) => (s.count > 0 ? s.total / s.count : NaN)),
        metrics: scores.map((s) => {
          const { accuracy, f1 } = tagMetrics(s.predicted, truth, task.positive);
          return f1 === null ? { accuracy } : { accuracy, f1 };
        }),
      };
    },
    sample(positions = TAG_RACE.samplePositions) {
      const k = Math.min(task.val.ids.length, positions);
      return {
        chars: Array.from(task.val.ids.subarray(0, k), (id) => task.vocab.chars[id]!),
        truth: evalTags(task.val, k),
        predicted: models().map((m) => predictTags(m, task.val, k)),
      };
    },
  };
}
