// Model file version 2: every kind of model (bidirectional, real-valued input, tag classes, a linear
// head) round-trips exactly; version 1 files, such as the shipped models, still load.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { problems as zhProblems } from '../../src/content/i18n/zh-CN/problems.ts';
import type { CellKind } from '../../src/engine/cell.ts';
import { createModel, namedTensors, type ModelConfig } from '../../src/engine/model.ts';
import {
  describeKind,
  kindOf,
  ModelFileError,
  modelFileJson,
  parseModel,
  parseModelFile,
} from '../../src/engine/modelfile.ts';
import { forwardModel } from '../../src/engine/network.ts';
import { problemOf, problemText, type ProblemInfo } from '../../src/engine/problem.ts';
import { createRng } from '../../src/engine/rng.ts';
import { buildVocab } from '../../src/engine/vocab.ts';
import { thrown } from './helpers.ts';

const TAGS = ['inside', 'word end'];

/** A problem's words in Chinese, from the page's table (as the page writes them). */
function inChinese(p: ProblemInfo): string {
  const table = zhProblems as unknown as Record<string, Record<string, string>>;
  return problemText(p, (code) => {
    const [area, name] = code.split('.') as [string, string];
    return table[area]![name]!;
  });
}

function config(over: Partial<ModelConfig>): ModelConfig {
  return {
    cell: 'gru',
    nonlinearity: 'tanh',
    hiddenSize: 3,
    numLayers: 2,
    bidirectional: true,
    input: 'onehot',
    inputSize: 5,
    outputSize: 2,
    head: 'softmax',
    ...over,
  };
}

describe('version 2 round trip', () => {
  it.each(['rnn', 'lstm', 'gru'] as CellKind[])('%s tagger, both ways, 2 layers', (cell) => {
    const vocab = buildVocab('abcde');
    const model = createModel(config({ cell }), createRng(3));
    const json = modelFileJson(model, { vocab, classes: TAGS, task: 'spaces' });
    expect(json.version).toBe(2);
    expect(json.config).toMatchObject({
      bidirectional: true,
      input: 'onehot',
      head: 'softmax',
      classes: TAGS,
      task: 'spaces',
    });
    expect(Object.keys(json.tensors)).toContain('rnn.weight_ih_l1_reverse');
    expect(json.tensors['rnn.weight_ih_l1']!.shape).toEqual([
      (cell === 'rnn' ? 1 : cell === 'lstm' ? 4 : 3) * 3,
      6,
    ]);
    expect(json.tensors['decoder.weight']!.shape).toEqual([2, 6]);
    const back = parseModelFile(JSON.stringify(json));
    expect(back.model.config).toEqual(model.config);
    expect(back.classes).toEqual(TAGS);
    expect(back.vocab!.chars).toEqual([...'abcde']);
    expect(back.task).toBe('spaces');
    namedTensors(back.model).forEach((t, k) =>
      expect(Array.from(t.data)).toEqual(Array.from(namedTensors(model)[k]!.data)),
    );
    // The loaded model computes the same numbers.
    const batch = {
      T: 4,
      B: 1,
      input: { kind: 'onehot' as const, ids: Int32Array.from([0, 3, 1, 4]) },
      targets: Int32Array.from([0, 1, 1, 0]),
    };
    expect(forwardModel(back.model, batch, null).loss).toBe(forwardModel(model, batch, null).loss);
  });

  it('real-valued input and a linear head (a time-series model)', () => {
    const model = createModel(
      config({
        cell: 'lstm',
        bidirectional: false,
        numLayers: 1,
        input: 'dense',
        inputSize: 1,
        head: 'linear',
        outputSize: 3,
      }),
      createRng(5),
    );
    const json = modelFileJson(model, { vocab: null, classes: null, task: 'series' });
    expect(json.config).toEqual({
      cell: 'lstm',
      hiddenSize: 3,
      numLayers: 1,
      bidirectional: false,
      input: 'dense',
      inputSize: 1,
      head: 'linear',
      outputSize: 3,
      task: 'series',
    });
    const back = parseModelFile(JSON.stringify(json));
    expect(back.model.config).toEqual(model.config);
    expect(back.vocab).toBeNull();
    expect(back.classes).toBeNull();
  });
});

describe('version 2 checks', () => {
  const file = () =>
    modelFileJson(createModel(config({}), createRng(1)), {
      vocab: buildVocab('abcde'),
      classes: TAGS,
      task: null,
    }) as unknown as { config: Record<string, unknown>; tensors: Record<string, unknown> };
  const refuse = (edit: (o: ReturnType<typeof file>) => void, message: RegExp) => {
    const o = file();
    edit(o);
    expect(() => parseModelFile(JSON.stringify(o))).toThrow(ModelFileError);
    expect(() => parseModelFile(JSON.stringify(o))).toThrow(message);
  };

  it('refuses unknown encodings and heads, bad classes and sizes, a missing reverse tensor', () => {
    refuse(
      (o) => (o.config['input'] = 'image'),
      /Unknown input "image": expected "onehot" or "dense"/,
    );
    refuse((o) => (o.config['head'] = 'crf'), /Unknown head "crf"/);
    refuse((o) => (o.config['bidirectional'] = 'yes'), /bidirectional must be true or false/);
    refuse((o) => (o.config['classes'] = ['a', 'a']), /Class label 1 repeats "a"/);
    refuse((o) => (o.config['classes'] = []), /config.classes must be a list of 1 to 8192 labels/);
    refuse((o) => (o.config['classes'] = ['a', 'b', 'c']), /Tensor "decoder.weight" has shape/);
    refuse(
      (o) => delete o.tensors['rnn.bias_hh_l1_reverse'],
      /Missing tensor "rnn.bias_hh_l1_reverse"/,
    );
    refuse(
      (o) => (o.config['bidirectional'] = false),
      /Unexpected tensor "rnn.weight_ih_l0_reverse"/,
    );
    refuse((o) => {
      o.config['input'] = 'dense';
      o.config['inputSize'] = 0;
    }, /config.inputSize must be a whole number from 1 to 8192 \(found 0\)/);
    refuse((o) => (o.config['task'] = 7), /config.task must be a short text/);
  });

  it('says each problem as a code and its values', () => {
    const problem = (edit: (o: ReturnType<typeof file>) => void) => {
      const o = file();
      edit(o);
      return thrown(() => parseModelFile(JSON.stringify(o)));
    };
    expect(problem((o) => (o.config['input'] = 'image'))).toMatchObject({
      code: 'modelFile.unknownInput',
      vars: { found: '"image"' },
    });
    expect(problem((o) => (o.config['classes'] = ['a', 'a']))).toMatchObject({
      code: 'modelFile.classLabelRepeats',
      vars: { index: 1, label: '"a"' },
    });
    expect(problem((o) => (o.config['classes'] = ['a', 'b', 'c']))).toMatchObject({
      code: 'modelFile.badShape',
      vars: { tensor: 'decoder.weight', found: '[2,6]', expected: '3, 6' },
    });
    expect(problem((o) => (o.config['bidirectional'] = false))).toMatchObject({
      code: 'modelFile.unexpectedTensor',
      vars: { tensor: '"rnn.weight_ih_l0_reverse"', layers: 2, cell: 'GRU' },
    });
    const badVocab = problem((o) => (o.config['vocab'] = ['a', 'bc']));
    expect(badVocab).toMatchObject({
      code: 'modelFile.badVocab',
      vars: { reason: { code: 'vocab.notOneChar' } },
    });
    expect((badVocab as Error).message).toMatch(/^Bad vocabulary: Vocabulary entry 1 /);
  });

  it('the character views refuse a tagger with a message naming what it is', () => {
    const json = JSON.stringify(file());
    expect(() => parseModel(json)).toThrow(
      'This file holds a bidirectional GRU with one-hot input and a 2-class softmax head, not a character model that predicts the next character.',
    );
    const problem = problemOf(thrown(() => parseModel(json)))!;
    expect(problem.code).toBe('modelFile.notCharacterModel');
    // In Chinese, what the file holds is said in Chinese too: no English word but the cell's name.
    expect(inChinese(problem)).toBe(
      '这个文件存的是独热输入、带 2 类 softmax 输出层的双向 GRU，不是预测下一个字符的字符模型。',
    );
    const series = config({ bidirectional: false, cell: 'lstm', input: 'dense', head: 'linear' });
    expect(describeKind(series)).toBe('LSTM with real-valued input and a linear head');
    expect(inChinese(kindOf(series))).toBe('实数输入、带线性输出层的 LSTM');
  });

  it('saving needs labels that fit the model', () => {
    const model = createModel(config({}), createRng(1));
    expect(() => modelFileJson(model, { vocab: null, classes: TAGS, task: null })).toThrow(
      'The vocabulary does not match the model.',
    );
    const noVocab = { vocab: null, classes: TAGS, task: null };
    expect(thrown(() => modelFileJson(model, noVocab))).toMatchObject({
      code: 'modelFile.vocabMismatch',
    });
    expect(() =>
      modelFileJson(model, { vocab: buildVocab('abcde'), classes: ['x'], task: null }),
    ).toThrow('The class labels do not match the model.');
  });
});

describe('version 1 files still load', () => {
  it.each(['lstm', 'gru', 'rnn'])('the shipped %s model', (cell) => {
    const text = readFileSync(new URL(`../../public/models/${cell}.json`, import.meta.url), 'utf8');
    expect(JSON.parse(text)).toMatchObject({ version: 1 });
    const { model, vocab } = parseModel(text);
    expect(model.config).toMatchObject({
      cell,
      bidirectional: false,
      input: 'onehot',
      head: 'softmax',
      inputSize: vocab.chars.length,
      outputSize: vocab.chars.length,
    });
    const loaded = parseModelFile(text);
    expect(loaded.task).toBe('chars');
    expect(loaded.classes).toEqual(vocab.chars);
  });
});

describe('a series model’s preparation', () => {
  const series = {
    column: 'CO2 (ppm)',
    mean: 0.1 + 0.2,
    scale: 1e-7,
    difference: true,
    horizon: 1,
  };
  const model = () =>
    createModel(
      config({
        cell: 'lstm',
        bidirectional: false,
        numLayers: 1,
        input: 'dense',
        inputSize: 1,
        head: 'linear',
        outputSize: 1,
      }),
      createRng(5),
    );
  const file = () =>
    modelFileJson(model(), { vocab: null, classes: null, task: 'series', series }) as unknown as {
      config: Record<string, unknown> & { series: Record<string, unknown> };
    };

  it('round-trips every field exactly', () => {
    const json = file();
    expect(json.config.series).toEqual(series);
    const back = parseModelFile(JSON.stringify(json));
    expect(back.series).toEqual(series);
    expect(back.task).toBe('series');
    expect(back.model.config).toEqual(model().config);
  });

  it('a file without it still loads, with no preparation', () => {
    const json = file() as { config: Record<string, unknown> };
    delete json.config['series'];
    const back = parseModelFile(JSON.stringify(json));
    expect(back.series).toBeUndefined();
    expect('series' in back).toBe(false);
  });

  it('refuses a corrupt preparation with a message saying what is wrong', () => {
    const refuse = (edit: (s: Record<string, unknown>) => void, message: RegExp) => {
      const o = file();
      edit(o.config.series);
      expect(() => parseModelFile(JSON.stringify(o))).toThrow(ModelFileError);
      expect(() => parseModelFile(JSON.stringify(o))).toThrow(message);
    };
    refuse(
      (s) => (s['scale'] = 0),
      /config.series.scale must be a finite number above 0 \(found 0\)/,
    );
    refuse((s) => (s['scale'] = -2), /config.series.scale must be a finite number above 0/);
    // JSON writes NaN as null.
    refuse((s) => (s['mean'] = NaN), /config.series.mean must be a finite number \(found null\)/);
    refuse((s) => (s['mean'] = '3'), /config.series.mean must be a finite number/);
    refuse((s) => delete s['mean'], /config.series.mean must be a finite number/);
    refuse((s) => (s['difference'] = 'no'), /config.series.difference must be true or false/);
    refuse((s) => (s['horizon'] = 0), /config.series.horizon must be a whole number from 1 to 50/);
    refuse((s) => (s['horizon'] = 2), /learns the changes predicts 1 step ahead/);
    refuse((s) => (s['column'] = ''), /config.series.column must be text/);
    const notObject = file() as { config: Record<string, unknown> };
    notObject.config['series'] = [1, 2];
    expect(() => parseModelFile(JSON.stringify(notObject))).toThrow(
      'config.series must be an object.',
    );
  });

  it('belongs to a model that reads one value and predicts one', () => {
    const tagger = createModel(config({}), createRng(1));
    expect(() =>
      modelFileJson(tagger, { vocab: buildVocab('abcde'), classes: TAGS, task: null, series }),
    ).toThrow(/config.series belongs to a model that reads one value per step/);
  });
});
