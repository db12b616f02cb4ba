// The exported PyTorch script in real PyTorch, where it is installed (UNROLLED_TORCH_PYTHON names
// a Python with torch, else python3): it loads an Unrolled model file of every kind and computes
// the engine's outputs in float32. Skipped, saying why, where Python or torch is missing.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createModel, type ModelConfig } from '../../src/engine/model.ts';
import { modelFileJson, type ModelLabels } from '../../src/engine/modelfile.ts';
import { forwardModel } from '../../src/engine/network.ts';
import { pytorchScriptFor } from '../../src/engine/pytorch.ts';
import { createRng } from '../../src/engine/rng.ts';
import { buildVocab } from '../../src/engine/vocab.ts';

const python = process.env['UNROLLED_TORCH_PYTHON'] ?? 'python3';
const probe = spawnSync(python, ['-c', 'import torch; print(torch.__version__)'], {
  encoding: 'utf8',
});
const torchVersion = probe.status === 0 ? probe.stdout.trim() : null;
if (torchVersion === null) {
  console.log(
    `PyTorch check skipped: "${python}" cannot import torch (set UNROLLED_TORCH_PYTHON to a Python with torch).`,
  );
}

const dir = mkdtempSync(join(tmpdir(), 'unrolled-torch-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const RUN = `import importlib.util, json, sys, torch
spec = importlib.util.spec_from_file_location("exported", sys.argv[1])
mod = importlib.util.module_from_spec(spec)
spec.loader.exec_module(mod)
m = mod.load_model(sys.argv[2])
x = json.loads(sys.argv[3])
inp = torch.tensor(x["ids"]) if mod.INPUT == "onehot" else torch.tensor(x["values"], dtype=torch.float32)
with torch.no_grad():
    y, _ = m(inp)
print(json.dumps(y.flatten().tolist()))
`;

const vocab = buildVocab('abcd ');
const T = 6;
const cases: { name: string; config: ModelConfig; labels: ModelLabels }[] = [
  {
    name: 'bidirectional LSTM tagger, 2 layers',
    config: {
      cell: 'lstm',
      nonlinearity: 'tanh',
      hiddenSize: 5,
      numLayers: 2,
      bidirectional: true,
      input: 'onehot',
      inputSize: 5,
      outputSize: 2,
      head: 'softmax',
    },
    labels: { vocab, classes: ['in', 'end'], task: 'spaces' },
  },
  {
    name: 'GRU on real values with a linear head',
    config: {
      cell: 'gru',
      nonlinearity: 'tanh',
      hiddenSize: 4,
      numLayers: 2,
      bidirectional: false,
      input: 'dense',
      inputSize: 2,
      outputSize: 1,
      head: 'linear',
    },
    labels: { vocab: null, classes: null, task: 'series' },
  },
  {
    name: 'character RNN (relu)',
    config: {
      cell: 'rnn',
      nonlinearity: 'relu',
      hiddenSize: 6,
      numLayers: 1,
      bidirectional: false,
      input: 'onehot',
      inputSize: 5,
      outputSize: 5,
      head: 'softmax',
    },
    labels: { vocab, classes: vocab.chars, task: 'chars' },
  },
];

describe.skipIf(torchVersion === null)(`the exported script in PyTorch ${torchVersion}`, () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s: same outputs', (name, c) => {
    const model = createModel(c.config, createRng(9));
    const rng = createRng(4);
    const ids = Array.from({ length: T }, () => rng.int(5));
    const values = Array.from({ length: T * c.config.inputSize }, () => rng.normal());
    const batch =
      c.config.input === 'onehot'
        ? { T, B: 1, input: { kind: 'onehot' as const, ids: Int32Array.from(ids) } }
        : { T, B: 1, input: { kind: 'dense' as const, x: Float64Array.from(values) } };
    const targets =
      c.config.head === 'softmax'
        ? new Int32Array(T).fill(-1)
        : new Float64Array(T * c.config.outputSize);
    const engine = forwardModel(model, { ...batch, targets }, null).outputs.flatMap((y) => [...y]);
    const stem = join(dir, name.replace(/\W+/g, '-'));
    writeFileSync(`${stem}.py`, pytorchScriptFor(model, c.labels));
    writeFileSync(`${stem}.json`, JSON.stringify(modelFileJson(model, c.labels)));
    // batch_first: ids [1, T] or values [1, T, I]
    const arg = JSON.stringify({
      ids: [ids],
      values: [Array.from({ length: T }, (_, t) => values.slice(t * 2, t * 2 + 2))],
    });
    const r = spawnSync(python, ['-c', RUN, `${stem}.py`, `${stem}.json`, arg], {
      encoding: 'utf8',
    });
    expect(r.status, r.stderr).toBe(0);
    const torchOut = JSON.parse(r.stdout) as number[];
    expect(torchOut).toHaveLength(engine.length);
    torchOut.forEach((v, k) =>
      expect(Math.abs(v - engine[k]!)).toBeLessThan(1e-5 + 1e-5 * Math.abs(v)),
    );
  });
});
