// `train`: a character model on a text file, with the engine's trainer (truncated BPTT, clipping,
// a torch.optim optimizer). Progress on stderr, a summary on stdout, then the model file. The text
// is checked as the app checks it (checkCorpus); a diverged run (the character task's rule: a loss
// above 4·ln V, or not finite) stops with exit code 1 and writes nothing.

import { checkCorpus, CorpusError } from '../engine/corpus.ts';
import { splitTrainVal } from '../engine/data.ts';
import { createModel, parameterCount } from '../engine/model.ts';
import { parseModel, serializeModel } from '../engine/modelfile.ts';
import { createRng } from '../engine/rng.ts';
import {
  clipConfigOf,
  initOptionsOf,
  modelConfigOf,
  optimizerConfigOf,
} from '../engine/settings.ts';
import { charSource, createTrainer, evaluateChars } from '../engine/trainer.ts';
import { charsDiverged } from '../engine/tasks/chars.ts';
import { encode, type Vocab } from '../engine/vocab.ts';
import type { Io } from './io.ts';
import { isSeq2SeqTask, trainSeq2Seq } from './trainSeq2Seq.ts';
import { CliError, Flags, UsageError } from './args.ts';
import { checkWritable, readText, writeText } from './files.ts';
import { createProgress, formatCount, formatDuration } from './progress.ts';
import { readSettings, SETTING_FLAGS, settingsUsage } from './settingFlags.ts';
import { SERIES_FLAGS, SERIES_SWITCHES, seriesUsage, trainSeries } from './trainSeries.ts';
import {
  TAGGER_FLAGS,
  TAGGER_SWITCHES,
  taggerUsage,
  TEXT_TASKS,
  trainTagger,
} from './trainTagger.ts';

/** Characters scored for each validation (and the final training) loss, from the start of the set. */
const EVAL_CHARS = 10_000;

export const trainUsage = `Usage: npm run engine -- train --corpus FILE [options]
       npm run engine -- train --task spaces --corpus FILE [--bidirectional] [options]
       npm run engine -- train --task dates|reverse|sort|add [options]   (train --task dates --help)
       npm run engine -- train --task future --lookahead K [--bidirectional] [options]
       npm run engine -- train --series FILE [--column NAME] [options]

Trains a character model on a UTF-8 text file (or a tagger, or a series model on a CSV file) and
writes it as an Unrolled model file. The settings and their ranges are the app's; only some
defaults differ.

  --corpus FILE              the text to learn (required, unless --task future or --series)
${taggerUsage}
${seriesUsage}
  --out FILE                 where to write the model (default model.json)
${settingsUsage()}
  --steps N                  training steps (default 1000)
  --val FRACTION             the last FRACTION of the text is held out for validation, 0 for
                             none (default 0.1)
  --eval-every K             validate every K steps, 0 for only at the end (default 100)
  --digits D                 round saved weights to D significant digits, 1–17 (default: exact)

Losses are mean cross-entropy in nats per character, scored on up to ${formatCount(EVAL_CHARS)}
characters (a tagger's: of its tags, with the accuracy and the F1 of word ends). The same seed and
options give a byte-identical model file.`;

const FLAGS = {
  strings: [
    'corpus',
    'out',
    ...SETTING_FLAGS,
    'steps',
    'val',
    'eval-every',
    'digits',
    ...TAGGER_FLAGS,
    ...SERIES_FLAGS,
  ],
  booleans: [...TAGGER_SWITCHES, ...SERIES_SWITCHES],
};

/** The text's vocabulary, when the app would accept the text too; else a one-line error. */
function checkedVocab(text: string, path: string): Vocab {
  try {
    return checkCorpus(text).vocab;
  } catch (e) {
    if (e instanceof CorpusError) throw new CliError(`${path}: ${e.message}`);
    throw e;
  }
}

function bits(nats: number): string {
  return `${nats.toFixed(4)} nats/char (${(nats / Math.LN2).toFixed(4)} bits/char)`;
}

export function train(args: readonly string[], io: Io): void {
  // An encoder–decoder's task has flags of its own (trainSeq2Seq.ts).
  if (isSeq2SeqTask(args)) return trainSeq2Seq(args, io);
  const f = new Flags(args, FLAGS);
  if (f.help) {
    io.out(`${trainUsage}\n`);
    return;
  }
  const series = f.has('series');
  if (series && f.has('corpus')) throw new CliError('give --corpus or --series, not both');
  const task = f.choice('task', TEXT_TASKS, 'chars');
  if (series && f.has('task'))
    throw new UsageError('--task does not apply to --series (a series model has its own task)');
  if (series || task === 'chars') {
    if (f.has('lookahead')) throw new UsageError('--lookahead applies only to --task future');
    if (f.has('bidirectional'))
      throw new UsageError(
        `--bidirectional applies only to --task spaces or future (a model that predicts what ` +
          `comes next cannot read ahead)`,
      );
  }
  const corpus = series || task !== 'chars' ? '' : f.required('corpus', 'FILE');
  const out = f.string('out') ?? 'model.json';
  const settings = readSettings(f);
  const { cell, hiddenSize, numLayers, optimizer: kind, lr, clipMode, clipThreshold } = settings;
  const steps = f.int('steps', 0, 1e9, 1000);
  const valFraction = f.real('val', { ge: 0, lt: 1 }, 0.1);
  const evalEvery = f.int('eval-every', 0, 1e9, 100);
  const digits = f.has('digits') ? f.int('digits', 1, 17, 17) : undefined;
  checkWritable(out, '--out');
  if (series) {
    const run = { out, steps, valFraction, evalEvery, ...(digits === undefined ? {} : { digits }) };
    return trainSeries(f, settings, run, io);
  }
  for (const flag of [...SERIES_FLAGS.slice(1), ...SERIES_SWITCHES])
    if (f.has(flag)) throw new CliError(`--${flag} applies only with --series`);
  if (task !== 'chars') {
    const run = { out, steps, valFraction, evalEvery, ...(digits === undefined ? {} : { digits }) };
    return trainTagger(task, f, settings, run, io);
  }

  const text = readText(corpus, 'corpus');
  const vocab = checkedVocab(text, corpus);
  const ids = encode(text, vocab);
  const { train: trainIds, val: valIds } =
    valFraction > 0 ? splitTrainVal(ids, valFraction) : { train: ids, val: null };
  const model = createModel(
    modelConfigOf(settings, vocab.chars.length),
    createRng(settings.seed),
    initOptionsOf(settings),
    io.compute,
  );
  const trainer = createTrainer(
    model,
    charSource(trainIds, settings.batchSize, settings.seqLen),
    optimizerConfigOf(settings),
    clipConfigOf(settings),
  );
  const score = (set: Int32Array, m = model): number =>
    evaluateChars(m, set, { maxChars: EVAL_CHARS });

  const name = `${numLayers}-layer ${cell.toUpperCase()}`;
  const params = formatCount(parameterCount(model));
  const split = valIds ? ` + ${formatCount(valIds.length)} validation` : '';
  io.err(
    `Training a ${name} (hidden ${hiddenSize}, ${params} parameters) on ` +
      `${formatCount(trainIds.length)} training${split} characters (${vocab.chars.length} distinct), ` +
      `${kind} lr ${lr}, clip ${clipMode === 'none' ? 'none' : `${clipMode} ${clipThreshold}`}.\n`,
  );
  const progress = createProgress({
    total: steps,
    tty: io.errIsTTY,
    write: (s) => io.err(s),
  });
  for (let k = 0; k < steps; k++) {
    const r = trainer.step();
    if (charsDiverged(r.loss, r.finite, vocab.chars.length)) {
      progress.finish();
      const limit = (4 * Math.log(vocab.chars.length)).toFixed(2);
      throw new CliError(
        `training diverged at step ${r.step} (loss ${r.loss}, gradient norm ${r.gradNormBefore}; ` +
          `a run diverges when the loss is not finite or above 4·ln V = ${limit}); ` +
          `no model written: try a lower --lr or --clip`,
      );
    }
    const evaluate = valIds !== null && evalEvery > 0 && r.step % evalEvery === 0;
    progress.update(r.step, r.loss, r.chars, evaluate ? score(valIds) : undefined);
  }
  progress.finish();

  const file = serializeModel(model, vocab, digits === undefined ? {} : { digits });
  // Score what is saved: with --digits, the rounded weights.
  const saved = digits === undefined ? model : parseModel(file).model;
  const trainLoss = score(trainIds, saved);
  const valLoss = valIds ? score(valIds, saved) : undefined;
  writeText(out, file);
  const lines = [
    `Trained a ${name} (hidden ${hiddenSize}, ${params} parameters) for ${formatCount(steps)} steps ` +
      `in ${formatDuration(progress.elapsed)}.`,
    `  train loss ${bits(trainLoss)}`,
    ...(valLoss === undefined ? [] : [`  val loss   ${bits(valLoss)}`]),
    `Wrote ${out} (${formatCount(Buffer.byteLength(file) / 1024)} KB).`,
  ];
  io.out(`${lines.join('\n')}\n`);
}
