// `forward`: one forward and backward pass of a model over a sequence (the engine's traceSequence),
// as one JSON object on stdout, from a zero initial state; arrays are [layer][time][unit] as in the
// trace. A character model reads a text and predicts its next characters; a tagger reads a text and
// is scored against given labels; a model with real-valued input reads given numbers; a time-series
// model reads a CSV column instead (forwardSeries.ts).

import { CELL_INFO } from '../engine/cell.ts';
import { layerSuffix, withCompute, type Model } from '../engine/model.ts';
import type { LoadedModel } from '../engine/modelfile.ts';
import { removeSpaces } from '../engine/tasks/spaces.ts';
import { traceSequence, type Trace } from '../engine/trace.ts';
import { encode, splitChars, type Vocab } from '../engine/vocab.ts';
import type { Io } from './io.ts';
import { CliError, Flags, UsageError } from './args.ts';
import { loadAnyModelFile, readHead, readText } from './files.ts';
import {
  forwardSeq2SeqPair,
  forwardSeq2SeqUsage,
  isSeq2SeqText,
  loadSeq2Seq,
} from './forwardSeq2Seq.ts';
import { forwardSeries, forwardSeriesUsage, isSeriesModel } from './forwardSeries.ts';

export const forwardUsage = `Usage: npm run engine -- forward --model FILE --text TEXT
       npm run engine -- forward --model FILE (--text TEXT | --values LIST) [--targets LIST]
       npm run engine -- forward --model FILE --series CSV [--column NAME]

A character model runs over TEXT (n characters: inputs TEXT[0..n−2], targets TEXT[1..n−1],
T = n − 1, from a zero state). Any other model reads TEXT (one-hot input: T = n) or --values
(real-valued input: T·I numbers), scored against --targets: T class labels for a softmax head
(without them nothing is scored), T·O numbers for a linear head (required). A tagger trained to
put the spaces back (train --task spaces) may read TEXT with its spaces: they are removed, and
the characters that ended a word are its targets. It prints one JSON object:
  loss        mean cross-entropy over the T predictions (nats/char), or mean squared error
  logits      [T][O]  the decoder's output at each step (outputs, for a linear head)
  h           [L][T][H]  hidden states (per layer and direction, as "layers" names them)
  c           [L][T][H]  cell states (LSTM only)
  gates       [L][T]{name: [H]}  the cell's other intermediates (LSTM i f g o, their *_pre and
              tanh_c; GRU r z n, u = W_hn·h + b_hn, *_ih, *_hh, *_pre; RNN a = pre-activation,
              ah = W_hh·h + b_hh)
  dLdh        [L][T][H]  total gradient of the loss with respect to each h_t
  dLdhNorm    [L][T]  its Euclidean norm
  grads       {name: {shape, data}}  parameter gradients, PyTorch state_dict names, row-major
  layers      the rows of h, c, gates and dLdh (l0, l0_reverse, …; bidirectional models only)
  text, targets  the characters read and their labels (only when the spaces were removed)

${forwardSeriesUsage}

${forwardSeq2SeqUsage}

  --model FILE     an Unrolled model file (required)
  --text TEXT      characters in the model's vocabulary (one-hot input)
  --values LIST    comma-separated numbers, T·I of them (real-valued input)
  --targets LIST   comma-separated class labels (T) or numbers (T·O)
  --series CSV     a CSV file with a header row, for a time-series model
  --column NAME    the column of --series to read`;

const toList = (a: Float64Array): number[] => Array.from(a);

/** Is this a character model (one-hot characters in, the next character out, forward only)? */
function isCharModel(loaded: LoadedModel): loaded is LoadedModel & { vocab: Vocab } {
  const { model, vocab, classes } = loaded;
  return (
    vocab !== null &&
    classes !== null &&
    !model.config.bidirectional &&
    classes.length === vocab.chars.length &&
    classes.every((c, k) => c === vocab.chars[k])
  );
}

/** Comma-separated finite numbers. */
function numbers(list: string, flag: string): Float64Array {
  const parts = list.split(',').map((p) => p.trim());
  const values = parts.map(Number);
  const bad = parts.findIndex((p, k) => p === '' || !Number.isFinite(values[k]));
  if (bad >= 0) throw new UsageError(`${flag}: item ${bad + 1} ("${parts[bad]}") is not a number`);
  return Float64Array.from(values);
}

/** What a tagger read when the spaces were removed from --text: its characters and their labels. */
interface Unspaced {
  readonly text: string;
  readonly targets: string[];
}

/** A spaces tagger's text with its spaces, as that tagger reads it: without them, word ends tagged. */
function withoutSpaces(
  text: string,
  loaded: LoadedModel & { vocab: Vocab },
  targetsGiven: boolean,
): { input: Int32Array; targets: Int32Array; shown: Unspaced } {
  if (targetsGiven)
    throw new UsageError(
      'the spaces of --text are its targets: leave out --targets, or the spaces (one label per character)',
    );
  const { chars, ends } = removeSpaces(text);
  if (chars.length === 0) throw new UsageError('--text needs at least 1 character besides spaces');
  const classes = loaded.classes!;
  return {
    input: encode(chars, loaded.vocab),
    targets: ends,
    shown: { text: chars, targets: Array.from(ends, (k) => classes[k]!) },
  };
}

/** The inputs and targets of a model that is not a character model. */
function sequenceOf(
  f: Flags,
  loaded: LoadedModel,
): {
  input: Int32Array | Float64Array;
  targets: Int32Array | Float64Array;
  shown?: Unspaced;
} {
  const { model, vocab, classes } = loaded;
  const { inputSize: I, outputSize: O } = model.config;
  let input: Int32Array | Float64Array;
  if (vocab) {
    const text = f.required('text', 'TEXT');
    // A spaces tagger never saw white space (its text had none): the spaces mark the word ends.
    const readsSpaces = vocab.chars.some((c) => /\s/.test(c));
    if (loaded.task === 'spaces' && classes !== null && !readsSpaces && /\s/.test(text))
      return withoutSpaces(text, { ...loaded, vocab }, f.has('targets'));
    if (splitChars(text).length < 1) throw new UsageError('--text needs at least 1 character');
    input = encode(text, vocab);
  } else {
    input = numbers(f.required('values', 'LIST'), '--values');
    if (input.length % I !== 0)
      throw new UsageError(`--values needs a multiple of ${I} numbers (got ${input.length})`);
  }
  const T = vocab ? input.length : input.length / I;
  const list = f.string('targets');
  if (model.config.head === 'linear') {
    const targets = numbers(f.required('targets', 'LIST'), '--targets');
    if (targets.length !== T * O)
      throw new UsageError(`--targets needs ${T * O} numbers (T = ${T}, O = ${O})`);
    return { input, targets };
  }
  if (list === undefined) return { input, targets: new Int32Array(T).fill(-1) };
  const labels = list.split(',').map((p) => p.trim());
  if (labels.length !== T)
    throw new UsageError(`--targets needs ${T} labels (got ${labels.length})`);
  const targets = Int32Array.from(labels, (label) => {
    const k = classes!.indexOf(label);
    if (k < 0)
      throw new CliError(`"${label}" is not one of the model's classes: ${classes!.join(', ')}`);
    return k;
  });
  return { input, targets };
}

/** The model file, refused when it is a series model given a text (it reads a CSV). */
function loadFor(path: string, f: Flags): LoadedModel {
  const loaded = loadAnyModelFile(path);
  if (isSeriesModel(loaded) && f.has('text'))
    throw new UsageError(
      'a time-series model reads --series CSV [--column NAME] (or --values and --targets), not --text',
    );
  return loaded;
}

export function forward(args: readonly string[], io: Io): void {
  const f = new Flags(args, {
    strings: ['model', 'text', 'values', 'targets', 'series', 'column'],
  });
  if (f.help) {
    io.out(`${forwardUsage}\n`);
    return;
  }
  const path = f.required('model', 'FILE');
  if (isSeq2SeqText(readHead(path, 200, 'model file'))) {
    for (const flag of ['values', 'targets', 'series', 'column'])
      if (f.has(flag)) throw new UsageError(`--${flag} does not apply to an encoder–decoder`);
    const file = loadSeq2Seq(path, readText(path, 'model file'));
    forwardSeq2SeqPair(file, f.required('text', '"INPUT<TAB>OUTPUT"'), io);
    return;
  }
  if (f.has('series')) {
    forwardSeries(f, path, io);
    return;
  }
  if (f.has('column')) throw new UsageError('--column applies only with --series');
  if (!f.has('values')) f.required('text', 'TEXT');
  let trace: Trace;
  let model: Model;
  let shown: Unspaced | undefined;
  if (f.has('text') && !f.has('values') && !f.has('targets')) {
    const text = f.required('text', 'TEXT');
    const n = splitChars(text).length;
    if (n < 2) {
      throw new UsageError(
        `--text needs at least 2 characters (got ${n}): one input and its target`,
      );
    }
    const loaded = loadFor(path, f);
    model = io.compute ? withCompute(loaded.model, io.compute) : loaded.model;
    if (isCharModel(loaded)) {
      const ids = encode(text, loaded.vocab);
      trace = traceSequence(model, ids.slice(0, n - 1), ids.slice(1));
    } else {
      const sequence = sequenceOf(f, loaded);
      trace = traceSequence(model, sequence.input, sequence.targets);
      shown = sequence.shown;
    }
  } else {
    const loaded = loadFor(path, f);
    model = io.compute ? withCompute(loaded.model, io.compute) : loaded.model;
    if (isCharModel(loaded))
      throw new UsageError(
        'a character model reads --text only (its targets are the next characters)',
      );
    const sequence = sequenceOf(f, loaded);
    trace = traceSequence(model, sequence.input, sequence.targets);
    shown = sequence.shown;
  }
  io.out(`${JSON.stringify({ ...traceJson(model, trace), ...shown })}\n`);
}

/** The trace as the JSON object forward prints. */
function traceJson(model: Model, trace: Trace): Record<string, unknown> {
  const isLstm = CELL_INFO[model.config.cell].hasCellState;
  const state = (key: 'h' | 'c'): number[][][] =>
    trace.named.map((layer) => layer.map((step) => toList(step[key]!)));
  const D = model.config.bidirectional ? 2 : 1;
  return {
    loss: trace.loss,
    [model.config.head === 'linear' ? 'outputs' : 'logits']: trace.outputs.map(toList),
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
    ...(D === 2
      ? { layers: trace.named.map((_, k) => layerSuffix(Math.floor(k / D), k % D)) }
      : {}),
  };
}
