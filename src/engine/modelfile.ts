// The model file: JSON with PyTorch state_dict names and shapes, so a model trained here loads in
// PyTorch and back. {"format": "unrolled-model", "version": 1, "config": {cell, nonlinearity (RNN),
// hiddenSize, numLayers, vocab}, "tensors": {name: {shape, data (flat, row-major)}}}. Loading checks
// every name, shape, number and the vocabulary, and builds a new model only when all is well.

import type { CellKind, Nonlinearity } from './cell.ts';
import {
  allocateModel,
  MAX_LAYERS,
  namedTensors,
  tensorShapes,
  type Model,
  type ModelConfig,
} from './model.ts';
import { vocabFromChars, VocabError, type Vocab } from './vocab.ts';

export const MODEL_FORMAT = 'unrolled-model';
export const MODEL_VERSION = 1;

/** A model file problem, with a message that says what is wrong. */
export class ModelFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ModelFileError';
  }
}

export interface ModelFileJson {
  format: typeof MODEL_FORMAT;
  version: typeof MODEL_VERSION;
  config: {
    cell: CellKind;
    nonlinearity?: 'tanh' | 'relu';
    hiddenSize: number;
    numLayers: number;
    vocab: string[];
  };
  tensors: Record<string, { shape: number[]; data: number[] }>;
}

/** Rounds to `digits` significant digits (for compact shipped files); undefined keeps every bit. */
function roundTo(v: number, digits: number | undefined): number {
  if (digits !== undefined && !(Number.isInteger(digits) && digits >= 1 && digits <= 17)) {
    throw new ModelFileError(`Digits must be a whole number from 1 to 17 (got ${digits}).`);
  }
  return digits === undefined ? v : Number(v.toPrecision(digits));
}

/** The file's JSON object for a character model and its vocabulary. */
export function modelToJson(m: Model, vocab: Vocab, opts: { digits?: number } = {}): ModelFileJson {
  const { cell, nonlinearity, hiddenSize, numLayers, head, inputSize } = m.config;
  if (head !== 'softmax')
    throw new ModelFileError('Only character models can be saved as model files.');
  if (inputSize !== vocab.chars.length)
    throw new ModelFileError('The vocabulary does not match the model.');
  if (cell === 'rnn' && nonlinearity !== 'tanh' && nonlinearity !== 'relu') {
    throw new ModelFileError(
      `PyTorch's RNN has no "${nonlinearity}" nonlinearity; only tanh and relu can be saved.`,
    );
  }
  const tensors: ModelFileJson['tensors'] = Object.create(null) as ModelFileJson['tensors'];
  for (const t of namedTensors(m)) {
    tensors[t.name] = {
      shape: [...t.shape],
      data: Array.from(t.data, (v) => roundTo(v, opts.digits)),
    };
  }
  const config: ModelFileJson['config'] = { cell, hiddenSize, numLayers, vocab: [...vocab.chars] };
  if (cell === 'rnn') config.nonlinearity = nonlinearity as 'tanh' | 'relu';
  return { format: MODEL_FORMAT, version: MODEL_VERSION, config, tensors };
}

export function serializeModel(m: Model, vocab: Vocab, opts: { digits?: number } = {}): string {
  return JSON.stringify(modelToJson(m, vocab, opts));
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Own property only: never reads through the prototype (so "__proto__" and friends are inert). */
function own(o: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(o, key) ? o[key] : undefined;
}

function wholeNumber(v: unknown, lo: number, hi: number, what: string): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < lo || v > hi) {
    throw new ModelFileError(
      `${what} must be a whole number from ${lo} to ${hi} (found ${JSON.stringify(v)}).`,
    );
  }
  return v;
}

/** Parses and validates a model file (text or an already parsed value). Throws ModelFileError. */
export function parseModel(input: string | unknown): { model: Model; vocab: Vocab } {
  let root: unknown = input;
  if (typeof input === 'string') {
    try {
      root = JSON.parse(input);
    } catch (e) {
      throw new ModelFileError(`The file is not valid JSON (${(e as Error).message}).`);
    }
  }
  if (!isRecord(root)) throw new ModelFileError('The file does not hold a JSON object.');
  if (own(root, 'format') !== MODEL_FORMAT) {
    throw new ModelFileError(
      `This is not an Unrolled model file: "format" must be "${MODEL_FORMAT}".`,
    );
  }
  if (own(root, 'version') !== MODEL_VERSION) {
    throw new ModelFileError(
      `Unsupported model file version ${JSON.stringify(own(root, 'version'))}; this app reads version ${MODEL_VERSION}.`,
    );
  }
  const cfg = own(root, 'config');
  if (!isRecord(cfg)) throw new ModelFileError('The file has no "config" object.');
  const cell = own(cfg, 'cell');
  if (cell !== 'rnn' && cell !== 'lstm' && cell !== 'gru') {
    throw new ModelFileError(
      `Unknown cell ${JSON.stringify(cell)}: expected "rnn", "lstm" or "gru".`,
    );
  }
  let nonlinearity: Nonlinearity = 'tanh';
  if (cell === 'rnn') {
    const nl = own(cfg, 'nonlinearity') ?? 'tanh';
    if (nl !== 'tanh' && nl !== 'relu') {
      throw new ModelFileError(
        `Unknown nonlinearity ${JSON.stringify(nl)}: expected "tanh" or "relu".`,
      );
    }
    nonlinearity = nl;
  }
  const hiddenSize = wholeNumber(own(cfg, 'hiddenSize'), 1, 2048, 'config.hiddenSize');
  const numLayers = wholeNumber(own(cfg, 'numLayers'), 1, MAX_LAYERS, 'config.numLayers');
  const chars = own(cfg, 'vocab');
  if (!Array.isArray(chars)) throw new ModelFileError('config.vocab must be a list of characters.');
  let vocab: Vocab;
  try {
    vocab = vocabFromChars(chars as string[]);
  } catch (e) {
    if (e instanceof VocabError) throw new ModelFileError(`Bad vocabulary: ${e.message}`);
    throw e;
  }
  const V = vocab.chars.length;
  const config: ModelConfig = {
    cell,
    nonlinearity,
    hiddenSize,
    numLayers,
    bidirectional: false,
    input: 'onehot',
    inputSize: V,
    outputSize: V,
    head: 'softmax',
  };
  const tensors = own(root, 'tensors');
  if (!isRecord(tensors)) throw new ModelFileError('The file has no "tensors" object.');
  // Check every name, shape and length before allocating, so a file cannot make us reserve
  // memory for a model it does not contain.
  const expected = tensorShapes(config);
  const names = new Set(expected.map((t) => t.name));
  for (const key of Object.keys(tensors)) {
    if (!names.has(key)) {
      throw new ModelFileError(
        `Unexpected tensor ${JSON.stringify(key)} for a ${numLayers}-layer ${cell.toUpperCase()}.`,
      );
    }
  }
  const entries: unknown[][] = [];
  for (const t of expected) {
    const entry = own(tensors, t.name);
    if (!isRecord(entry)) throw new ModelFileError(`Missing tensor "${t.name}".`);
    const shape = own(entry, 'shape');
    if (
      !Array.isArray(shape) ||
      shape.length !== t.shape.length ||
      shape.some((d, k) => d !== t.shape[k])
    ) {
      throw new ModelFileError(
        `Tensor "${t.name}" has shape ${JSON.stringify(shape)}; expected [${t.shape.join(', ')}].`,
      );
    }
    const size = t.shape.reduce((a, b) => a * b, 1);
    const data = own(entry, 'data');
    if (!Array.isArray(data) || data.length !== size) {
      throw new ModelFileError(
        `Tensor "${t.name}" must hold ${size} numbers (found ${Array.isArray(data) ? data.length : 'no list'}).`,
      );
    }
    entries.push(data);
  }
  const model = allocateModel(config);
  namedTensors(model).forEach((t, i) => {
    const data = entries[i]!;
    for (let k = 0; k < data.length; k++) {
      const v: unknown = data[k];
      if (typeof v !== 'number' || !Number.isFinite(v)) {
        throw new ModelFileError(
          `Tensor "${t.name}" holds a value that is not a finite number at index ${k}.`,
        );
      }
      t.data[k] = v;
    }
  });
  return { model, vocab };
}
