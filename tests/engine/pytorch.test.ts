// The PyTorch export script: the right module, sizes and state_dict names; Python accepts it
// (py_compile; torch is not installed); its vocabulary literal reads back exactly; and its loader,
// run against a recording stand-in for torch, builds the modules and tensors a real file needs.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CellKind, Nonlinearity } from '../../src/engine/cell.ts';
import { createModel, namedTensors } from '../../src/engine/model.ts';
import { modelFileJson, serializeModel } from '../../src/engine/modelfile.ts';
import { pythonString, pytorchScript, pytorchScriptFor } from '../../src/engine/pytorch.ts';
import { createRng } from '../../src/engine/rng.ts';
import { buildVocab } from '../../src/engine/vocab.ts';

const dir = mkdtempSync(join(tmpdir(), 'unrolled-pytorch-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Awkward characters on purpose: quotes, backslash, controls, non-BMP, CJK, a lone surrogate.
const TEXT = 'ab "q" \'s\' \\ \n\t\r\x00\x7f é 你 😀 \ud800';

function setup(cell: CellKind, nonlinearity: Nonlinearity = 'tanh', L = 2, H = 6) {
  const vocab = buildVocab(TEXT);
  const V = vocab.chars.length;
  const model = createModel(
    {
      cell,
      nonlinearity,
      hiddenSize: H,
      numLayers: L,
      bidirectional: false,
      input: 'onehot',
      inputSize: V,
      outputSize: V,
      head: 'softmax',
    },
    createRng(3),
  );
  const script = pytorchScript({
    cell,
    nonlinearity,
    hiddenSize: H,
    numLayers: L,
    vocab: vocab.chars,
  });
  return { model, vocab, script, V, H, L };
}

function python(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync('python3', args, {
    encoding: 'utf8',
    env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1', ...env },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A stand-in for torch that records what the script builds (enough for load_model only). */
function fakeTorch(): string {
  const root = join(dir, 'fake');
  mkdirSync(join(root, 'torch', 'nn'), { recursive: true });
  writeFileSync(
    join(root, 'torch', '__init__.py'),
    `float32 = "float32"
class _Tensor:
    def __init__(self, data, dtype):
        self.data, self.dtype, self.shape = data, dtype, None
    def reshape(self, shape):
        n = 1
        for d in shape:
            n *= d
        if n != len(self.data):
            raise RuntimeError("bad reshape")
        self.shape = list(shape)
        return self
def tensor(data, dtype=None):
    return _Tensor(data, dtype)
class no_grad:
    def __call__(self, f):
        return f
from . import nn
`,
  );
  writeFileSync(
    join(root, 'torch', 'nn', '__init__.py'),
    `class Module:
    def __init__(self):
        pass
    def load_state_dict(self, state_dict):
        self.loaded = state_dict
class _Recorded:
    def __init__(self, *args, **kwargs):
        self.args, self.kwargs = list(args), kwargs
class RNN(_Recorded): pass
class LSTM(_Recorded): pass
class GRU(_Recorded): pass
class Linear(_Recorded): pass
`,
  );
  writeFileSync(join(root, 'torch', 'nn', 'functional.py'), '');
  return root;
}

const LOAD = `import importlib.util, json, sys
spec = importlib.util.spec_from_file_location("exported", sys.argv[1])
mod = importlib.util.module_from_spec(spec)
spec.loader.exec_module(mod)
try:
    m = mod.load_model(sys.argv[2])
except ValueError as e:
    print(json.dumps({"error": str(e)}))
    sys.exit(0)
print(json.dumps({
    "rnn": [type(m.rnn).__name__, m.rnn.args, m.rnn.kwargs],
    "decoder": m.decoder.args,
    "vocab": m.vocab,
    "tensors": {k: [t.shape, t.dtype, t.data] for k, t in m.loaded.items()},
}))
`;

const CASES: { cell: CellKind; nonlinearity: Nonlinearity; module: string }[] = [
  { cell: 'rnn', nonlinearity: 'tanh', module: 'RNN' },
  { cell: 'rnn', nonlinearity: 'relu', module: 'RNN' },
  { cell: 'lstm', nonlinearity: 'tanh', module: 'LSTM' },
  { cell: 'gru', nonlinearity: 'tanh', module: 'GRU' },
];

describe('pythonString', () => {
  it('escapes to ASCII', () => {
    expect(pythonString('a"b\\c')).toBe('"a\\"b\\\\c"');
    expect(pythonString('\n\t\r\x00')).toBe('"\\n\\t\\r\\x00"');
    expect(pythonString('é你😀')).toBe('"\\xe9\\u4f60\\U0001f600"');
    expect(pythonString('\ud800')).toBe('"\\ud800"');
  });
});

describe.each(CASES)('pytorchScript: $cell ($nonlinearity)', ({ cell, nonlinearity, module }) => {
  const { model, vocab, script, V, H, L } = setup(cell, nonlinearity);
  const file = join(dir, `${cell}-${nonlinearity}.py`);
  writeFileSync(file, script);

  it('names the module, sizes and every state_dict tensor', () => {
    expect(script).toContain('class CharModel(nn.Module):');
    expect(script).toContain(
      `self.rnn = nn.${module}(size, HIDDEN_SIZE, num_layers=NUM_LAYERS, batch_first=True` +
        (cell === 'rnn' ? `, nonlinearity="${nonlinearity}")` : ')'),
    );
    if (cell !== 'rnn') expect(script).not.toContain('nonlinearity=');
    expect(script).toContain('self.decoder = nn.Linear(HIDDEN_SIZE, size)');
    expect(script).toContain(`HIDDEN_SIZE = ${H}\n`);
    expect(script).toContain(`NUM_LAYERS = ${L}\n`);
    expect(script).toContain(`CELL = "${cell}"\n`);
    expect(script).toContain('MODEL_FORMAT = "unrolled-model"');
    expect(script).toContain('MODEL_VERSION = 2\n');
    expect(script).toContain('MODEL_VERSIONS = (1, 2)');
    expect(script).toContain('load_state_dict(');
    expect(script).toContain('dtype=torch.float32');
    expect(script).toContain('def sample(self, prime="", length=200, temperature=1.0');
    expect(script).toContain('if __name__ == "__main__":');
    for (const t of namedTensors(model)) {
      expect(script).toContain(`${t.name.padEnd(18)} [${t.shape.join(', ')}]\n`);
    }
    expect([...script].every((c) => c.charCodeAt(0) < 128)).toBe(true);
  });

  it('compiles with python3 -m py_compile', () => {
    const r = python(['-m', 'py_compile', file]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('holds the vocabulary exactly (read back with ast.literal_eval)', () => {
    const read = `import ast, json, sys
tree = ast.parse(open(sys.argv[1], encoding="ascii").read())
values = {t.id: ast.literal_eval(n.value) for n in tree.body if isinstance(n, ast.Assign)
          for t in n.targets if isinstance(t, ast.Name)}
print(json.dumps({k: values[k] for k in ["VOCAB", "CELL", "HIDDEN_SIZE", "NUM_LAYERS", "NONLINEARITY"]}))
`;
    const r = python(['-c', read, file]);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({
      VOCAB: vocab.chars,
      CELL: cell,
      HIDDEN_SIZE: H,
      NUM_LAYERS: L,
      NONLINEARITY: nonlinearity,
    });
  });

  it('load_model builds the module and reshapes every tensor of a real model file', () => {
    const modelFile = join(dir, `${cell}-${nonlinearity}.json`);
    writeFileSync(modelFile, serializeModel(model, vocab));
    const r = python(['-c', LOAD, file, modelFile], { PYTHONPATH: fakeTorch() });
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as {
      rnn: [string, number[], Record<string, unknown>];
      decoder: number[];
      vocab: string[];
      tensors: Record<string, [number[], string, number[]]>;
    };
    expect(out.rnn).toEqual([
      module,
      [V, H],
      {
        num_layers: L,
        batch_first: true,
        ...(cell === 'rnn' ? { nonlinearity } : {}),
      },
    ]);
    expect(out.decoder).toEqual([H, V]);
    expect(out.vocab).toEqual(vocab.chars);
    const tensors = namedTensors(model);
    expect(Object.keys(out.tensors)).toEqual(tensors.map((t) => t.name));
    for (const t of tensors) {
      const [shape, dtype, data] = out.tensors[t.name]!;
      expect(shape).toEqual(t.shape);
      expect(dtype).toBe('float32');
      expect(data).toEqual(Array.from(t.data));
    }
  });
});

describe('load_model refuses a file for another model', () => {
  const { model, vocab, script } = setup('lstm');
  const file = join(dir, 'refuse.py');
  writeFileSync(file, script);
  const load = (
    edit: (o: Record<string, unknown> & { config: Record<string, unknown> }) => void,
  ) => {
    const o = JSON.parse(serializeModel(model, vocab)) as Record<string, unknown> & {
      config: Record<string, unknown>;
    };
    edit(o);
    const path = join(dir, 'refuse.json');
    writeFileSync(path, JSON.stringify(o));
    const r = python(['-c', LOAD, file, path], { PYTHONPATH: fakeTorch() });
    expect(r.stderr).toBe('');
    return (JSON.parse(r.stdout) as { error?: string }).error;
  };

  it('wrong format, version, cell, size or vocabulary', () => {
    expect(load((o) => (o['format'] = 'x'))).toMatch(/is not an Unrolled model file/);
    expect(load((o) => (o['version'] = 3))).toMatch(
      /version 3; this script reads versions 1 and 2/,
    );
    expect(load((o) => (o.config['cell'] = 'gru'))).toMatch(
      /has cell 'gru'; this script is for 'lstm'/,
    );
    expect(load((o) => (o.config['hiddenSize'] = 7))).toMatch(/hiddenSize 7/);
    expect(load((o) => (o.config['vocab'] = ['a', 'a']))).toMatch(/repeats a character/);
    expect(load((o) => (o.config['vocab'] = ['ab']))).toMatch(/must be one character/);
    expect(load(() => {})).toBeUndefined();
  });
});

describe('pytorchScript refuses what PyTorch cannot build', () => {
  const base = { cell: 'rnn' as const, hiddenSize: 4, numLayers: 1, vocab: ['a', 'b'] };
  it('a sigmoid or linear RNN, an empty vocabulary, a zero size', () => {
    expect(() => pytorchScript({ ...base, nonlinearity: 'sigmoid' })).toThrow(/no "sigmoid"/);
    expect(() => pytorchScript({ ...base, nonlinearity: 'linear' })).toThrow(/no "linear"/);
    expect(() => pytorchScript({ ...base, nonlinearity: 'tanh', vocab: [] })).toThrow(/empty/);
    expect(() => pytorchScript({ ...base, nonlinearity: 'tanh', hiddenSize: 0 })).toThrow(
      /hiddenSize/,
    );
  });
});

describe('pytorchScriptFor: every kind of model', () => {
  const LOAD_ANY = LOAD.replace('"vocab": m.vocab,', '"vocab": m.vocab, "classes": m.classes,');

  it.each([
    { cell: 'gru' as const, module: 'GRU', kind: 'bidirectional tagger' },
    { cell: 'lstm' as const, module: 'LSTM', kind: 'bidirectional tagger' },
    { cell: 'rnn' as const, module: 'RNN', kind: 'linear head on real values' },
  ])('$cell $kind: builds the module and loads every tensor', ({ cell, module, kind }) => {
    const tagger = kind === 'bidirectional tagger';
    const vocab = buildVocab('abc');
    const model = createModel(
      {
        cell,
        nonlinearity: 'tanh',
        hiddenSize: 3,
        numLayers: 2,
        bidirectional: tagger,
        input: tagger ? 'onehot' : 'dense',
        inputSize: tagger ? 3 : 2,
        outputSize: 2,
        head: tagger ? 'softmax' : 'linear',
      },
      createRng(2),
    );
    const labels = tagger
      ? { vocab, classes: ['no', 'yes'], task: 'spaces' }
      : { vocab: null, classes: null, task: 'series' };
    const script = pytorchScriptFor(model, labels);
    expect(script).toContain('class SequenceModel(nn.Module):');
    expect(script).not.toContain('def sample(');
    expect([...script].every((c) => c.charCodeAt(0) < 128)).toBe(true);
    const file = join(dir, `${cell}-kind.py`);
    writeFileSync(file, script);
    expect(python(['-m', 'py_compile', file]).status).toBe(0);
    const modelFile = join(dir, `${cell}-kind.json`);
    writeFileSync(modelFile, JSON.stringify(modelFileJson(model, labels)));
    const r = python(['-c', LOAD_ANY, file, modelFile], { PYTHONPATH: fakeTorch() });
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as {
      rnn: [string, number[], Record<string, unknown>];
      decoder: number[];
      vocab: string[] | null;
      classes: string[] | null;
      tensors: Record<string, [number[], string, number[]]>;
    };
    expect(out.rnn).toEqual([
      module,
      [tagger ? 3 : 2, 3],
      {
        num_layers: 2,
        batch_first: true,
        ...(cell === 'rnn' ? { nonlinearity: 'tanh' } : {}),
        ...(tagger ? { bidirectional: true } : {}),
      },
    ]);
    expect(out.decoder).toEqual([tagger ? 6 : 3, 2]);
    expect(out.vocab).toEqual(tagger ? ['a', 'b', 'c'] : null);
    expect(out.classes).toEqual(tagger ? ['no', 'yes'] : null);
    const tensors = namedTensors(model);
    expect(Object.keys(out.tensors)).toEqual(tensors.map((t) => t.name));
    for (const t of tensors) expect(out.tensors[t.name]![2]).toEqual(Array.from(t.data));
  });
});

describe('a series model’s script normalises as the model file says', () => {
  const series = {
    column: 'CO\u2082 "ppm"',
    mean: 0.1 + 0.2,
    scale: 1e-7,
    difference: false,
    horizon: 3,
  };
  const model = createModel(
    {
      cell: 'gru',
      nonlinearity: 'tanh',
      hiddenSize: 4,
      numLayers: 1,
      bidirectional: false,
      input: 'dense',
      inputSize: 1,
      outputSize: 1,
      head: 'linear',
    },
    createRng(4),
  );
  const labels = { vocab: null, classes: null, task: 'series', series };
  const script = pytorchScriptFor(model, labels);
  const file = join(dir, 'series.py');
  writeFileSync(file, script);
  const LOAD_SERIES = LOAD.replace('"vocab": m.vocab,', '"vocab": m.vocab, "series": mod.SERIES,');
  const load = (edit: (config: Record<string, unknown>) => void) => {
    const o = modelFileJson(model, labels) as unknown as { config: Record<string, unknown> };
    edit(o.config);
    const path = join(dir, 'series.json');
    writeFileSync(path, JSON.stringify(o));
    const r = python(['-c', LOAD_SERIES, file, path], { PYTHONPATH: fakeTorch() });
    expect(r.stderr).toBe('');
    return JSON.parse(r.stdout) as { error?: string; series?: unknown };
  };

  it('holds the numbers exactly, compiles, and documents them', () => {
    expect(python(['-m', 'py_compile', file]).status).toBe(0);
    expect([...script].every((c) => c.charCodeAt(0) < 128)).toBe(true);
    expect(script).toContain('"mean": 0.30000000000000004,');
    expect(script).toContain('"scale": 1e-7,');
    expect(script).toContain('"horizon": 3,');
    expect(script).toContain('MEAN = 0.30000000000000004 and SCALE = 1e-7');
    expect(script).toContain('nn.MSELoss()');
    expect(script).toContain('[SERIES.csv [STEPS]]');
    expect(script).toContain('config["series"] = SERIES');
  });

  it('loads a file prepared the same way, or without a preparation; refuses another', () => {
    expect(load(() => undefined).series).toEqual(series);
    expect(load((c) => delete c['series']).error).toBeUndefined();
    expect(load((c) => ((c['series'] as { mean: number }).mean = 1)).error).toMatch(
      /prepares its inputs as .*this script as/,
    );
  });

  it('a series preparation only fits one value in and one out', () => {
    expect(() =>
      pytorchScript({
        cell: 'gru',
        nonlinearity: 'tanh',
        hiddenSize: 3,
        numLayers: 1,
        vocab: null,
        inputSize: 2,
        head: 'linear',
        outputSize: 1,
        series,
      }),
    ).toThrow('A series model reads one value per step and has a linear head of one.');
  });
});
