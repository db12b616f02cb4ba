// The encoder–decoder's model file (src/engine/seq2seq/file.ts): a round trip gives the same
// numbers and the same outputs; every kind of damage is refused with a message that names it.
import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/engine/rng.ts';
import {
  parseSeq2SeqFile,
  Seq2SeqFileError,
  seq2seqFileJson,
} from '../../../src/engine/seq2seq/file.ts';
import { createSeq2Seq, seq2seqTensors } from '../../../src/engine/seq2seq/model.ts';
import { forwardSeq2Seq } from '../../../src/engine/seq2seq/network.ts';
import { batchOf, encodePair } from '../../../src/engine/seq2seq/training.ts';

/** The file as JSON, loosely: what a damaged file may hold. */
interface FileJson {
  format: string;
  version: number;
  config: Record<string, unknown>;
  vocab: { input: string[]; output: string[] };
  step: number;
  tensors: Record<string, { shape: number[]; data: unknown[] }>;
}

const vocab = { input: ['a', 'b', 'c'], output: ['x', 'y'] };

function file(attention: 'additive' | 'general' = 'additive', bidirectional = true) {
  const model = createSeq2Seq(
    {
      cell: 'lstm',
      hiddenSize: 4,
      bidirectional,
      attention,
      attentionSize: 5,
      inputSize: 3,
      outputSize: 3,
    },
    createRng(6),
  );
  return { model, vocab, task: 'reverse', step: 42 };
}

describe('the encoder–decoder model file', () => {
  it.each([
    ['additive', true],
    ['general', false],
  ] as const)('%s (bidirectional %s): a round trip keeps every number and the loss', (a, bi) => {
    const saved = file(a, bi);
    const back = parseSeq2SeqFile(seq2seqFileJson(saved));
    expect(back.vocab).toEqual(vocab);
    expect(back).toMatchObject({ task: 'reverse', step: 42 });
    expect(back.model.config).toEqual(saved.model.config);
    const names = seq2seqTensors(saved.model).map((t) => t.name);
    expect(seq2seqTensors(back.model).map((t) => t.name)).toEqual(names);
    seq2seqTensors(back.model).forEach((t, k) =>
      expect(Array.from(t.data)).toEqual(Array.from(seq2seqTensors(saved.model)[k]!.data)),
    );
    const batch = batchOf([encodePair('abc', 'yx', vocab)]);
    expect(forwardSeq2Seq(back.model, batch).loss).toBe(forwardSeq2Seq(saved.model, batch).loss);
  });

  it('refuses damage, saying what is wrong', () => {
    const good = JSON.parse(seq2seqFileJson(file())) as FileJson;
    const broken = (change: (j: FileJson) => void) => {
      const j = structuredClone(good);
      change(j);
      return () => parseSeq2SeqFile(JSON.stringify(j));
    };
    expect(() => parseSeq2SeqFile('{nope')).toThrow(/not JSON/);
    expect(broken((j) => (j.format = 'unrolled-model'))).toThrow(/format/);
    expect(broken((j) => (j.version = 9))).toThrow(/version 9/);
    expect(broken((j) => (j.config['attention'] = 'magic'))).toThrow(/Unknown attention/);
    expect(broken((j) => (j.config['attention'] = 'dot'))).toThrow(/Dot attention/);
    expect(broken((j) => j.vocab.output.push('z'))).toThrow(/output characters/);
    expect(broken((j) => (j.vocab.input = ['a', 'a', 'b']))).toThrow(/distinct/);
    expect(broken((j) => (j.step = -1))).toThrow(/step/);
    expect(broken((j) => delete j.tensors['attention.v'])).toThrow(/attention.v is missing/);
    expect(broken((j) => (j.tensors['extra.weight'] = { shape: [1], data: [0] }))).toThrow(
      /extra.weight/,
    );
    expect(broken((j) => (j.tensors['out.bias']!.shape = [2]))).toThrow(/shape \[3\]/);
    expect(broken((j) => j.tensors['out.bias']!.data.pop())).toThrow(/3 numbers/);
    expect(broken((j) => (j.tensors['out.bias']!.data[1] = 'NaN'))).toThrow(
      /out.bias\[1\] is not a finite/,
    );
  });

  it('says each problem as a code, the whole sentence as before', () => {
    const good = JSON.parse(seq2seqFileJson(file())) as FileJson;
    const problem = (change: (j: FileJson) => void) => {
      const j = structuredClone(good);
      change(j);
      try {
        parseSeq2SeqFile(JSON.stringify(j));
      } catch (e) {
        expect(e).toBeInstanceOf(Seq2SeqFileError);
        return e;
      }
      throw new Error('the file was read');
    };
    expect(problem((j) => (j.format = 'unrolled-model'))).toMatchObject({
      message: 'Not a usable encoder–decoder file: its format is not "unrolled-seq2seq".',
      code: 'seq2seqFile.wrongFormat',
    });
    expect(problem((j) => (j.config['attention'] = 'dot'))).toMatchObject({
      message:
        'Not a usable encoder–decoder file: Dot attention compares s_t with h_s, so they must have one size: use "general" with a bidirectional encoder.',
      code: 'seq2seqFile.badConfig',
      vars: { reason: { code: 'seq2seqConfig.dotBidirectional' } },
    });
    expect(problem((j) => (j.config['hiddenSize'] = 0))).toMatchObject({
      message:
        'Not a usable encoder–decoder file: The hidden size must be a whole number from 1 to 1024 (got 0).',
      code: 'seq2seqFile.badConfig',
      vars: { reason: { code: 'seq2seqConfig.hiddenSize', vars: { value: '0' } } },
    });
    expect(problem((j) => j.vocab.output.push('z'))).toMatchObject({
      message: 'Not a usable encoder–decoder file: the output characters must be a list of 2.',
      code: 'seq2seqFile.outputCharsSize',
    });
    expect(problem((j) => (j.vocab.input = ['a', 'a', 'b']))).toMatchObject({
      code: 'seq2seqFile.inputCharsDistinct',
    });
    expect(problem((j) => (j.tensors['out.bias']!.data[1] = 'NaN'))).toMatchObject({
      message: 'Not a usable encoder–decoder file: out.bias[1] is not a finite number.',
      code: 'seq2seqFile.notFinite',
      vars: { tensor: 'out.bias', index: 1 },
    });
  });
});
