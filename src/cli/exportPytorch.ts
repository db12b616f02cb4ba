// `export-pytorch`: a standalone PyTorch script for a model file's architecture and labels (the
// engine's pytorchScriptFor), which loads the file with load_state_dict (and samples from a
// character model). Every kind of model: bidirectional, taggers, real-valued input, linear heads.

import { pytorchScriptFor } from '../engine/pytorch.ts';
import { seq2seqPytorchScript } from '../engine/seq2seq/pytorch.ts';
import type { Io } from './io.ts';
import { Flags } from './args.ts';
import { checkWritable, loadAnyModelFile, readHead, readText, writeText } from './files.ts';
import { isSeq2SeqText, loadSeq2Seq } from './forwardSeq2Seq.ts';

export const exportUsage = `Usage: npm run engine -- export-pytorch --model FILE [--out SCRIPT]

Writes a Python script that rebuilds the model in PyTorch (nn.RNN, nn.LSTM or nn.GRU, bidirectional
where the model is, and an nn.Linear decoder, with the same state_dict names), loads the model file
into it and, for a character model, samples text.
Run it with: python3 SCRIPT MODEL_FILE [PRIME]
For an encoder–decoder (train --task dates, …) the script rebuilds it with an attention module and
prints the loss, greedy output and attention of a pair: python3 SCRIPT MODEL_FILE "INPUT<TAB>OUTPUT";
with --train PAIRS.tsv it trains on (and --save writes the model file back).

  --model FILE    an Unrolled model file (required)
  --out SCRIPT    where to write the script (default: print it)`;

export function exportPytorch(args: readonly string[], io: Io): void {
  const f = new Flags(args, { strings: ['model', 'out'] });
  if (f.help) {
    io.out(`${exportUsage}\n`);
    return;
  }
  const path = f.required('model', 'FILE');
  const out = f.string('out');
  if (out !== undefined) checkWritable(out, '--out');
  let script: string;
  if (isSeq2SeqText(readHead(path, 200, 'model file'))) {
    script = seq2seqPytorchScript(loadSeq2Seq(path, readText(path, 'model file')).model.config);
  } else {
    const { model, ...labels } = loadAnyModelFile(path);
    script = pytorchScriptFor(model, labels);
  }
  if (out === undefined) {
    io.out(script);
    return;
  }
  writeText(out, script);
  io.err(`Wrote ${out}. Run it with: python3 ${out} ${path}\n`);
}
