// `forward --model F --text "INPUT<TAB>OUTPUT"` for an encoder–decoder (train --task dates, …): one
// teacher-forced forward and backward pass over the pair, as one JSON object: the loss the engine
// trains with, the attention weights of every output step over the input characters, the greedy
// decoding of the input, and every parameter's gradient under its PyTorch name.

import { parseSeq2SeqFile, Seq2SeqFileError, type Seq2SeqFile } from '../engine/seq2seq/file.ts';
import { seq2seqTensors, zeroSeq2SeqGrads } from '../engine/seq2seq/model.ts';
import { backwardSeq2Seq, decodeGreedy, forwardSeq2Seq } from '../engine/seq2seq/network.ts';
import { batchOf, decodeOutput, encodePair } from '../engine/seq2seq/training.ts';
import type { Io } from './io.ts';
import { CliError, UsageError } from './args.ts';

export const forwardSeq2SeqUsage = `An encoder–decoder (train --task dates|reverse|sort|add) reads --text "INPUT<TAB>OUTPUT": the
input and the output it should write, separated by one tab. It prints one JSON object:
  model       kind "seq2seq", task, cell, hidden, attention, bidirectional, step
  input, output   the pair read
  loss        mean cross-entropy over the output characters and the end mark (nats/char), with
              the decoder reading the true previous character (teacher forcing)
  steps       [{char, p, attention}] per output character (the end mark last, char ""): the
              probability given to it and the attention weights over the input characters
              (absent without attention)
  greedy      what the model writes for the input on its own (the likeliest character each step,
              at most 4 × (the output’s length + 1) + 8 of them)
  grads       {name: {shape, data}}  parameter gradients, PyTorch names, row-major`;

/** Is this text a model file of an encoder–decoder? (The format is its first key.) */
export function isSeq2SeqText(text: string): boolean {
  return /^\s*\{\s*"format"\s*:\s*"unrolled-seq2seq"/.test(text.slice(0, 200));
}

export function loadSeq2Seq(path: string, text: string): Seq2SeqFile {
  try {
    return parseSeq2SeqFile(text);
  } catch (e) {
    if (e instanceof Seq2SeqFileError) throw new CliError(`${path}: ${e.message}`);
    throw e;
  }
}

export function forwardSeq2SeqPair(file: Seq2SeqFile, text: string, io: Io): void {
  const parts = text.split('\t');
  if (parts.length !== 2)
    throw new UsageError('an encoder–decoder reads --text "INPUT<TAB>OUTPUT" (one tab between)');
  const [input, output] = parts as [string, string];
  let pair;
  try {
    pair = encodePair(input, output, file.vocab);
  } catch (e) {
    throw new CliError((e as Error).message);
  }
  const { model } = file;
  const pass = forwardSeq2Seq(model, batchOf([pair]));
  const grads = zeroSeq2SeqGrads(model);
  backwardSeq2Seq(model, grads, pass);
  const chars = [...Array.from(output), ''];
  const c = model.config;
  io.out(
    `${JSON.stringify({
      model: {
        kind: 'seq2seq',
        task: file.task,
        cell: c.cell,
        hidden: c.hiddenSize,
        attention: c.attention,
        bidirectional: c.bidirectional,
        step: file.step,
      },
      input,
      output,
      loss: pass.loss,
      steps: pass.steps.map((step, t) => ({
        char: chars[t],
        p: step.p[pair.tgt[t]!],
        ...(step.alpha ? { attention: Array.from(step.alpha) } : {}),
      })),
      greedy: decodeOutput(
        decodeGreedy(model, pair.src, 4 * pair.tgt.length + 8).output,
        file.vocab,
      ),
      grads: Object.fromEntries(
        seq2seqTensors(grads).map((t) => [t.name, { shape: t.shape, data: Array.from(t.data) }]),
      ),
    })}\n`,
  );
}
