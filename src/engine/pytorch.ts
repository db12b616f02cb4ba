// A standalone PyTorch script for a model, so a learner can continue in PyTorch: it defines the
// module (nn.RNN / nn.LSTM / nn.GRU, bidirectional where the model is, over one-hot characters or
// real-valued inputs, then nn.Linear), loads an Unrolled model file with load_state_dict (the names
// and shapes are PyTorch's) and, for a character model, samples text. A time-series model's script
// also carries how its inputs were prepared (the training part's mean and scale, changes or values,
// the horizon): it normalises a CSV column, de-normalises the predictions, and trains further with
// MSELoss. Pure string building: the script is ASCII, every character written as an escape.

import type { CellKind, Nonlinearity } from './cell.ts';
import { gateCount } from './cell.ts';
import { CELLS } from './cells.ts';
import {
  MODEL_VERSION,
  MODEL_VERSIONS,
  type ModelLabels,
  type SeriesPreparation,
} from './modelfile.ts';
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
  /** A time-series model (one value in, one out, linear head): how its inputs were prepared. */
  readonly series?: SeriesPreparation;
}

/** Unrolled predicts a series in windows of this many steps, each from a zero state. */
const SERIES_WINDOW = 64;

/** A Python float literal that reads back as exactly v (JavaScript's shortest round-trip form). */
function pythonFloat(v: number): string {
  if (!Number.isFinite(v)) throw new RangeError(`Not a finite number: ${v}.`);
  const s = String(v);
  return /^-?\d+$/.test(s) ? `${s}.0` : s;
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
  const series = config.series ?? null;
  if (series !== null) {
    if (vocab !== null || head !== 'linear' || I !== 1 || O !== 1)
      throw new RangeError('A series model reads one value per step and has a linear head of one.');
    if (!(series.scale > 0)) throw new RangeError(`Invalid series scale: ${series.scale}.`);
    whole('horizon', series.horizon);
  }
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

    python3 this_script.py model.json${charModel ? ' [PRIME]' : series !== null ? ' [SERIES.csv [STEPS]]' : ''}

${reads}, updates the
hidden state with nn.${module}, and ${outputs}.
${series !== null ? seriesDoc(series) : ''}Its state_dict (name, shape; the file's tensors have the same):
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
${charModel ? '' : `# The classes of the softmax head, id = index (None for a linear head).\nCLASSES = ${classes !== null ? vocabLiteral(classes) : 'None'}\n`}${series !== null ? seriesConstants(series) : ''}${charModel ? charModelClass(module, layers, nl) : sequenceModelClass(module, layers, nl, bi)}${series !== null ? seriesFunctions() : ''}

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
${
  series !== null
    ? `    if config.get("series", SERIES) != SERIES:
        raise ValueError(
            f"{path} prepares its inputs as {config.get('series')!r}; this script as {SERIES!r}"
        )
`
    : ''
}    vocab = config.get("vocab")
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
${series !== null ? '    config["series"] = SERIES  # how the inputs are prepared\n' : ''}    tensors = {
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
    print(sum(p.numel() for p in model.parameters()), "parameters")${series !== null ? seriesMain() : ''}`
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

/** The docstring's paragraph on how a series model's inputs were prepared. */
function seriesDoc(p: SeriesPreparation): string {
  const v = p.difference ? 'd_t = v_t - v_(t-1), the change of the value v_t' : 'v_t, the value';
  const after = `${p.horizon} step${p.horizon === 1 ? '' : 's'}`;
  return `
The series (column ${pythonString(p.column)}) is prepared as Unrolled prepared it for training:
x_t = (${p.difference ? 'd_t' : 'v_t'} - MEAN) / SCALE, with ${v} in the series' units,
MEAN = ${pythonFloat(p.mean)} and SCALE = ${pythonFloat(p.scale)} (the mean and standard deviation of the
training part). The model predicts x_(t+${p.horizon}); a prediction p reads back as p * SCALE + MEAN${p.difference ? ',\nthe predicted change, added to the last value: v_(t+1) = v_t + p * SCALE + MEAN' : ''}.
With a CSV, the script prints the RMSE of the model's predictions on it (in the series' units)
and the value ${after} after its last; with STEPS, it first trains that many more steps on the
whole CSV (MSELoss, Adam) and writes the model to continued.json, which loads back into Unrolled.
`;
}

/** The constants of a series model's preparation (the model file's config.series). */
function seriesConstants(p: SeriesPreparation): string {
  return `# How the series is prepared (the model file's config.series): the model reads
# x_t = (v_t - MEAN) / SCALE, where v_t is the value in COLUMN or, with DIFFERENCE, its change
# v_t - v_(t-1); MEAN and SCALE are the training part's mean and standard deviation. It predicts
# x_(t+HORIZON), which reads back in the series' units as x * SCALE + MEAN (plus the last value,
# with DIFFERENCE).
SERIES = {
    "column": ${pythonString(p.column)},
    "mean": ${pythonFloat(p.mean)},
    "scale": ${pythonFloat(p.scale)},
    "difference": ${p.difference ? 'True' : 'False'},
    "horizon": ${p.horizon},
}
COLUMN = SERIES["column"]
MEAN = SERIES["mean"]
SCALE = SERIES["scale"]
DIFFERENCE = SERIES["difference"]
HORIZON = SERIES["horizon"]
# Unrolled predicts in windows of this many steps, each from a zero state, as it trains.
WINDOW = ${SERIES_WINDOW}
`;
}

/** A series model's helpers: read a CSV column, normalise, predict in units, train further. */
function seriesFunctions(): string {
  return `
def read_csv(path, column=COLUMN):
    """The numbers in one column of a CSV file with a header row, as a float64 tensor
    (rows whose cell is not a number are skipped)."""
    import csv

    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    header = [name.strip() for name in rows[0]] if rows else []
    if column not in header:
        raise ValueError(f"{path} has no column {column!r} (it has {header!r})")
    k = header.index(column)
    values = []
    for row in rows[1:]:
        try:
            values.append(float(row[k]))
        except (IndexError, ValueError):
            continue
    return torch.tensor(values, dtype=torch.float64)


def normalise(values):
    """The model's inputs for a series in its own units: [N] values give [N] inputs ([N - 1]
    with DIFFERENCE: the changes), x = (v - MEAN) / SCALE, float32."""
    v = torch.as_tensor(values, dtype=torch.float64)
    if DIFFERENCE:
        v = v[1:] - v[:-1]
    return ((v - MEAN) / SCALE).float()


def denormalise(outputs, values):
    """The model's outputs (normalised) in the series' units, a float64 tensor [N] like values:
    NaN where the model predicts nothing (the first HORIZON values; with DIFFERENCE the first
    two, and each prediction is the predicted change added to the value before it)."""
    v = torch.as_tensor(values, dtype=torch.float64)
    units = outputs.double() * SCALE + MEAN
    out = torch.full_like(v, float("nan"))
    k = len(units)
    if DIFFERENCE:
        out[2 : 2 + k] = v[1 : 1 + k] + units
    else:
        out[HORIZON : HORIZON + k] = units
    return out


@torch.no_grad()
def predict(model, values):
    """Every value the model predicts, in the series' units, as Unrolled draws it: value
    t + HORIZON from the inputs up to t, in windows of WINDOW steps from a zero state."""
    x = normalise(values)
    x = x[: len(x) - HORIZON]  # the inputs whose target is in the series
    outputs = [
        model(x[s : s + WINDOW].reshape(1, -1, 1))[0].reshape(-1)
        for s in range(0, len(x), WINDOW)
    ]
    return denormalise(torch.cat(outputs) if outputs else torch.zeros(0), values)


@torch.no_grad()
def forecast_next(model, values):
    """The value HORIZON steps after the last one, in the series' units (from the last WINDOW
    inputs)."""
    v = torch.as_tensor(values, dtype=torch.float64)
    y, _ = model(normalise(v)[-WINDOW:].reshape(1, -1, 1))
    change_or_value = float(y[0, -1, 0]) * SCALE + MEAN
    return float(v[-1]) + change_or_value if DIFFERENCE else change_or_value


def train_more(model, values, steps=500, seq_len=48, batch_size=16, lr=1e-2, clip=5.0, generator=None):
    """Trains the model further on a series in its own units (pass the part to learn from):
    random windows of seq_len inputs x_t with targets x_(t+HORIZON), each from a zero state, the
    mean squared error (torch.nn.MSELoss, the loss Unrolled trains with: no 1/2), Adam, the
    gradient norm clipped to clip (the Time series view's settings). MEAN and SCALE stay the
    file's, so the model keeps reading the same inputs. Returns the last batch's loss."""
    x = normalise(values)
    starts = len(x) - HORIZON - seq_len + 1
    if starts < 1:
        raise ValueError(f"{len(x)} inputs are too few for windows of {seq_len} steps")
    optimizer = torch.optim.Adam(model.parameters(), lr=lr)
    loss_fn = nn.MSELoss()
    model.train()
    loss = torch.tensor(float("nan"))
    for _ in range(steps):
        at = torch.randint(starts, (batch_size, 1), generator=generator) + torch.arange(seq_len)
        outputs, _ = model(x[at].unsqueeze(-1))
        loss = loss_fn(outputs, x[at + HORIZON].unsqueeze(-1))
        optimizer.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), clip)
        optimizer.step()
    model.eval()
    return loss.item()

`;
}

/** The series script's main: with a CSV, train further (STEPS), then predict and forecast. */
function seriesMain(): string {
  return `
    if len(sys.argv) > 2:
        values = read_csv(sys.argv[2])
        steps = int(sys.argv[3]) if len(sys.argv) > 3 else 0
        if steps > 0:
            loss = train_more(model, values, steps)
            print(f"loss after {steps} more steps (normalised): {loss:.6g}")
            save_model(model, "continued.json")
            print("wrote continued.json")
        predicted = predict(model, values)
        known = ~torch.isnan(predicted)
        rmse = float(((predicted[known] - values[known]) ** 2).mean().sqrt())
        print(f"RMSE of the predictions, in the units of {COLUMN}: {rmse:.6g}")
        print(f"{HORIZON} step(s) after the last value: {forecast_next(model, values):.6g}")`;
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
    ...(labels.series !== undefined ? { series: labels.series } : {}),
  });
}
