// The encoder–decoder's PyTorch script in real PyTorch, where it is installed (UNROLLED_TORCH_PYTHON
// names a Python with torch, else python3): for every attention and cell it rebuilds the model
// from the file, gives the engine's loss and attention weights on a pair, trains on and saves a
// file the engine reads back. Skipped, saying why, where Python or torch is missing.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CellKind } from '../../../src/engine/cell.ts';
import { createRng } from '../../../src/engine/rng.ts';
import { parseSeq2SeqFile, seq2seqFileJson } from '../../../src/engine/seq2seq/file.ts';
import { createSeq2Seq, type AttentionKind } from '../../../src/engine/seq2seq/model.ts';
import { forwardSeq2Seq } from '../../../src/engine/seq2seq/network.ts';
import { seq2seqPytorchScript } from '../../../src/engine/seq2seq/pytorch.ts';
import { batchOf, encodePair } from '../../../src/engine/seq2seq/training.ts';

const python = process.env['UNROLLED_TORCH_PYTHON'] ?? 'python3';
const probe = spawnSync(python, ['-c', 'import torch'], { encoding: 'utf8' });
const hasTorch = probe.status === 0;
if (!hasTorch)
  console.log(
    `PyTorch check of the encoder–decoder skipped: "${python}" cannot import torch (set UNROLLED_TORCH_PYTHON to a Python with torch).`,
  );

const dir = mkdtempSync(join(tmpdir(), 'unrolled-s2s-torch-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const vocab = { input: ['a', 'b', 'c', 'd'], output: ['a', 'b', 'c', 'd'] };
const PAIR = 'abcd\tdcba';

function files(cell: CellKind, attention: AttentionKind, bidirectional: boolean) {
  const model = createSeq2Seq(
    {
      cell,
      hiddenSize: 6,
      bidirectional,
      attention,
      attentionSize: 5,
      inputSize: 4,
      outputSize: 5,
    },
    createRng(31),
  );
  const name = `${cell}-${attention}-${String(bidirectional)}`;
  const modelPath = join(dir, `${name}.json`);
  const scriptPath = join(dir, `${name}.py`);
  writeFileSync(modelPath, seq2seqFileJson({ model, vocab, task: 'reverse', step: 3 }));
  writeFileSync(scriptPath, seq2seqPytorchScript(model.config));
  return { model, modelPath, scriptPath };
}

function runScript(args: string[]) {
  const r = spawnSync(python, args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`the script failed: ${r.stderr}`);
  return r.stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe.skipIf(!hasTorch)('the encoder–decoder in PyTorch', () => {
  it.each<[CellKind, AttentionKind, boolean]>([
    ['gru', 'additive', true],
    ['lstm', 'additive', false],
    ['lstm', 'general', true],
    ['rnn', 'dot', false],
    ['gru', 'none', true],
    ['lstm', 'none', false],
  ])(
    '%s, %s attention, bidirectional %s: the engine’s loss and attention',
    (cell, attention, bi) => {
      const { model, modelPath, scriptPath } = files(cell, attention, bi);
      const [out] = runScript([scriptPath, modelPath, PAIR]) as [
        { loss: number; attention: number[][]; greedy: string },
      ];
      const [input, output] = PAIR.split('\t') as [string, string];
      const pass = forwardSeq2Seq(model, batchOf([encodePair(input, output, vocab)]));
      expect(Math.abs(out.loss - pass.loss)).toBeLessThan(1e-12 * Math.max(1, pass.loss));
      if (attention === 'none') expect(out.attention).toEqual([]);
      else
        pass.steps.forEach((step, t) =>
          Array.from(step.alpha!).forEach((a, s) =>
            expect(out.attention[t]![s]).toBeCloseTo(a, 12),
          ),
        );
    },
  );

  it('trains on with Adam and saves a file the engine reads back', () => {
    const { modelPath, scriptPath } = files('gru', 'additive', false);
    const pairs = join(dir, 'pairs.tsv');
    writeFileSync(pairs, ['abcd\tdcba', 'bad\tdab', 'cab\tbac', 'dd\tdd', 'ca\tac'].join('\n'));
    const saved = join(dir, 'trained.json');
    const log = runScript([
      scriptPath,
      modelPath,
      '--train',
      pairs,
      '--steps',
      '150',
      '--save',
      saved,
    ]);
    const losses = log.map((l) => l['loss'] as number);
    expect(losses.at(-1)).toBeLessThan(losses[0]!);
    const back = parseSeq2SeqFile(readFileSync(saved, 'utf8'));
    expect(back.step).toBe(153);
    const before = forwardSeq2Seq(
      parseSeq2SeqFile(readFileSync(modelPath, 'utf8')).model,
      batchOf([encodePair('abcd', 'dcba', vocab)]),
    ).loss;
    const after = forwardSeq2Seq(back.model, batchOf([encodePair('abcd', 'dcba', vocab)])).loss;
    expect(after).toBeLessThan(before);
  });
});
