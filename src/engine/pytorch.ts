// A standalone PyTorch script for a model, so a learner can continue in PyTorch: it defines the
// module (nn.RNN / nn.LSTM / nn.GRU, bidirectional where the model is, over one-hot characters or
// real-valued inputs, then nn.Linear), loads an Unrolled model file with load_state_dict (the names
// and shapes are PyTorch's) and, for a character model, samples text. Pure string building: the
// script is ASCII, every character written as an escape.

import type { CellKind, Nonlinearity } from './cell.ts';
import { gateCount } from './cell.ts';
import { CELLS } from './cells.ts';
import { MODEL_VERSION, MODEL_VERSIONS, type ModelLabels } from './modelfile.ts';
import { layerSuffix, type Model } from './model.ts';

export interface PytorchScriptConfig {
  readonly cell: CellKind;
  /** Used for the RNN only; PyTorch's nn.RNN has tanh and relu. */
  readonly nonlinearity: Nonlinearity;
  readonly hiddenSize: number;
  readonly numLayers: number;
  /** Each layer runs both ways (default false). */
  readonly bidirectional?: boolean;
  /** One-hot input: the characters, id = index (the model file's config.vocab); null: real values. */
  readonly vocab: readonly string[] | null;
  /** Real-valued input: values per step. */
  readonly inputSize?: number;
  /** softmax (default) or linear. */
  readonly head?: 'softmax' | 'linear';
  /** Softmax head: class labels, when they are not the vocabulary. */
  readonly classes?: readonly string[];
  /** Linear head: values per step. */
  readonly outputSize?: number;
}

/** A Python string literal for s, in ASCII: code points become \xHH, \uHHHH or \UHHHHHHHH. */
export function pythonString(s: string): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (ch === '\\' || ch === '"') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (cp >= 0x20 && cp < 0x7f) out += ch;
    else if (cp < 0x100) out += `\\x${cp.toString(16).padStart(2, '0')}`;
    else if (cp < 0x10000) out += `\\u${cp.toString(16).padStart(4, '0')}`;
    else out += `\\U${cp.toString(16).padStart(8, '0')}`;
  }
  return `${out}"`;
}

/** The vocabulary as a Python list literal, ten characters a line. */
function vocabLiteral(vocab: readonly string[]): string {
  const lines: string[] = [];
  for (let k = 0; k < vocab.length; k += 10) {
    lines.push(
      `    ${vocab
        .slice(k, k + 10)
        .map(pythonString)
        .join(', ')},`,
    );
  }
  return `[\n${lines.join('\n')}\n]`;
}

/**
 * The script's text for a model of this configuration. Shapes it expects, per layer l and
 * direction (suffix l{l}, and l{l}_reverse when bidirectional): rnn.weight_ih [G·H, l = 0 ? I : D·H],
 * rnn.weight_hh [G·H, H], rnn.bias_* [G·H]; decoder.weight [O, D·H], decoder.bias [O];
 * G = 1, 4, 3 for RNN, LSTM, GRU.
 */
export function pytorchScript(config: PytorchScriptConfig): string {
  const { cell, nonlinearity, hiddenSize: H, numLayers: L, vocab } = config;
  const spec = Object.hasOwn(CELLS, cell) ? CELLS[cell] : undefined;
  if (spec === undefined) throw new RangeError(`Unknown cell "${String(cell)}".`);
  const module = spec.pytorchModule;
  if (cell === 'rnn' && nonlinearity !== 'tanh' && nonlinearity !== 'relu') {
    throw new RangeError(`PyTorch's nn.RNN has no "${nonlinearity}" nonlinearity.`);
  }
  const bidirectional = config.bidirectional ?? false;
  const head = config.head ?? 'softmax';
  const whole = (what: string, v: number | undefined): number => {
    if (v === undefined || !Number.isInteger(v) || v < 1)
      throw new RangeError(`Invalid ${what}: ${v}.`);
    return v;
  };
  whole('hiddenSize', H);
  whole('numLayers', L);
  if (vocab !== null && vocab.length === 0) throw new RangeError('The vocabulary is empty.');
  const I = vocab !== null ? vocab.length : whole('inputSize', config.inputSize);
  const classes = head === 'softmax' ? (config.classes ?? vocab) : null;
  if (head === 'softmax' && (classes === null || classes.length === 0))
    throw new RangeError('A softmax head needs its classes.');
  const O = classes !== null ? classes.length : whole('outputSize', config.outputSize);
  // A character model (one-hot characters in, the next character out) gets today's CharModel.
  const charModel = vocab !== null && head === 'softmax' && !config.classes && !bidirectional;
  const D = bidirectional ? 2 : 1;
  const G = gateCount(cell);
  const shapes: [string, number[]][] = [];
  for (let l = 0; l < L; l++) {
    for (let d = 0; d < D; d++) {
      const s = layerSuffix(l, d);
      shapes.push([`rnn.weight_ih_${s}`, [G * H, l === 0 ? I : D * H]]);
      shapes.push([`rnn.weight_hh_${s}`, [G * H, H]]);
      shapes.push([`rnn.bias_ih_${s}`, [G * H]], [`rnn.bias_hh_${s}`, [G * H]]);
    }
  }
  shapes.push(['decoder.weight', [O, D * H]], ['decoder.bias', [O]]);
  const width = bidirectional ? 26 : 18;
  const stateDict = shapes
    .map(([name, shape]) => `    ${name.padEnd(width)} [${shape.join(', ')}]`)
    .join('\n');
  const nl = cell === 'rnn' ? `, nonlinearity=${pythonString(nonlinearity)}` : '';
  const bi = bidirectional ? ', bidirectional=True' : '';
  const layers = `${L} layer${L === 1 ? '' : 's'}${bidirectional ? ', both ways' : ''}`;
  const what = charModel
    ? `an Unrolled character model: nn.${module}, ${layers}, hidden size ${H}, ${I} characters`
    : `an Unrolled model: nn.${module}, ${layers}, hidden size ${H}, ${vocab ? `${I} characters in` : `${I} values in`}, ${head === 'softmax' ? `${O} classes out` : `${O} values out`}`;
  const reads =
    vocab !== null
      ? `The model reads one character at a time as a one-hot vector x_t of size V = ${I}`
      : `The model reads ${I} real value${I === 1 ? '' : 's'} x_t per step`;
  const outputs =
    head === 'softmax'
      ? charModel
        ? 'the decoder turns h_t into logits over the next character'
        : `the decoder turns ${bidirectional ? '[h_fwd_t; h_bwd_t]' : 'h_t'} into logits over ${O} classes (softmax, cross-entropy)`
      : `the decoder turns ${bidirectional ? '[h_fwd_t; h_bwd_t]' : 'h_t'} into ${O} value${O === 1 ? '' : 's'} (squared error, torch.nn.MSELoss)`;
  const className = charModel ? 'CharModel' : 'SequenceModel';
  return `#!/usr/bin/env python3
"""A PyTorch copy of ${what}.

Written by Unrolled. It loads an Unrolled model file (JSON whose tensors carry PyTorch's
state_dict names and shapes) into the same architecture${charModel ? ' and samples text from it' : ''}, so you can
go on training or inspecting the model in PyTorch.

    python3 this_script.py model.json${charModel ? ' [PRIME]' : ''}

${reads}, updates the
hidden state with nn.${module}, and ${outputs}.
Its state_dict (name, shape; the file's tensors have the same):
${stateDict}
"""

import json
import sys

import torch
import torch.nn.functional as F
from torch import nn

MODEL_FORMAT = "unrolled-model"
MODEL_VERSION = ${MODEL_VERSION}
MODEL_VERSIONS = (${MODEL_VERSIONS.join(', ')})  # the versions this script reads
CELL = ${pythonString(cell)}
NONLINEARITY = ${pythonString(cell === 'rnn' ? nonlinearity : 'tanh')}  # used by nn.RNN only
HIDDEN_SIZE = ${H}
NUM_LAYERS = ${L}
BIDIRECTIONAL = ${bidirectional ? 'True' : 'False'}
INPUT = ${pythonString(vocab !== null ? 'onehot' : 'dense')}
INPUT_SIZE = ${I}
HEAD = ${pythonString(head)}
OUTPUT_SIZE = ${O}
# The characters; a character's id is its index in this list.
VOCAB = ${vocab !== null ? vocabLiteral(vocab) : 'None'}
${charModel ? '' : `# The classes of the softmax head, id = index (None for a linear head).\nCLASSES = ${classes !== null ? vocabLiteral(classes) : 'None'}\n`}${charModel ? charModelClass(module, layers, nl) : sequenceModelClass(module, layers, nl, bi)}

def load_model(path):
    """A ${className} with the weights of the Unrolled model file at path (float32)."""
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    if not isinstance(data, dict) or data.get("format") != MODEL_FORMAT:
        raise ValueError(f"{path} is not an Unrolled model file")
    if data.get("version") not in MODEL_VERSIONS:
        raise ValueError(
            f"{path} is model file version {data.get('version')!r}; "
            f"this script reads versions {' and '.join(map(str, MODEL_VERSIONS))}"
        )
    config = data.get("config")
    if not isinstance(config, dict):
        raise ValueError(f"{path} has no config")
    expected = {"cell": CELL, "hiddenSize": HIDDEN_SIZE, "numLayers": NUM_LAYERS}
    if CELL == "rnn":
        expected["nonlinearity"] = NONLINEARITY
    if data.get("version") >= 2:
        expected.update({"bidirectional": BIDIRECTIONAL, "input": INPUT, "head": HEAD})
    for key, value in expected.items():
        found = config.get(key, "tanh" if key == "nonlinearity" else None)
        if found != value:
            raise ValueError(f"{path} has {key} {found!r}; this script is for {value!r}")
    vocab = config.get("vocab")
    if INPUT == "onehot":
        if not isinstance(vocab, list) or len(vocab) == 0:
            raise ValueError(f"{path}: config.vocab must be a list of characters")
        if any(not isinstance(ch, str) or len(ch) != 1 for ch in vocab):
            raise ValueError(f"{path}: each config.vocab entry must be one character")
        if len(set(vocab)) != len(vocab):
            raise ValueError(f"{path}: config.vocab repeats a character")
    model = ${charModel ? 'CharModel(vocab)' : 'SequenceModel(vocab, config.get("classes", vocab) if HEAD == "softmax" else None)'}
    state_dict = {
        name: torch.tensor(t["data"], dtype=torch.float32).reshape(t["shape"])
        for name, t in data["tensors"].items()
    }
    model.load_state_dict(state_dict)  # strict: every name and shape must match
    return model


def save_model(model, path):
    """Writes model as an Unrolled model file (so it loads back into Unrolled)."""
    config = {
        "cell": CELL,
        "hiddenSize": HIDDEN_SIZE,
        "numLayers": NUM_LAYERS,
        "bidirectional": BIDIRECTIONAL,
        "input": INPUT,
        "head": HEAD,
    }
    if CELL == "rnn":
        config["nonlinearity"] = NONLINEARITY
    if INPUT == "onehot":
        config["vocab"] = model.vocab
    else:
        config["inputSize"] = INPUT_SIZE
    if HEAD == "softmax":
        if model.classes != model.vocab:
            config["classes"] = model.classes
    else:
        config["outputSize"] = OUTPUT_SIZE
    tensors = {
        name: {"shape": list(t.shape), "data": t.detach().double().flatten().tolist()}
        for name, t in model.state_dict().items()
    }
    with open(path, "w", encoding="utf-8") as f:
        json.dump(
            {"format": MODEL_FORMAT, "version": MODEL_VERSION, "config": config, "tensors": tensors},
            f,
        )


if __name__ == "__main__":
    model_path = sys.argv[1] if len(sys.argv) > 1 else "model.json"
${
  charModel
    ? `    prime = sys.argv[2] if len(sys.argv) > 2 else ""
    model = load_model(model_path)
    model.eval()
    print(model.sample(prime, length=200, temperature=0.8))`
    : `    model = load_model(model_path)
    model.eval()
    print(model)
    print(sum(p.numel() for p in model.parameters()), "parameters")`
}
`;
}

/** The character model's class: one-hot characters → the cell → logits, and sampling. */
function charModelClass(module: string, layers: string, nl: string): string {
  return `

class CharModel(nn.Module):
    """One-hot characters -> nn.${module} (${layers}) -> nn.Linear decoder -> logits."""

    def __init__(self, vocab=VOCAB):
        super().__init__()
        self.vocab = list(vocab)
        self.classes = self.vocab
        self.stoi = {ch: i for i, ch in enumerate(self.vocab)}
        size = len(self.vocab)
        self.rnn = nn.${module}(size, HIDDEN_SIZE, num_layers=NUM_LAYERS, batch_first=True${nl})
        self.decoder = nn.Linear(HIDDEN_SIZE, size)

    def forward(self, ids, state=None):
        """ids: LongTensor [B, T] (-1 reads a zero vector). Returns logits [B, T, V] and the state."""
        x = F.one_hot(ids.clamp(min=0), len(self.vocab)).float()
        x = x * (ids >= 0).unsqueeze(-1).float()
        y, state = self.rnn(x, state)
        return self.decoder(y), state

    def encode(self, text):
        """Text -> list of ids; raises ValueError naming a character outside the vocabulary."""
        for ch in text:
            if ch not in self.stoi:
                raise ValueError(f"the character {ch!r} is not in the model's vocabulary")
        return [self.stoi[ch] for ch in text]

    @torch.no_grad()
    def sample(self, prime="", length=200, temperature=1.0, generator=None):
        """prime + length characters, each drawn from softmax(logits / temperature)."""
        ids = self.encode(prime) or [-1]  # an empty prime reads one zero vector
        logits, state = self(torch.tensor([ids]))
        out = []
        for _ in range(length):
            probs = torch.softmax(logits[0, -1] / temperature, dim=-1)
            next_id = int(torch.multinomial(probs, 1, generator=generator))
            out.append(self.vocab[next_id])
            logits, state = self(torch.tensor([[next_id]]), state)
        return prime + "".join(out)

`;
}

/** Any other model: one-hot or real-valued input → the cell (maybe both ways) → nn.Linear. */
function sequenceModelClass(module: string, layers: string, nl: string, bi: string): string {
  return `

class SequenceModel(nn.Module):
    """Input per step -> nn.${module} (${layers}) -> nn.Linear at every step."""

    def __init__(self, vocab=VOCAB, classes=CLASSES):
        super().__init__()
        self.vocab = list(vocab) if vocab is not None else None
        self.classes = list(classes) if classes is not None else None
        self.rnn = nn.${module}(INPUT_SIZE, HIDDEN_SIZE, num_layers=NUM_LAYERS, batch_first=True${nl}${bi})
        directions = 2 if BIDIRECTIONAL else 1
        self.decoder = nn.Linear(directions * HIDDEN_SIZE, OUTPUT_SIZE)

    def forward(self, x, state=None):
        """x: LongTensor ids [B, T] (-1 reads a zero vector) for one-hot input, else a float
        tensor [B, T, INPUT_SIZE]. Returns the outputs [B, T, OUTPUT_SIZE] and the state."""
        if INPUT == "onehot":
            ids = x
            x = F.one_hot(ids.clamp(min=0), INPUT_SIZE).float()
            x = x * (ids >= 0).unsqueeze(-1).float()
        y, state = self.rnn(x, state)
        return self.decoder(y), state

`;
}

/** The script for a model and the labels its file carries. */
export function pytorchScriptFor(m: Model, labels: ModelLabels): string {
  const c = m.config;
  const vocab = c.input === 'onehot' ? (labels.vocab?.chars ?? null) : null;
  const sameAsVocab =
    vocab !== null &&
    labels.classes !== null &&
    labels.classes.length === vocab.length &&
    labels.classes.every((x, k) => x === vocab[k]);
  return pytorchScript({
    cell: c.cell,
    nonlinearity: c.nonlinearity,
    hiddenSize: c.hiddenSize,
    numLayers: c.numLayers,
    bidirectional: c.bidirectional,
    vocab,
    ...(vocab === null ? { inputSize: c.inputSize } : {}),
    head: c.head,
    ...(c.head === 'softmax' && labels.classes && !sameAsVocab ? { classes: labels.classes } : {}),
    ...(c.head === 'linear' ? { outputSize: c.outputSize } : {}),
  });
}
