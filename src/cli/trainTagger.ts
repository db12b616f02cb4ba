// `train --task spaces|future`: a tagger, one class per character (docs/beyond-characters.md §1–§2).
// "spaces" reads a text with its spaces removed and tags each character that ended a word; "future"
// reads random letters a–d and tags each with the letter k steps ahead. The model may read both
// ways (--bidirectional, PyTorch's layout). Progress shows the validation loss, accuracy and, for
// spaces, the F1 of word ends; a diverged run exits with code 1 and writes nothing.

import { createModel, parameterCount, withCompute, type Model } from '../engine/model.ts';
import { modelFileJson, parseModelFile } from '../engine/modelfile.ts';
import { createRng } from '../engine/rng.ts';
import {
  architectureOf,
  clipConfigOf,
  initOptionsOf,
  optimizerConfigOf,
  type TrainSettings,
} from '../engine/settings.ts';
import { futureTask, spacesTask } from '../engine/tasks/registry.ts';
import {
  evalTags,
  predictTags,
  tagLoss,
  tagMetrics,
  type Tagged,
  type TagTask,
} from '../engine/tasks/tagging.ts';
import { modelConfigFor } from '../engine/tasks/task.ts';
import { createTrainer } from '../engine/trainer.ts';
import type { Io } from './io.ts';
import { CliError, UsageError, type Flags } from './args.ts';
import { readText, writeText } from './files.ts';
import { createProgress, formatCount, formatDuration, type ProgressMetric } from './progress.ts';

/** Positions scored for each validation (and the final training) loss, from the start of the set. */
const EVAL_POSITIONS = 10_000;

/** The kinds of model `train` makes from text (a series model has its own flag, --series). */
export const TEXT_TASKS = ['chars', 'spaces', 'future'] as const;
export type TextTask = (typeof TEXT_TASKS)[number];
export type TaggerTask = Exclude<TextTask, 'chars'>;

/** The largest lookahead of the future task (as the engine's task allows). */
const MAX_LOOKAHEAD = 20;

export const taggerUsage = `  --task chars|spaces|future what to learn from text (default chars): the next character;
                             "spaces": put the spaces back (the text without its spaces, each
                             character tagged "word end" or "inside"; needs --corpus); "future":
                             tag each of 40,000 random letters a–d (the same letters every run)
                             with the letter K steps ahead (no --corpus)
  --lookahead K              --task future: how many steps ahead the tag lies, 0–${MAX_LOOKAHEAD} (default 1)
  --bidirectional            --task spaces or future: every layer also reads the text backwards
                             (PyTorch's bidirectional=True; the head reads [h→; h←])`;

export const TAGGER_FLAGS = ['task', 'lookahead'];
export const TAGGER_SWITCHES = ['bidirectional'];

export interface TaggerRun {
  readonly out: string;
  readonly steps: number;
  readonly valFraction: number;
  readonly evalEvery: number;
  readonly digits?: number;
}

/** The task the flags name, with its data checked as the app checks it. */
function taskOf(kind: TaggerTask, f: Flags, valFraction: number): TagTask {
  if (kind === 'future') {
    if (f.has('corpus'))
      throw new UsageError('--task future makes up its own letters; it reads no --corpus');
    if (f.has('val'))
      throw new UsageError('--val does not apply to --task future (its letters are split 90/10)');
    return futureTask(f.int('lookahead', 0, MAX_LOOKAHEAD, 1));
  }
  if (f.has('lookahead')) throw new UsageError('--lookahead applies only to --task future');
  if (!f.has('corpus'))
    throw new UsageError('--task spaces needs --corpus FILE (the text whose spaces it puts back)');
  if (valFraction <= 0) throw new UsageError('a tagger needs a validation part: --val above 0');
  const path = f.required('corpus', 'FILE');
  const text = readText(path, 'corpus');
  try {
    return spacesTask(path, text, valFraction);
  } catch (e) {
    // The engine's own words: too few words, a text the app would refuse.
    throw new CliError(`${path}: ${(e as Error).message}`);
  }
}

/** Loss, accuracy and F1 of the positive class on up to EVAL_POSITIONS positions of `data`. */
function scoreOn(
  model: Model,
  data: Tagged,
  positive: number | null,
): { loss: number; accuracy: number; f1: number | null } {
  const predicted = predictTags(model, data, EVAL_POSITIONS);
  const { accuracy, f1 } = tagMetrics(predicted, evalTags(data, predicted.length), positive);
  return { loss: tagLoss(model, data, EVAL_POSITIONS), accuracy, f1 };
}

/** "loss 0.1234 nats/char  accuracy 0.9512  F1 of “word end” 0.8811" */
function scoreLine(s: ReturnType<typeof scoreOn>, task: TagTask): string {
  const f1 = s.f1 === null ? '' : `  F1 of “${task.classes[task.positive!]}” ${s.f1.toFixed(4)}`;
  return `loss ${s.loss.toFixed(4)} nats/char  accuracy ${s.accuracy.toFixed(4)}${f1}`;
}

export function trainTagger(
  kind: TaggerTask,
  f: Flags,
  settings: TrainSettings,
  run: TaggerRun,
  io: Io,
): void {
  const task = taskOf(kind, f, run.valFraction);
  const lookahead = task.train.reach ?? 0;
  if (settings.seqLen <= lookahead)
    throw new UsageError(
      `--seq must be above --lookahead (got ${settings.seqLen} and ${lookahead}): ` +
        `a window of T letters has answers only for its first T − K`,
    );
  const bidirectional = f.bool('bidirectional');
  const model = createModel(
    modelConfigFor(task, { ...architectureOf(settings), bidirectional }),
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
  const name =
    `${settings.numLayers}-layer ${bidirectional ? 'bidirectional' : 'forward-only'} ` +
    `${settings.cell.toUpperCase()} tagger`;
  const params = formatCount(parameterCount(model));
  const what =
    kind === 'future' ? `letters, tagged ${lookahead} ahead` : 'characters, spaces removed';
  const { optimizer, lr, clipMode, clipThreshold } = settings;
  io.err(
    `Training a ${name} (hidden ${settings.hiddenSize}, ${params} parameters) on ` +
      `${formatCount(task.train.ids.length)} training + ${formatCount(task.val.ids.length)} ` +
      `validation ${what} (${task.vocab.chars.length} distinct; classes ${task.classes.join(', ')}), ` +
      `${optimizer} lr ${lr}, clip ${clipMode === 'none' ? 'none' : `${clipMode} ${clipThreshold}`}.\n`,
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
    if (run.evalEvery > 0 && r.step % run.evalEvery === 0) {
      const metrics: ProgressMetric[] = task.metrics(model, EVAL_POSITIONS).map((m) => ({
        label: m.key === 'accuracy' ? 'acc' : m.key === 'f1' ? 'F1' : m.key,
        value: m.value,
      }));
      progress.update(r.step, r.loss, r.chars, task.evaluate(model, EVAL_POSITIONS), metrics);
    } else progress.update(r.step, r.loss, r.chars);
  }
  progress.finish();

  const json = modelFileJson(
    model,
    task.labels,
    run.digits === undefined ? {} : { digits: run.digits },
  );
  const file = `${JSON.stringify(json)}\n`;
  // Score what is saved: with --digits, the rounded weights.
  const loaded = parseModelFile(file).model;
  const saved = io.compute ? withCompute(loaded, io.compute) : loaded;
  const trainScore = scoreOn(saved, task.train, task.positive);
  const valScore = scoreOn(saved, task.val, task.positive);
  writeText(run.out, file);
  const lines = [
    `Trained a ${name} (hidden ${settings.hiddenSize}, ${params} parameters) for ` +
      `${formatCount(run.steps)} steps in ${formatDuration(progress.elapsed)}.`,
    `  train ${scoreLine(trainScore, task)}`,
    `  val   ${scoreLine(valScore, task)}`,
    ...task.baselines.map((b) => `  baseline: ${b.label}, val loss ${b.value.toFixed(4)}`),
    `Wrote ${run.out} (${formatCount(Buffer.byteLength(file) / 1024)} KB).`,
  ];
  io.out(`${lines.join('\n')}\n`);
}
