// `sample`: text from a model file with the engine's generateIds (prime, then one character at a
// time from softmax(y/τ), top-k or greedy), seeded so the same command prints the same text.

import { generateIds } from '../engine/generate.ts';
import { createRng } from '../engine/rng.ts';
import type { SampleOptions } from '../engine/sample.ts';
import { decode, encode } from '../engine/vocab.ts';
import type { Io } from './io.ts';
import { Flags } from './args.ts';
import { loadModelFile } from './files.ts';

export const sampleUsage = `Usage: npm run engine -- sample --model FILE [options]

Prints the prime followed by LENGTH generated characters.

  --model FILE          an Unrolled model file (required)
  --prime TEXT          text to start from, in the model's vocabulary (default: none)
  --length N            characters to generate, 0–1000000 (default 200)
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

  const { model, vocab } = loadModelFile(path);
  const primeIds = encode(prime, vocab);
  const ids = generateIds(model, primeIds, length, opts, createRng(seed));
  io.out(`${prime}${decode(ids, vocab)}\n`);
}
