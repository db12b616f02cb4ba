// The model file: an exact round trip, PyTorch's state_dict names and shapes, and a ModelFileError
// with a useful message (never a model) for every way a file can be wrong, including prototype keys.
import { describe, expect, it } from 'vitest';
import type { CellKind, Nonlinearity } from '../../src/engine/cell.ts';
import { createModel, namedTensors, type Model } from '../../src/engine/model.ts';
import {
  ModelFileError,
  parseModel,
  serializeModel,
  type ModelFileJson,
} from '../../src/engine/modelfile.ts';
import { createRng } from '../../src/engine/rng.ts';
import { charSource, createTrainer } from '../../src/engine/trainer.ts';
import { buildVocab, encode, type Vocab } from '../../src/engine/vocab.ts';

/** Parsed JSON that the tests edit freely, including into shapes the types forbid. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any edit must be expressible
type Loose = any;

const TEXT = 'hello, world 😀 你好\n"quoted" \\ back';

function build(
  cell: CellKind,
  opts: { L?: number; H?: number; nonlinearity?: Nonlinearity; text?: string } = {},
): { model: Model; vocab: Vocab } {
  const vocab = buildVocab(opts.text ?? TEXT);
  const V = vocab.chars.length;
  const model = createModel(
    {
      cell,
      nonlinearity: opts.nonlinearity ?? 'tanh',
      hiddenSize: opts.H ?? 4,
      numLayers: opts.L ?? 2,
      bidirectional: false,
      input: 'onehot',
      inputSize: V,
      outputSize: V,
      head: 'softmax',
    },
    createRng(7),
  );
  return { model, vocab };
}

/** The file as a plain, freely editable object. */
function fileObject(cell: CellKind = 'lstm', L = 2): ModelFileJson {
  const { model, vocab } = build(cell, { L });
  return JSON.parse(serializeModel(model, vocab)) as ModelFileJson;
}

/** The bytes of a Float64Array (so -0 ≠ 0 and every NaN payload counts). */
function bytes(a: Float64Array): Uint8Array {
  return new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
}

function expectBitwiseEqual(a: Model, b: Model): void {
  const ta = namedTensors(a);
  const tb = namedTensors(b);
  expect(tb.map((t) => t.name)).toEqual(ta.map((t) => t.name));
  ta.forEach((t, k) => {
    expect(tb[k]!.shape).toEqual(t.shape);
    expect(Buffer.compare(bytes(tb[k]!.data), bytes(t.data))).toBe(0);
  });
}

/** `input` is refused with `message` (and, when given, the problem `code` and some of its vars). */
function expectFileError(
  input: unknown,
  message: RegExp | string,
  problem?: { code: string; vars?: Record<string, unknown> },
): void {
  let result: unknown;
  let error: unknown;
  try {
    result = parseModel(input);
  } catch (e) {
    error = e;
  }
  expect(result).toBeUndefined(); // never a (half-)loaded model
  expect(error).toBeInstanceOf(ModelFileError);
  expect((error as Error).message).toMatch(message);
  if (problem !== undefined) expect(error).toMatchObject(problem);
}

const CELLS: { cell: CellKind; nonlinearity: Nonlinearity }[] = [
  { cell: 'rnn', nonlinearity: 'tanh' },
  { cell: 'rnn', nonlinearity: 'relu' },
  { cell: 'lstm', nonlinearity: 'tanh' },
  { cell: 'gru', nonlinearity: 'tanh' },
];

describe('round trip', () => {
  it.each(CELLS)('$cell ($nonlinearity): serialize → parse gives identical bits', (c) => {
    const { model, vocab } = build(c.cell, { nonlinearity: c.nonlinearity });
    const text = serializeModel(model, vocab);
    const back = parseModel(text);
    expectBitwiseEqual(back.model, model);
    expect(back.model.config).toEqual(model.config);
    expect(back.vocab.chars).toEqual(vocab.chars);
    expect(back.vocab.chars).toContain('😀');
    expect(back.vocab.chars).toContain('你');
    expect(back.vocab.index.get('😀')).toBe(vocab.index.get('😀'));
    expect(encode('你好 😀', back.vocab)).toEqual(encode('你好 😀', vocab));
    // Saving the loaded model again gives the same text.
    expect(serializeModel(back.model, back.vocab)).toBe(text);
  });

  it('keeps extreme values exactly: subnormals, the largest double, 0.1 + 0.2', () => {
    const { model, vocab } = build('gru');
    const w = namedTensors(model)[0]!.data;
    const values = [5e-324, -5e-324, 1.7976931348623157e308, -2.2250738585072014e-308, 0.1 + 0.2];
    values.forEach((v, k) => (w[k] = v));
    const back = parseModel(serializeModel(model, vocab)).model;
    expectBitwiseEqual(back, model);
  });

  it('keeps a trained model exactly', () => {
    const { model, vocab } = build('lstm', { text: TEXT.repeat(4) });
    const ids = encode(TEXT.repeat(4), vocab);
    const trainer = createTrainer(
      model,
      charSource(ids, 2, 8),
      { kind: 'adam', lr: 0.01 },
      {
        mode: 'norm',
        threshold: 5,
      },
    );
    for (let k = 0; k < 5; k++) expect(trainer.step().finite).toBe(true);
    expectBitwiseEqual(parseModel(serializeModel(model, vocab)).model, model);
  });

  it('reads an already parsed object as well as text', () => {
    const { model, vocab } = build('rnn');
    const back = parseModel(JSON.parse(serializeModel(model, vocab)));
    expectBitwiseEqual(back.model, model);
  });

  it('saves -0 as 0: JSON has no negative zero (equal as numbers, not as bits)', () => {
    const { model, vocab } = build('rnn', { L: 1 });
    model.decoder.b[0] = -0;
    const back = parseModel(serializeModel(model, vocab)).model;
    expect(back.decoder.b[0]).toBe(0);
    expect(Object.is(back.decoder.b[0], 0)).toBe(true);
  });

  it('the loaded model owns its arrays: editing the input afterwards changes nothing', () => {
    const obj = fileObject('gru');
    const { model } = parseModel(obj);
    const before = model.decoder.b[0]!;
    obj.tensors['decoder.bias']!.data[0] = 123;
    expect(model.decoder.b[0]).toBe(before);
  });
});

describe('digits', () => {
  it('rounds every value to the given significant digits and still loads', () => {
    const { model, vocab } = build('lstm');
    const exact = serializeModel(model, vocab);
    const short = serializeModel(model, vocab, { digits: 3 });
    expect(short.length).toBeLessThan(exact.length / 2);
    const obj = JSON.parse(short) as ModelFileJson;
    for (const t of namedTensors(model)) {
      const data = obj.tensors[t.name]!.data;
      t.data.forEach((v, k) => expect(data[k]).toBe(Number(v.toPrecision(3))));
      for (const v of data) {
        const digits = v.toExponential().split('e')[0]!.replace(/[-.]/g, '');
        expect(digits.length).toBeLessThanOrEqual(3);
      }
    }
    const back = parseModel(short).model;
    namedTensors(back).forEach((t, k) => {
      const orig = namedTensors(model)[k]!.data;
      t.data.forEach((v, j) =>
        expect(Math.abs(v - orig[j]!)).toBeLessThanOrEqual(5e-3 * Math.abs(orig[j]!)),
      );
    });
  });

  it('17 digits are exact', () => {
    const { model, vocab } = build('gru');
    expect(serializeModel(model, vocab, { digits: 17 })).toBe(serializeModel(model, vocab));
  });
});

describe('names and shapes follow PyTorch', () => {
  it.each([
    { cell: 'rnn' as const, G: 1 },
    { cell: 'lstm' as const, G: 4 },
    { cell: 'gru' as const, G: 3 },
  ])('$cell with 2 layers (G = $G)', ({ cell, G }) => {
    const H = 5;
    const { model, vocab } = build(cell, { L: 2, H });
    const V = vocab.chars.length;
    const expected = [
      ['rnn.weight_ih_l0', [G * H, V]],
      ['rnn.weight_hh_l0', [G * H, H]],
      ['rnn.bias_ih_l0', [G * H]],
      ['rnn.bias_hh_l0', [G * H]],
      ['rnn.weight_ih_l1', [G * H, H]],
      ['rnn.weight_hh_l1', [G * H, H]],
      ['rnn.bias_ih_l1', [G * H]],
      ['rnn.bias_hh_l1', [G * H]],
      ['decoder.weight', [V, H]],
      ['decoder.bias', [V]],
    ];
    expect(namedTensors(model).map((t) => [t.name, t.shape])).toEqual(expected);
    const obj = JSON.parse(serializeModel(model, vocab)) as ModelFileJson;
    expect(Object.entries(obj.tensors).map(([name, t]) => [name, t.shape])).toEqual(expected);
    for (const t of Object.values(obj.tensors)) {
      expect(t.data).toHaveLength(t.shape.reduce((a, b) => a * b, 1));
    }
    expect(obj.config).toEqual({
      cell,
      hiddenSize: H,
      numLayers: 2,
      bidirectional: false,
      input: 'onehot',
      head: 'softmax',
      task: 'chars',
      vocab: [...vocab.chars],
      ...(cell === 'rnn' ? { nonlinearity: 'tanh' } : {}),
    });
  });
});

describe('saving', () => {
  it('refuses what PyTorch or the file cannot hold', () => {
    const rnn = build('rnn', { nonlinearity: 'sigmoid' });
    expect(() => serializeModel(rnn.model, rnn.vocab)).toThrow(/no "sigmoid" nonlinearity/);
    const lstm = build('lstm');
    expect(() => serializeModel(lstm.model, buildVocab('ab'))).toThrow(ModelFileError);
  });
});

describe('a wrong file gives a ModelFileError and no model', () => {
  /** A valid 2-layer LSTM file (H = 4) changed by `edit`. */
  const edited = (edit: (o: Loose) => void, cell: CellKind = 'lstm'): unknown => {
    const o = fileObject(cell) as unknown as Loose;
    edit(o);
    return o;
  };

  it('not JSON, or not an object', () => {
    expectFileError('not json', /not valid JSON/, { code: 'modelFile.notJson' });
    expectFileError('', /not valid JSON/);
    expectFileError('{"format": "unrolled-model",', /not valid JSON/);
    for (const v of ['[1, 2]', '42', 'null', '"text"', 'true']) {
      expectFileError(v, 'The file does not hold a JSON object.', { code: 'modelFile.notObject' });
    }
    expectFileError([1, 2], /JSON object/);
    expectFileError(undefined, /JSON object/);
  });

  it('wrong format or version', () => {
    expectFileError(
      edited((o) => (o['format'] = 'keras')),
      /not an Unrolled model file: "format" must be "unrolled-model"/,
      { code: 'modelFile.wrongFormat' },
    );
    expectFileError(
      edited((o) => delete o['format']),
      /not an Unrolled model file/,
    );
    expectFileError(
      edited((o) => (o['version'] = 3)),
      /Unsupported model file version 3; this app reads versions 1 and 2/,
      { code: 'modelFile.wrongVersion', vars: { version: '3', oldest: 1, newest: 2 } },
    );
    expectFileError(
      edited((o) => (o['version'] = '1')),
      /version "1"/,
    );
  });

  it('unknown cell, bad nonlinearity, no config', () => {
    expectFileError(
      edited((o) => (o['config'].cell = 'transformer')),
      'Unknown cell "transformer": expected "rnn", "lstm" or "gru".',
      { code: 'modelFile.unknownCell', vars: { found: '"transformer"' } },
    );
    expectFileError(
      edited((o) => (o['config'].nonlinearity = 'sigmoid'), 'rnn'),
      'Unknown nonlinearity "sigmoid": expected "tanh" or "relu".',
      { code: 'modelFile.unknownNonlinearity' },
    );
    expectFileError(
      edited((o) => (o['config'].nonlinearity = 42), 'rnn'),
      /Unknown nonlinearity 42/,
    );
    expectFileError(
      edited((o) => delete o['config']),
      'The file has no "config" object.',
    );
    expectFileError(
      edited((o) => (o['config'] = [])),
      /no "config" object/,
    );
  });

  it.each([0, -1, 2.5, 4096, '8', null])('hiddenSize %j', (v) => {
    expectFileError(
      edited((o) => (o['config'].hiddenSize = v)),
      `config.hiddenSize must be a whole number from 1 to 2048 (found ${JSON.stringify(v)}).`,
      { code: 'modelFile.wholeNumber', vars: { name: 'config.hiddenSize', lo: 1, hi: 2048 } },
    );
  });

  it.each([0, 5, 1.5])('numLayers %j', (v) => {
    expectFileError(
      edited((o) => (o['config'].numLayers = v)),
      `config.numLayers must be a whole number from 1 to 4 (found ${v}).`,
    );
  });

  it('vocabulary: not a list, duplicate, more than one character, empty', () => {
    expectFileError(
      edited((o) => (o['config'].vocab = 'abc')),
      'config.vocab must be a list of characters.',
    );
    expectFileError(
      edited((o) => (o['config'].vocab[1] = o['config'].vocab[0])),
      /Bad vocabulary: Vocabulary entry 1 repeats the character/,
      { code: 'modelFile.badVocab', vars: { reason: { code: 'vocab.repeats' } } },
    );
    expectFileError(
      edited((o) => (o['config'].vocab[2] = 'ab')),
      /Bad vocabulary: Vocabulary entry 2 \("ab"\) is not exactly one character/,
    );
    expectFileError(
      edited((o) => (o['config'].vocab[0] = 7)),
      /Vocabulary entry 0 \(7\) is not exactly one character/,
    );
    expectFileError(
      edited((o) => (o['config'].vocab[0] = '')),
      /Vocabulary entry 0 \(""\) is not exactly one character/,
    );
    expectFileError(
      edited((o) => (o['config'].vocab = [])),
      'Bad vocabulary: The vocabulary is empty.',
    );
  });

  it('missing, extra and misshapen tensors', () => {
    expectFileError(
      edited((o) => delete o['tensors']['rnn.bias_hh_l1']),
      'Missing tensor "rnn.bias_hh_l1".',
    );
    expectFileError(
      edited((o) => (o['tensors']['rnn.weight_ih_l2'] = o['tensors']['rnn.weight_ih_l1'])),
      'Unexpected tensor "rnn.weight_ih_l2" for a 2-layer LSTM.',
      { code: 'modelFile.unexpectedTensor' },
    );
    expectFileError(
      edited((o) => delete o['tensors']),
      'The file has no "tensors" object.',
    );
    const V = buildVocab(TEXT).chars.length;
    expectFileError(
      edited((o) => (o['tensors']['decoder.weight'].shape = [4, V])),
      `Tensor "decoder.weight" has shape [4,${V}]; expected [${V}, 4].`,
      { code: 'modelFile.badShape', vars: { tensor: 'decoder.weight', found: `[4,${V}]` } },
    );
    expectFileError(
      edited((o) => (o['tensors']['decoder.weight'].shape = [V * 4])),
      /Tensor "decoder.weight" has shape/,
    );
    expectFileError(
      edited((o) => delete o['tensors']['decoder.bias'].shape),
      `Tensor "decoder.bias" has shape undefined; expected [${V}].`,
    );
    expectFileError(
      edited((o) => o['tensors']['rnn.weight_hh_l0'].data.pop()),
      'Tensor "rnn.weight_hh_l0" must hold 64 numbers (found 63).',
      { code: 'modelFile.badLength', vars: { size: 64, found: 63 } },
    );
    expectFileError(
      edited((o) => (o['tensors']['rnn.weight_hh_l0'].data = {})),
      'Tensor "rnn.weight_hh_l0" must hold 64 numbers (found no list).',
      { code: 'modelFile.noData' },
    );
    expectFileError(
      edited((o) => (o['tensors']['decoder.bias'] = [1, 2])),
      'Missing tensor "decoder.bias".',
    );
  });

  it.each([NaN, Infinity, -Infinity, '0.5', null, true, [1]])(
    'a non-number %s in the data (parsed-object input)',
    (bad) => {
      // The last value of the last tensor: every check runs before a model is returned.
      expectFileError(
        edited((o) => {
          const data = o['tensors']['decoder.bias'].data as unknown[];
          data[data.length - 1] = bad;
        }),
        new RegExp(
          `Tensor "decoder.bias" holds a value that is not a finite number at index ${buildVocab(TEXT).chars.length - 1}\\.`,
        ),
      );
    },
  );

  it('a number too large for a double in the text (1e999 parses as Infinity)', () => {
    const text = JSON.stringify(fileObject('gru')).replace(
      /("decoder\.bias":\{"shape":\[\d+\],"data":\[)[^,\]]+/,
      '$11e999',
    );
    expect(text).toContain('"data":[1e999,');
    expectFileError(
      text,
      'Tensor "decoder.bias" holds a value that is not a finite number at index 0.',
    );
    expectFileError(text.replace('1e999', '-1e999'), /not a finite number at index 0/, {
      code: 'modelFile.notFinite',
      vars: { tensor: 'decoder.bias', index: 0 },
    });
  });

  it('does not modify the input it rejects', () => {
    const bad = edited((o) => o['tensors']['decoder.bias'].data.pop());
    const copy = structuredClone(bad);
    expectFileError(bad, /must hold/);
    expect(bad).toEqual(copy);
  });
});

describe('"__proto__" and other prototype keys', () => {
  const polluted = (): void => {
    const probe = {} as Record<string, unknown>;
    for (const key of ['polluted', 'hiddenSize', 'shape', 'data', 'format', 'cell']) {
      expect(probe[key]).toBeUndefined();
      expect(Object.hasOwn(Object.prototype, key)).toBe(false);
    }
  };

  /** The file's JSON text with `insert` added as the first member of the object opened by `at`. */
  const withMember = (at: string, insert: string): string => {
    const text = JSON.stringify(fileObject('gru'));
    expect(text).toContain(at);
    return text.replace(at, `${at}${insert},`);
  };

  it('inside "tensors": rejected as an unexpected tensor, Object.prototype untouched', () => {
    const text = withMember('"tensors":{', '"__proto__":{"shape":[1],"data":[1],"polluted":true}');
    expectFileError(text, 'Unexpected tensor "__proto__" for a 2-layer GRU.');
    polluted();
  });

  it('inside "config": ignored (never read), Object.prototype untouched', () => {
    const text = withMember('"config":{', '"__proto__":{"polluted":true,"hiddenSize":999}');
    const { model } = parseModel(text);
    expect(model.config.hiddenSize).toBe(4);
    polluted();
  });

  it('a value only on the prototype does not count as present', () => {
    // Drop hiddenSize and offer it through "__proto__" in the text...
    const obj = fileObject('gru') as unknown as Loose;
    delete obj['config'].hiddenSize;
    const text = JSON.stringify(obj).replace(
      '"config":{',
      '"config":{"__proto__":{"hiddenSize":4},',
    );
    expectFileError(
      text,
      /config.hiddenSize must be a whole number from 1 to 2048 \(found undefined\)/,
    );
    // ...and through a real prototype in the parsed-object path.
    const cfg = Object.assign(Object.create({ hiddenSize: 4 }) as object, obj['config']);
    expectFileError({ ...obj, config: cfg }, /config.hiddenSize .* \(found undefined\)/);
    const tensors = Object.create(obj['tensors'] as object) as object;
    expectFileError(
      { ...obj, config: { ...obj['config'], hiddenSize: 4 }, tensors },
      /Missing tensor/,
    );
    polluted();
  });

  it('at the top level: not a model file, Object.prototype untouched', () => {
    const inner = fileObject('rnn');
    const text = `{"__proto__":${JSON.stringify(inner)}}`;
    expectFileError(text, /not an Unrolled model file/);
    polluted();
  });

  it('"constructor" and "prototype" keys in the config are ignored', () => {
    const text = withMember('"config":{', '"constructor":{"prototype":{"polluted":true}}');
    expect(parseModel(text).model.config.cell).toBe('gru');
    polluted();
  });
});
