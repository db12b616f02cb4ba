// `export-pytorch`: a standalone PyTorch script for a model file's architecture and vocabulary
// (the engine's pytorchScript), which loads the file with load_state_dict and samples from it.

import { pytorchScript } from '../engine/pytorch.ts';
import type { Io } from './io.ts';
import { Flags } from './args.ts';
import { checkWritable, loadModelFile, writeText } from './files.ts';

export const exportUsage = `Usage: npm run engine -- export-pytorch --model FILE [--out SCRIPT]

Writes a Python script that rebuilds the model in PyTorch (nn.RNN, nn.LSTM or nn.GRU and an
nn.Linear decoder, with the same state_dict names), loads the model file into it and samples text.
Run it with: python3 SCRIPT MODEL_FILE [PRIME]

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
  const { model, vocab } = loadModelFile(path);
  const { cell, nonlinearity, hiddenSize, numLayers } = model.config;
  const script = pytorchScript({ cell, nonlinearity, hiddenSize, numLayers, vocab: vocab.chars });
  if (out === undefined) {
    io.out(script);
    return;
  }
  writeText(out, script);
  io.err(`Wrote ${out}. Run it with: python3 ${out} ${path}\n`);
}
