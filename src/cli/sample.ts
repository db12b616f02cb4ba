// `sample`: what a model file produces, seeded so the same command prints the same thing. A
// character model writes text with the engine's generateIds (prime, then one character at a time
// from softmax(y/τ), top-k or greedy); a tagger labels each character of --prime with its most
// likely class; a model that predicts its own next input continues the --prime numbers.

import { generateIds, generateValues } from '../engine/generate.ts';
import { describeKind } from '../engine/modelfile.ts';
import { withCompute } from '../engine/model.ts';
import { forwardModel } from '../engine/network.ts';
import { createRng } from '../engine/rng.ts';
import type { SampleOptions } from '../engine/sample.ts';
import { decode, encode, splitChars } from '../engine/vocab.ts';
import type { Io } from './io.ts';
import { CliError, Flags, UsageError } from './args.ts';
import { loadAnyModelFile } from './files.ts';

export const sampleUsage = `Usage: npm run engine -- sample --model FILE [options]

A character model: prints the prime followed by LENGTH generated characters.
A tagger (classes other than its characters, or bidirectional): prints each character of the
prime and its most likely class, one per line, separated by a tab.
A model with real-valued input that predicts its next input: prints LENGTH predicted steps after
reading the prime (comma-separated numbers), one step per line.

  --model FILE          an Unrolled model file (required)
  --prime TEXT          text (or numbers) to start from, in the model's vocabulary (default: none)
  --length N            characters (steps) to generate, 0–1000000 (default 200)
  --temperature TAU     divide the logits by TAU before the softmax, > 0 (default 0.8)
  --top-k K             draw only from the K most likely characters
  --greedy              always take the most likely character (no randomness)
  --seed S              seed of the draws, 0–4294967295 (default 1)`;

export function sample(args: readonly string[], io: Io): void {
  const f = new Flags(args, {
    strings: ['model', 'prime', 'length', 'temperature', 'top-k', 'seed'],
    booleans: ['greedy'],
  });
  if (f.help) {
    io.out(`${sampleUsage}\n`);
    return;
  }
  const path = f.required('model', 'FILE');
  const prime = f.string('prime') ?? '';
  const length = f.int('length', 0, 1_000_000, 200);
  const temperature = f.real('temperature', { gt: 0 }, 0.8);
  const topK = f.has('top-k') ? f.int('top-k', 1, 1_000_000, 1) : undefined;
  const seed = f.int('seed', 0, 2 ** 32 - 1, 1);
  const opts: SampleOptions = { temperature, greedy: f.bool('greedy') };
  if (topK !== undefined) opts.topK = topK;

  const loaded = loadAnyModelFile(path);
  const { vocab, classes } = loaded;
  const model = io.compute ? withCompute(loaded.model, io.compute) : loaded.model;
  const c = model.config;
  const charModel =
    vocab !== null &&
    classes !== null &&
    !c.bidirectional &&
    classes.length === vocab.chars.length &&
    classes.every((x, k) => x === vocab.chars[k]);
  if (charModel) {
    const primeIds = encode(prime, vocab);
    const ids = generateIds(model, primeIds, length, opts, createRng(seed));
    io.out(`${prime}${decode(ids, vocab)}\n`);
  } else if (vocab !== null && classes !== null) {
    const chars = splitChars(prime);
    if (chars.length === 0) throw new UsageError('--prime needs the text to label');
    const ids = encode(prime, vocab);
    const T = ids.length;
    const pass = forwardModel(
      model,
      { T, B: 1, input: { kind: 'onehot', ids }, targets: new Int32Array(T).fill(-1) },
      null,
    );
    const lines = pass.outputs.map((y, t) => {
      let best = 0;
      for (let k = 1; k < y.length; k++) if (y[k]! > y[best]!) best = k;
      return `${JSON.stringify(chars[t]).slice(1, -1)}\t${classes[best]}`;
    });
    io.out(`${lines.join('\n')}\n`);
  } else if (c.input === 'dense' && c.head === 'linear' && c.inputSize === c.outputSize) {
    const values = prime.split(',').map((p) => Number(p.trim()));
    if (prime.trim() === '' || values.some((v) => !Number.isFinite(v)))
      throw new UsageError('--prime needs comma-separated numbers to start from');
    if (c.bidirectional) throw new CliError(`a ${describeKind(c)} cannot continue a sequence`);
    const out = generateValues(model, Float64Array.from(values), length);
    const I = c.inputSize;
    const lines = Array.from({ length }, (_, k) =>
      Array.from(out.subarray(k * I, (k + 1) * I)).join(','),
    );
    io.out(lines.length > 0 ? `${lines.join('\n')}\n` : '');
  } else {
    throw new CliError(`a ${describeKind(c)} cannot be sampled`);
  }
}
