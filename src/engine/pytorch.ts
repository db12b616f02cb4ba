// A standalone PyTorch script for a character model, so a learner can continue in PyTorch: it
// defines CharModel (nn.RNN / nn.LSTM / nn.GRU over one-hot characters, then nn.Linear), loads an
// Unrolled model file with load_state_dict (the names and shapes are PyTorch's), and samples text.
// Pure string building: the script is ASCII, every vocabulary character written as an escape.

import type { CellKind, Nonlinearity } from './cell.ts';
import { gateCount } from './cells.ts';

export interface PytorchScriptConfig {
  readonly cell: CellKind;
  /** Used for the RNN only; PyTorch's nn.RNN has tanh and relu. */
  readonly nonlinearity: Nonlinearity;
  readonly hiddenSize: number;
  readonly numLayers: number;
  /** The characters, id = index (as in the model file's config.vocab). */
  readonly vocab: readonly string[];
}

const MODULES: Record<CellKind, string> = { rnn: 'RNN', lstm: 'LSTM', gru: 'GRU' };

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
 * The script's text for a model of this configuration. Shapes it expects, per layer l:
 * rnn.weight_ih_l{l} [G·H, l = 0 ? V : H], rnn.weight_hh_l{l} [G·H, H], rnn.bias_*_l{l} [G·H];
 * decoder.weight [V, H], decoder.bias [V]; G = 1, 4, 3 for RNN, LSTM, GRU.
 */
export function pytorchScript(config: PytorchScriptConfig): string {
  const { cell, nonlinearity, hiddenSize: H, numLayers: L, vocab } = config;
  const module = MODULES[cell];
  if (module === undefined) throw new RangeError(`Unknown cell "${String(cell)}".`);
  if (cell === 'rnn' && nonlinearity !== 'tanh' && nonlinearity !== 'relu') {
    throw new RangeError(`PyTorch's nn.RNN has no "${nonlinearity}" nonlinearity.`);
  }
  for (const [what, v] of [
    ['hiddenSize', H],
    ['numLayers', L],
  ] as const) {
    if (!Number.isInteger(v) || v < 1) throw new RangeError(`Invalid ${what}: ${v}.`);
  }
  if (vocab.length === 0) throw new RangeError('The vocabulary is empty.');
  const V = vocab.length;
  const G = gateCount(cell);
  const shapes: [string, number[]][] = [];
  for (let l = 0; l < L; l++) {
    shapes.push([`rnn.weight_ih_l${l}`, [G * H, l === 0 ? V : H]]);
    shapes.push([`rnn.weight_hh_l${l}`, [G * H, H]]);
    shapes.push([`rnn.bias_ih_l${l}`, [G * H]], [`rnn.bias_hh_l${l}`, [G * H]]);
  }
  shapes.push(['decoder.weight', [V, H]], ['decoder.bias', [V]]);
  const stateDict = shapes
    .map(([name, shape]) => `    ${name.padEnd(18)} [${shape.join(', ')}]`)
    .join('\n');
  const nl = cell === 'rnn' ? `, nonlinearity=${pythonString(nonlinearity)}` : '';
  const layers = `${L} layer${L === 1 ? '' : 's'}`;
  return `#!/usr/bin/env python3
"""A PyTorch copy of an Unrolled character model: nn.${module}, ${layers}, hidden size ${H}, ${V} characters.

Written by Unrolled. It loads an Unrolled model file (JSON whose tensors carry PyTorch's
state_dict names and shapes) into the same architecture and samples text from it, so you can
go on training or inspecting the model in PyTorch.

    python3 this_script.py model.json [PRIME]

The model reads one character at a time as a one-hot vector x_t of size V = ${V}, updates the
hidden state with nn.${module}, and the decoder turns h_t into logits over the next character.
Its state_dict (name, shape; the file's tensors have the same):
${stateDict}
"""

import json
import sys

import torch
import torch.nn.functional as F
from torch import nn

MODEL_FORMAT = "unrolled-model"
MODEL_VERSION = 1
CELL = ${pythonString(cell)}
NONLINEARITY = ${pythonString(cell === 'rnn' ? nonlinearity : 'tanh')}  # used by nn.RNN only
HIDDEN_SIZE = ${H}
NUM_LAYERS = ${L}
# The characters; a character's id is its index in this list.
VOCAB = ${vocabLiteral(vocab)}


class CharModel(nn.Module):
    """One-hot characters -> nn.${module} (${layers}) -> nn.Linear decoder -> logits."""

    def __init__(self, vocab=VOCAB):
        super().__init__()
        self.vocab = list(vocab)
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


def load_model(path):
    """A CharModel with the weights of the Unrolled model file at path (float32)."""
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    if not isinstance(data, dict) or data.get("format") != MODEL_FORMAT:
        raise ValueError(f"{path} is not an Unrolled model file")
    if data.get("version") != MODEL_VERSION:
        raise ValueError(
            f"{path} is model file version {data.get('version')!r}; "
            f"this script reads version {MODEL_VERSION}"
        )
    config = data.get("config")
    if not isinstance(config, dict):
        raise ValueError(f"{path} has no config")
    expected = {"cell": CELL, "hiddenSize": HIDDEN_SIZE, "numLayers": NUM_LAYERS}
    if CELL == "rnn":
        expected["nonlinearity"] = NONLINEARITY
    for key, value in expected.items():
        found = config.get(key, "tanh" if key == "nonlinearity" else None)
        if found != value:
            raise ValueError(f"{path} has {key} {found!r}; this script is for {value!r}")
    vocab = config.get("vocab")
    if not isinstance(vocab, list) or len(vocab) == 0:
        raise ValueError(f"{path}: config.vocab must be a list of characters")
    if any(not isinstance(ch, str) or len(ch) != 1 for ch in vocab):
        raise ValueError(f"{path}: each config.vocab entry must be one character")
    if len(set(vocab)) != len(vocab):
        raise ValueError(f"{path}: config.vocab repeats a character")
    model = CharModel(vocab)
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
        "vocab": model.vocab,
    }
    if CELL == "rnn":
        config["nonlinearity"] = NONLINEARITY
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
    prime = sys.argv[2] if len(sys.argv) > 2 else ""
    model = load_model(model_path)
    model.eval()
    print(model.sample(prime, length=200, temperature=0.8))
`;
}
