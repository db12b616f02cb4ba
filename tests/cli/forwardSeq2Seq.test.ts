// `forward --model F --text "INPUT<TAB>OUTPUT"` on an encoder–decoder file, in-process through
// run(): the loss, the attention weights and every gradient are the engine's own; a pair without a
// tab, a character the model does not know and a flag that does not apply are refused.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createRng } from '../../src/engine/rng.ts';
import { seq2seqFileJson } from '../../src/engine/seq2seq/file.ts';
import { createSeq2Seq, seq2seqTensors, zeroSeq2SeqGrads } from '../../src/engine/seq2seq/model.ts';
import { decodeGreedy, seq2seqLossAndGradients } from '../../src/engine/seq2seq/network.ts';
import { batchOf, decodeOutput, encodePair } from '../../src/engine/seq2seq/training.ts';
import { runIn } from './runIn.ts';

const dir = mkdtempSync(join(tmpdir(), 'unrolled-s2s-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const vocab = { input: ['1', '2', '/'], output: ['1', '2', '-'] };
const model = createSeq2Seq(
  {
    cell: 'gru',
    hiddenSize: 5,
    bidirectional: true,
    attention: 'additive',
    attentionSize: 4,
    inputSize: 3,
    outputSize: 4,
  },
  createRng(12),
);
const FILE = join(dir, 'dates.json');
writeFileSync(FILE, seq2seqFileJson({ model, vocab, task: 'dates', step: 7 }));

describe('forward on an encoder–decoder', () => {
  it('prints the engine’s loss, attention weights, greedy output and gradients', () => {
    const { code, stdout, stderr } = runIn(['forward', '--model', FILE, '--text', '12/21\t2-1']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as {
      model: Record<string, unknown>;
      loss: number;
      steps: { char: string; p: number; attention: number[] }[];
      greedy: string;
      grads: Record<string, { shape: number[]; data: number[] }>;
    };
    expect(out.model).toMatchObject({
      kind: 'seq2seq',
      task: 'dates',
      attention: 'additive',
      step: 7,
    });
    const pair = encodePair('12/21', '2-1', vocab);
    const grads = zeroSeq2SeqGrads(model);
    expect(out.loss).toBe(seq2seqLossAndGradients(model, grads, batchOf([pair])));
    expect(out.steps.map((s) => s.char)).toEqual(['2', '-', '1', '']);
    for (const step of out.steps) {
      expect(step.attention).toHaveLength(5);
      expect(step.attention.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    }
    expect(out.greedy).toBe(decodeOutput(decodeGreedy(model, pair.src, 4 * 4 + 8).output, vocab));
    for (const t of seq2seqTensors(grads)) {
      expect(out.grads[t.name]?.shape).toEqual(t.shape);
      expect(out.grads[t.name]?.data).toEqual(Array.from(t.data));
    }
  });

  it('refuses a pair without one tab, unknown characters and flags that do not apply', () => {
    expect(runIn(['forward', '--model', FILE, '--text', '12/21'])).toMatchObject({ code: 2 });
    expect(runIn(['forward', '--model', FILE, '--text', 'a\tb\tc'])).toMatchObject({ code: 2 });
    const unknown = runIn(['forward', '--model', FILE, '--text', '13\t1']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/input has “3”/);
    expect(runIn(['forward', '--model', FILE, '--text', '1\t1', '--values', '1'])).toMatchObject({
      code: 2,
    });
  });
});
