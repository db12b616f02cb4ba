// The command line on every kind of model the engine has: a bidirectional tagger and a model with
// real-valued input and a linear head, through forward, sample and export-pytorch, in-process
// through the same run() that main.ts calls, checked against the engine itself.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateValues } from '../../src/engine/generate.ts';
import { createModel } from '../../src/engine/model.ts';
import { modelFileJson } from '../../src/engine/modelfile.ts';
import { forwardModel } from '../../src/engine/network.ts';
import { createRng } from '../../src/engine/rng.ts';
import { traceSequence } from '../../src/engine/trace.ts';
import { buildVocab, encode } from '../../src/engine/vocab.ts';
import { runIn } from './runIn.ts';

const dir = mkdtempSync(join(tmpdir(), 'unrolled-kinds-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const vocab = buildVocab('abc ');
const TAGS = ['inside', 'end'];
const tagger = createModel(
  {
    cell: 'lstm',
    nonlinearity: 'tanh',
    hiddenSize: 3,
    numLayers: 2,
    bidirectional: true,
    input: 'onehot',
    inputSize: 4,
    outputSize: 2,
    head: 'softmax',
  },
  createRng(4),
);
const series = createModel(
  {
    cell: 'gru',
    nonlinearity: 'tanh',
    hiddenSize: 4,
    numLayers: 1,
    bidirectional: false,
    input: 'dense',
    inputSize: 2,
    outputSize: 2,
    head: 'linear',
  },
  createRng(5),
);
const taggerFile = join(dir, 'tagger.json');
const seriesFile = join(dir, 'series.json');
writeFileSync(
  taggerFile,
  JSON.stringify(modelFileJson(tagger, { vocab, classes: TAGS, task: 'spaces' })),
);
writeFileSync(
  seriesFile,
  JSON.stringify(modelFileJson(series, { vocab: null, classes: null, task: 'series' })),
);

const numbers = (x: number[]) => Float64Array.from(x);

describe('forward', () => {
  it('a bidirectional tagger, scored against labels: the engine’s trace, rows named', () => {
    const r = runIn([
      'forward',
      '--model',
      taggerFile,
      '--text',
      'ab c',
      '--targets',
      'inside,end,end,inside',
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    const trace = traceSequence(tagger, encode('ab c', vocab), Int32Array.from([0, 1, 1, 0]));
    expect(out['loss']).toBe(trace.loss);
    expect(out['layers']).toEqual(['l0', 'l0_reverse', 'l1', 'l1_reverse']);
    expect((out['h'] as number[][][])[3]![0]).toEqual(Array.from(trace.named[3]![0]!['h']!));
    expect((out['logits'] as number[][])[2]).toEqual(Array.from(trace.outputs[2]!));
    expect(Object.keys(out['grads'] as object)).toContain('rnn.weight_hh_l1_reverse');
  });

  it('a tagger without labels scores nothing (loss null), with a wrong label says which', () => {
    const r = runIn(['forward', '--model', taggerFile, '--text', 'abc']);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { loss: unknown }).loss).toBeNull();
    const bad = runIn([
      'forward',
      '--model',
      taggerFile,
      '--text',
      'ab',
      '--targets',
      'inside,start',
    ]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe('unrolled: "start" is not one of the model\'s classes: inside, end\n');
    const count = runIn(['forward', '--model', taggerFile, '--text', 'ab', '--targets', 'end']);
    expect(count.code).toBe(2);
    expect(count.stderr).toMatch(/--targets needs 2 labels \(got 1\)/);
  });

  it('real values and a linear head: outputs and the squared error', () => {
    const x = [0.5, -1, 0.25, 2, -0.75, 0];
    const y = [1, 0, 0, 1, 0.5, 0.5];
    const r = runIn([
      'forward',
      '--model',
      seriesFile,
      '--values',
      x.join(','),
      '--targets',
      y.join(','),
    ]);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    const trace = traceSequence(series, numbers(x), numbers(y));
    expect(out['loss']).toBe(trace.loss);
    expect(out['outputs']).toEqual(trace.outputs.map((o) => Array.from(o)));
    expect(out).not.toHaveProperty('logits');
    expect(out).not.toHaveProperty('layers');
    const odd = runIn(['forward', '--model', seriesFile, '--values', '1,2,3', '--targets', '1']);
    expect(odd.code).toBe(2);
    expect(odd.stderr).toMatch(/--values needs a multiple of 2 numbers \(got 3\)/);
    const word = runIn(['forward', '--model', seriesFile, '--values', '1,x', '--targets', '1,2']);
    expect(word.stderr).toMatch(/--values: item 2 \("x"\) is not a number/);
  });
});

describe('sample', () => {
  it('a tagger labels each character of the prime with its most likely class', () => {
    const r = runIn(['sample', '--model', taggerFile, '--prime', 'a c']);
    expect(r.stderr).toBe('');
    const ids = encode('a c', vocab);
    const pass = forwardModel(
      tagger,
      { T: 3, B: 1, input: { kind: 'onehot', ids }, targets: new Int32Array(3).fill(-1) },
      null,
    );
    const want = [...'a c'].map((ch, t) => {
      const y = pass.outputs[t]!;
      return `${ch}\t${TAGS[y[1]! > y[0]! ? 1 : 0]}`;
    });
    expect(r.stdout).toBe(`${want.join('\n')}\n`);
  });

  it('a series model continues the prime with its own predictions', () => {
    const r = runIn([
      'sample',
      '--model',
      seriesFile,
      '--prime',
      '0.1,0.2,0.3,0.4',
      '--length',
      '3',
    ]);
    expect(r.stderr).toBe('');
    const want = generateValues(series, Float64Array.from([0.1, 0.2, 0.3, 0.4]), 3);
    expect(
      r.stdout
        .trim()
        .split('\n')
        .map((l) => l.split(',').map(Number)),
    ).toEqual([
      [want[0], want[1]],
      [want[2], want[3]],
      [want[4], want[5]],
    ]);
  });
});

describe('export-pytorch', () => {
  it('writes a SequenceModel script for a tagger, bidirectional', () => {
    const r = runIn(['export-pytorch', '--model', taggerFile]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('class SequenceModel(nn.Module):');
    expect(r.stdout).toContain('bidirectional=True');
    expect(r.stdout).toContain('BIDIRECTIONAL = True');
  });
});
