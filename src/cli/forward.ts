// `forward`: one forward and backward pass of a model over a text (the engine's traceSequence), as
// one JSON object on stdout. Inputs are the text's characters 0..n−2, targets 1..n−1 (T = n − 1
// predictions), from a zero initial state; arrays are [layer][time][unit] as in the trace.

import { traceSequence } from '../engine/trace.ts';
import { encode, splitChars } from '../engine/vocab.ts';
import type { Io } from './io.ts';
import { Flags, UsageError } from './args.ts';
import { loadModelFile } from './files.ts';

export const forwardUsage = `Usage: npm run engine -- forward --model FILE --text TEXT

Runs the model over TEXT (n characters: inputs TEXT[0..n−2], targets TEXT[1..n−1], T = n − 1, from
a zero state) and prints one JSON object:
  loss        mean cross-entropy over the T predictions (nats/char)
  logits      [T][V]  the decoder's output at each step
  h           [L][T][H]  hidden states
  c           [L][T][H]  cell states (LSTM only)
  gates       [L][T]{name: [H]}  the cell's other intermediates (LSTM i f g o, their *_pre and
              tanh_c; GRU r z n, u = W_hn·h + b_hn, *_ih, *_hh, *_pre; RNN a = pre-activation,
              ah = W_hh·h + b_hh)
  dLdh        [L][T][H]  total gradient of the loss with respect to each h_t
  dLdhNorm    [L][T]  its Euclidean norm
  grads       {name: {shape, data}}  parameter gradients, PyTorch state_dict names, row-major

  --model FILE   an Unrolled model file (required)
  --text TEXT    at least 2 characters, all in the model's vocabulary (required)`;

const toList = (a: Float64Array): number[] => Array.from(a);

export function forward(args: readonly string[], io: Io): void {
  const f = new Flags(args, { strings: ['model', 'text'] });
  if (f.help) {
    io.out(`${forwardUsage}\n`);
    return;
  }
  const path = f.required('model', 'FILE');
  const text = f.required('text', 'TEXT');
  const n = splitChars(text).length;
  if (n < 2) {
    throw new UsageError(`--text needs at least 2 characters (got ${n}): one input and its target`);
  }
  const { model, vocab } = loadModelFile(path);
  const ids = encode(text, vocab);
  const trace = traceSequence(model, ids.slice(0, n - 1), ids.slice(1));
  const isLstm = model.config.cell === 'lstm';
  const state = (key: 'h' | 'c'): number[][][] =>
    trace.named.map((layer) => layer.map((step) => toList(step[key]!)));
  const result = {
    loss: trace.loss,
    logits: trace.outputs.map(toList),
    h: state('h'),
    ...(isLstm ? { c: state('c') } : {}),
    gates: trace.named.map((layer) =>
      layer.map((step) =>
        Object.fromEntries(
          Object.entries(step)
            .filter(([name]) => name !== 'h' && name !== 'c')
            .map(([name, v]) => [name, toList(v)]),
        ),
      ),
    ),
    dLdh: trace.dLdh.map((layer) => layer.map(toList)),
    dLdhNorm: trace.dLdhNorm,
    grads: Object.fromEntries(
      Object.entries(trace.grads).map(([name, g]) => [
        name,
        { shape: [...g.shape], data: toList(g.data) },
      ]),
    ),
  };
  io.out(`${JSON.stringify(result)}\n`);
}
