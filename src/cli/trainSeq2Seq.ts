// `train --task dates|reverse|sort|add`: an encoder–decoder, with or without attention, on pairs the
// task generates from a seed (docs/beyond-characters.md §4). Progress shows the training loss and,
// on held-out pairs, the loss, exact match and per-character accuracy by greedy decoding; at the
// end, exact match by input length. The model file is written at the end (--out).

import { createRng } from '../engine/rng.ts';
import { seq2seqFileJson } from '../engine/seq2seq/file.ts';
import { ATTENTION_KINDS, createSeq2Seq, type Seq2SeqConfig } from '../engine/seq2seq/model.ts';
import {
  checkSeq2SeqOptions,
  generateSeq2Seq,
  SEQ2SEQ_DEFAULTS,
  SEQ2SEQ_TASKS,
  type Seq2SeqTaskKind,
} from '../engine/seq2seq/tasks.ts';
import {
  createSeq2SeqTrainer,
  encodePair,
  pairSource,
  scoreSeq2Seq,
  type Seq2SeqScore,
} from '../engine/seq2seq/training.ts';
import { CELL_KINDS } from '../engine/cell.ts';
import type { Io } from './io.ts';
import { CliError, Flags, UsageError } from './args.ts';
import { checkWritable, writeText } from './files.ts';
import { formatDuration } from './progress.ts';

/** Held-out pairs decoded at each evaluation (the same ones every time). */
const EVAL_PAIRS = 300;

export const seq2seqUsage = `Usage: npm run engine -- train --task dates|reverse|sort|add [options]

An encoder–decoder learns to write one string from another, on pairs the task generates from
--seed: "dates" writes a date given in many forms as YYYY-MM-DD; "reverse" reverses letters;
"sort" sorts them; "add" adds two numbers written as text ("123+45" → "168").
  --attention additive|general|dot|none   how the decoder reads the input (default additive:
                             Bahdanau; general and dot: Luong; none: the encoder's last state only)
  --cell gru|lstm|rnn        the encoder's and decoder's cell (default gru)
  --hidden H                 hidden size of both (default 64)
  --attention-size A         width of the additive score (default H)
  --bidirectional            the encoder also reads the input backwards
  --min-length N, --max-length N   input length in letters (reverse, sort) or digits (add)
  --train-size N, --val-size N     pairs generated for training and for validation
  --steps N                  training steps (default 2000); --batch B pairs each (default 32)
  --lr LR                    Adam's learning rate (default 0.005); --clip C, global norm (default 5)
  --seed S                   the task's pairs and the model's weights (default 1)
  --eval-every N             steps between evaluations (default 200; 0: at the end only)
  --out FILE                 where to write the model file (default model.json)`;

const FLAGS = {
  strings: [
    'task',
    'attention',
    'cell',
    'hidden',
    'attention-size',
    'min-length',
    'max-length',
    'train-size',
    'val-size',
    'steps',
    'batch',
    'lr',
    'clip',
    'seed',
    'eval-every',
    'out',
  ],
  booleans: ['bidirectional'],
};

/** Is this command line a sequence-to-sequence task (`--task dates` and the like)? */
export function isSeq2SeqTask(args: readonly string[]): boolean {
  const k = args.indexOf('--task');
  const value = k >= 0 ? args[k + 1] : args.find((a) => a.startsWith('--task='))?.slice(7);
  return (SEQ2SEQ_TASKS as readonly string[]).includes(value ?? '');
}

function describe(score: Seq2SeqScore): string {
  return `val loss ${score.loss.toFixed(4)}  exact ${(100 * score.exact).toFixed(1)}%  per char ${(100 * score.perChar).toFixed(1)}%`;
}

export function trainSeq2Seq(args: readonly string[], io: Io): void {
  const f = new Flags(args, FLAGS);
  if (f.help) {
    io.out(`${seq2seqUsage}\n`);
    return;
  }
  const kind: Seq2SeqTaskKind = f.choice('task', SEQ2SEQ_TASKS, 'dates');
  const defaults = SEQ2SEQ_DEFAULTS[kind];
  const seed = f.int('seed', 0, 2 ** 31 - 1, 1);
  const options = {
    kind,
    seed,
    minLength: f.int('min-length', 1, 1000, defaults.minLength),
    maxLength: f.int('max-length', 1, 1000, defaults.maxLength),
    trainSize: f.int('train-size', 1, 1e7, defaults.trainSize),
    validationSize: f.int('val-size', 1, 1e6, defaults.validationSize),
  };
  try {
    checkSeq2SeqOptions(options);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const hidden = f.int('hidden', 1, 1024, 64);
  const attention = f.choice('attention', ATTENTION_KINDS, 'additive');
  const bidirectional = f.bool('bidirectional');
  if (attention === 'dot' && bidirectional)
    throw new UsageError(
      '--attention dot compares the decoder state with the encoder outputs, which are twice as wide with --bidirectional: use general',
    );
  const steps = f.int('steps', 0, 1e9, 2000);
  const batch = f.int('batch', 1, 4096, 32);
  const lr = f.real('lr', { gt: 0 }, 0.005);
  const clip = f.real('clip', { ge: 0 }, 5);
  const evalEvery = f.int('eval-every', 0, 1e9, 200);
  const out = f.string('out') ?? 'model.json';
  checkWritable(out, '--out');

  const data = generateSeq2Seq(options);
  const vocab = { input: data.inputChars, output: data.outputChars };
  const encode = (pairs: typeof data.train) =>
    pairs.map((p) => {
      try {
        return encodePair(p.input, p.output, vocab);
      } catch (e) {
        throw new CliError((e as Error).message);
      }
    });
  const trainPairs = encode(data.train);
  const valPairs = encode(data.validation);
  const config: Seq2SeqConfig = {
    cell: f.choice('cell', CELL_KINDS, 'gru'),
    hiddenSize: hidden,
    bidirectional,
    attention,
    attentionSize: f.int('attention-size', 1, 1024, hidden),
    inputSize: vocab.input.length,
    outputSize: vocab.output.length + 1,
  };
  const rng = createRng(seed);
  const model = createSeq2Seq(config, rng, io.compute);
  const trainer = createSeq2SeqTrainer(
    model,
    pairSource(trainPairs, batch, createRng(seed + 1)),
    { kind: 'adam', lr },
    clip,
  );
  io.err(
    `${kind}: ${String(trainPairs.length)} training pairs, ${String(valPairs.length)} held out; ` +
      `${config.cell} ${String(hidden)}, attention ${attention}${bidirectional ? ', bidirectional encoder' : ''}\n`,
  );
  const start = Date.now();
  let recent = 0;
  let recentCount = 0;
  for (let k = 1; k <= steps; k++) {
    const report = trainer.step();
    if (!report.finite)
      throw new CliError(`the run diverged at step ${String(k)} (loss ${String(report.loss)})`);
    recent += report.loss;
    recentCount += 1;
    if (evalEvery > 0 && (k % evalEvery === 0 || k === steps)) {
      const score = scoreSeq2Seq(model, valPairs, EVAL_PAIRS);
      io.err(
        `step ${String(k)}  train loss ${(recent / recentCount).toFixed(4)}  ${describe(score)}  ${formatDuration((Date.now() - start) / 1000)}\n`,
      );
      recent = 0;
      recentCount = 0;
    }
  }
  const final = scoreSeq2Seq(model, valPairs, valPairs.length);
  io.err(`final (${String(valPairs.length)} held-out pairs): ${describe(final)}\n`);
  io.err(
    `exact match by input length: ${final.byLength
      .map((b) => `${String(b.length)}: ${(100 * b.exact).toFixed(0)}% (${String(b.pairs)})`)
      .join(', ')}\n`,
  );
  writeText(out, seq2seqFileJson({ model, vocab, task: kind, step: trainer.stepCount }));
  io.err(`wrote ${out}\n`);
}
