// The model file: JSON with PyTorch state_dict names and shapes, so a model trained here loads in
// PyTorch and back. {"format": "unrolled-model", "version": 2, "config": {…}, "tensors": {name:
// {shape, data (flat, row-major)}}}. Version 2's config: cell, nonlinearity (RNN), hiddenSize,
// numLayers, bidirectional, input ("onehot" with vocab, or "dense" with inputSize), head ("softmax"
// with classes, absent when the classes are the vocabulary; or "linear" with outputSize), and the
// task that trained it. Version 1 (character models only: cell, nonlinearity, hiddenSize,
// numLayers, vocab) still loads. A time-series model's config also says how its inputs were
// prepared ("series": the column, the training part's mean and scale, whether it learns the
// changes, the horizon h), so it can forecast on a CSV elsewhere; files without it still load.
// Loading checks every name, shape, number and label, and builds a new model only when all is well.

import { isCellKind, type Nonlinearity } from './cell.ts';
import {
  allocateModel,
  MAX_HIDDEN,
  MAX_LAYERS,
  MAX_WIDTH,
  namedTensors,
  tensorShapes,
  type Model,
  type ModelConfig,
} from './model.ts';
import { Problem, problemOf, problemText, type ProblemCode, type ProblemInfo } from './problem.ts';
import { vocabFromChars, VocabError, type Vocab } from './vocab.ts';

export const MODEL_FORMAT = 'unrolled-model';
export const MODEL_VERSION = 2;
/** The versions this engine reads. */
export const MODEL_VERSIONS = [1, 2] as const;

/** A model file problem (a `modelFile.*` code), with a message that says what is wrong. */
export class ModelFileError extends Problem {}

export interface ModelFileJson {
  format: typeof MODEL_FORMAT;
  version: (typeof MODEL_VERSIONS)[number];
  config: {
    cell: ModelConfig['cell'];
    nonlinearity?: 'tanh' | 'relu';
    hiddenSize: number;
    numLayers: number;
    bidirectional?: boolean;
    input?: ModelConfig['input'];
    /** One-hot input: the characters, id = index. */
    vocab?: string[];
    /** Dense input: values per step. */
    inputSize?: number;
    head?: ModelConfig['head'];
    /** Softmax head: the class labels, id = index (absent: the vocabulary). */
    classes?: string[];
    /** Linear head: values per step. */
    outputSize?: number;
    /** The task that trained the model (e.g. "chars"). */
    task?: string;
    /** A time-series model: how its inputs were prepared. */
    series?: SeriesPreparation;
  };
  tensors: Record<string, { shape: number[]; data: number[] }>;
}

/**
 * How a time-series model's inputs were prepared (docs/beyond-characters.md §3): x = (v − mean) /
 * scale, where v is the value in the series' units, or (difference) its change from the value
 * before; the model predicts x h steps ahead, and a prediction p reads back as p · scale + mean.
 */
export interface SeriesPreparation {
  /** The column read from the CSV (or what a synthetic series is called). */
  readonly column: string;
  /** The training part's mean and scale (standard deviation), in the series' units. */
  readonly mean: number;
  readonly scale: number;
  /** The model learns the changes v_t − v_{t−1} (one step ahead only). */
  readonly difference: boolean;
  /** Steps ahead h. */
  readonly horizon: number;
}

/** What a model file holds besides the weights: the labels of its input and output. */
export interface ModelLabels {
  /** One-hot input: the characters. */
  readonly vocab: Vocab | null;
  /** Softmax head: the class labels (a character model's are its vocabulary's characters). */
  readonly classes: readonly string[] | null;
  /** The task that trained the model, when known. */
  readonly task: string | null;
  /** A time-series model: how its inputs were prepared (absent in older files). */
  readonly series?: SeriesPreparation;
}

export interface LoadedModel extends ModelLabels {
  readonly model: Model;
}

/** Rounds to `digits` significant digits (for compact shipped files); undefined keeps every bit. */
function roundTo(v: number, digits: number | undefined): number {
  if (digits !== undefined && !(Number.isInteger(digits) && digits >= 1 && digits <= 17)) {
    throw new ModelFileError('modelFile.digits', { digits: String(digits) });
  }
  return digits === undefined ? v : Number(v.toPrecision(digits));
}

/** The file's JSON object for any model and its labels. */
export function modelFileJson(
  m: Model,
  labels: ModelLabels,
  opts: { digits?: number } = {},
): ModelFileJson {
  const c = m.config;
  if (c.cell === 'rnn' && c.nonlinearity !== 'tanh' && c.nonlinearity !== 'relu') {
    throw new ModelFileError('modelFile.nonlinearityNotSaved', {
      nonlinearity: String(c.nonlinearity),
    });
  }
  const config: ModelFileJson['config'] = {
    cell: c.cell,
    hiddenSize: c.hiddenSize,
    numLayers: c.numLayers,
    bidirectional: c.bidirectional,
    input: c.input,
    head: c.head,
  };
  if (c.cell === 'rnn') config.nonlinearity = c.nonlinearity as 'tanh' | 'relu';
  if (c.input === 'onehot') {
    if (!labels.vocab || labels.vocab.chars.length !== c.inputSize)
      throw new ModelFileError('modelFile.vocabMismatch');
    config.vocab = [...labels.vocab.chars];
  } else config.inputSize = c.inputSize;
  if (c.head === 'softmax') {
    const classes = labels.classes ?? labels.vocab?.chars ?? null;
    if (!classes || classes.length !== c.outputSize)
      throw new ModelFileError('modelFile.classesMismatch');
    const sameAsVocab =
      labels.vocab !== null &&
      classes.length === labels.vocab.chars.length &&
      classes.every((ch, k) => ch === labels.vocab!.chars[k]);
    if (!sameAsVocab) config.classes = [...classes];
  } else config.outputSize = c.outputSize;
  if (labels.task !== null) config.task = labels.task;
  if (labels.series !== undefined) config.series = { ...seriesPreparationOf(labels.series, c) };
  const tensors: ModelFileJson['tensors'] = Object.create(null) as ModelFileJson['tensors'];
  for (const t of namedTensors(m)) {
    tensors[t.name] = {
      shape: [...t.shape],
      data: Array.from(t.data, (v) => roundTo(v, opts.digits)),
    };
  }
  return { format: MODEL_FORMAT, version: MODEL_VERSION, config, tensors };
}

/** The file's JSON object for a character model and its vocabulary. */
export function modelToJson(m: Model, vocab: Vocab, opts: { digits?: number } = {}): ModelFileJson {
  if (m.config.input !== 'onehot' || m.config.head !== 'softmax')
    throw new ModelFileError('modelFile.vocabAlone');
  return modelFileJson(m, { vocab, classes: null, task: 'chars' }, opts);
}

export function serializeModel(m: Model, vocab: Vocab, opts: { digits?: number } = {}): string {
  return JSON.stringify(modelToJson(m, vocab, opts));
}

/** A JSON object (not an array, not null). */
export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Own property only: never reads through the prototype (so "__proto__" and friends are inert). */
function own(o: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(o, key) ? o[key] : undefined;
}

/** A value as the file writes it, for messages ("undefined" when there is none). */
const found = (v: unknown): string => String(JSON.stringify(v));

function wholeNumber(v: unknown, lo: number, hi: number, name: string): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < lo || v > hi) {
    throw new ModelFileError('modelFile.wholeNumber', { name, lo, hi, found: found(v) });
  }
  return v;
}

/** One of the allowed string values, or the ModelFileError `refusal` (its words list them). */
function oneOf<T extends string>(v: unknown, options: readonly T[], refusal: ProblemCode): T {
  if (typeof v === 'string' && (options as readonly string[]).includes(v)) return v as T;
  throw new ModelFileError(refusal, { found: found(v) });
}

/** A list of distinct one-character strings, as a Vocab. */
function vocabOf(chars: unknown): Vocab {
  if (!Array.isArray(chars)) throw new ModelFileError('modelFile.vocabNotList');
  try {
    return vocabFromChars(chars as string[]);
  } catch (e) {
    if (e instanceof VocabError)
      throw new ModelFileError('modelFile.badVocab', { reason: problemOf(e)! });
    throw e;
  }
}

/** Class labels: a non-empty list of distinct non-empty strings. */
function classesOf(v: unknown): string[] {
  if (!Array.isArray(v) || v.length === 0 || v.length > MAX_WIDTH)
    throw new ModelFileError('modelFile.classesNotList', { max: MAX_WIDTH });
  v.forEach((label: unknown, k) => {
    if (typeof label !== 'string' || label.length === 0 || label.length > 100)
      throw new ModelFileError('modelFile.classLabelText', { index: k });
    if (v.indexOf(label) !== k)
      throw new ModelFileError('modelFile.classLabelRepeats', { index: k, label: found(label) });
  });
  return v as string[];
}

/** Whole steps ahead a series model may predict (as the series task allows). */
const MAX_HORIZON = 50;

/**
 * A series preparation, checked: a 1-in, 1-out real-valued model with a linear head, a finite mean,
 * a finite positive scale, a boolean difference and a whole horizon (1 when learning the changes).
 */
function seriesPreparationOf(v: unknown, c: ModelConfig): SeriesPreparation {
  if (!isRecord(v)) throw new ModelFileError('modelFile.seriesNotObject');
  if (c.input !== 'dense' || c.inputSize !== 1 || c.head !== 'linear' || c.outputSize !== 1)
    throw new ModelFileError('modelFile.seriesWrongModel');
  const column = own(v, 'column');
  if (typeof column !== 'string' || column.length === 0 || column.length > 200)
    throw new ModelFileError('modelFile.seriesColumn');
  const mean = own(v, 'mean');
  if (typeof mean !== 'number' || !Number.isFinite(mean))
    throw new ModelFileError('modelFile.seriesMean', { found: found(mean ?? null) });
  const scale = own(v, 'scale');
  if (typeof scale !== 'number' || !Number.isFinite(scale) || scale <= 0)
    throw new ModelFileError('modelFile.seriesScale', { found: found(scale ?? null) });
  const difference = own(v, 'difference');
  if (typeof difference !== 'boolean') throw new ModelFileError('modelFile.seriesDifference');
  const horizon = wholeNumber(own(v, 'horizon'), 1, MAX_HORIZON, 'config.series.horizon');
  if (difference && horizon !== 1) throw new ModelFileError('modelFile.seriesHorizon');
  return { column, mean, scale, difference, horizon };
}

/** The configuration and labels a file's config describes (version 1 or 2). */
function readConfig(
  cfg: Record<string, unknown>,
  version: number,
): ModelLabels & { config: ModelConfig } {
  const cell = own(cfg, 'cell');
  if (!isCellKind(cell)) throw new ModelFileError('modelFile.unknownCell', { found: found(cell) });
  let nonlinearity: Nonlinearity = 'tanh';
  if (cell === 'rnn') {
    const named = own(cfg, 'nonlinearity') ?? 'tanh';
    nonlinearity = oneOf(named, ['tanh', 'relu'], 'modelFile.unknownNonlinearity');
  }
  const hiddenSize = wholeNumber(own(cfg, 'hiddenSize'), 1, MAX_HIDDEN, 'config.hiddenSize');
  const numLayers = wholeNumber(own(cfg, 'numLayers'), 1, MAX_LAYERS, 'config.numLayers');
  const v2 = version >= 2;
  const bidirectional = v2 ? (own(cfg, 'bidirectional') ?? false) : false;
  if (typeof bidirectional !== 'boolean') throw new ModelFileError('modelFile.bidirectional');
  const input = v2
    ? oneOf(own(cfg, 'input'), ['onehot', 'dense'], 'modelFile.unknownInput')
    : 'onehot';
  const head = v2
    ? oneOf(own(cfg, 'head'), ['softmax', 'linear'], 'modelFile.unknownHead')
    : 'softmax';
  const vocab = input === 'onehot' ? vocabOf(own(cfg, 'vocab')) : null;
  const inputSize = vocab
    ? vocab.chars.length
    : wholeNumber(own(cfg, 'inputSize'), 1, MAX_WIDTH, 'config.inputSize');
  let classes: readonly string[] | null = null;
  let outputSize: number;
  if (head === 'softmax') {
    const listed = own(cfg, 'classes');
    if (listed === undefined && !vocab) throw new ModelFileError('modelFile.classesMissing');
    classes = listed === undefined ? vocab!.chars : classesOf(listed);
    outputSize = classes.length;
  } else {
    outputSize = wholeNumber(own(cfg, 'outputSize'), 1, MAX_WIDTH, 'config.outputSize');
  }
  const task = v2 ? (own(cfg, 'task') ?? null) : 'chars';
  if (task !== null && (typeof task !== 'string' || task.length > 100))
    throw new ModelFileError('modelFile.task');
  const config: ModelConfig = {
    cell,
    nonlinearity,
    hiddenSize,
    numLayers,
    bidirectional,
    input,
    inputSize,
    outputSize,
    head,
  };
  const series = v2 ? own(cfg, 'series') : undefined;
  return {
    config,
    vocab,
    classes,
    task,
    ...(series !== undefined ? { series: seriesPreparationOf(series, config) } : {}),
  };
}

/** Parses and validates a model file of any kind (text or an already parsed value). */
export function parseModelFile(input: string | unknown): LoadedModel {
  let root: unknown = input;
  if (typeof input === 'string') {
    try {
      root = JSON.parse(input);
    } catch (e) {
      throw new ModelFileError('modelFile.notJson', { detail: (e as Error).message });
    }
  }
  if (!isRecord(root)) throw new ModelFileError('modelFile.notObject');
  if (own(root, 'format') !== MODEL_FORMAT) {
    throw new ModelFileError('modelFile.wrongFormat', { format: MODEL_FORMAT });
  }
  const version = own(root, 'version');
  if (!(MODEL_VERSIONS as readonly unknown[]).includes(version)) {
    const [oldest, newest] = MODEL_VERSIONS;
    throw new ModelFileError('modelFile.wrongVersion', { version: found(version), oldest, newest });
  }
  const cfg = own(root, 'config');
  if (!isRecord(cfg)) throw new ModelFileError('modelFile.noConfig');
  const { config, vocab, classes, task, series } = readConfig(cfg, version as number);
  const { cell, numLayers } = config;
  const tensors = own(root, 'tensors');
  if (!isRecord(tensors)) throw new ModelFileError('modelFile.noTensors');
  // Check every name, shape and length before allocating, so a file cannot make us reserve
  // memory for a model it does not contain.
  const expected = tensorShapes(config);
  const names = new Set(expected.map((t) => t.name));
  for (const key of Object.keys(tensors)) {
    if (!names.has(key)) {
      throw new ModelFileError('modelFile.unexpectedTensor', {
        tensor: found(key),
        layers: numLayers,
        cell: cell.toUpperCase(),
      });
    }
  }
  const entries: unknown[][] = [];
  for (const t of expected) {
    const entry = own(tensors, t.name);
    if (!isRecord(entry)) throw new ModelFileError('modelFile.missingTensor', { tensor: t.name });
    const shape = own(entry, 'shape');
    if (
      !Array.isArray(shape) ||
      shape.length !== t.shape.length ||
      shape.some((d, k) => d !== t.shape[k])
    ) {
      throw new ModelFileError('modelFile.badShape', {
        tensor: t.name,
        found: found(shape),
        expected: t.shape.join(', '),
      });
    }
    const size = t.shape.reduce((a, b) => a * b, 1);
    const data = own(entry, 'data');
    if (!Array.isArray(data))
      throw new ModelFileError('modelFile.noData', { tensor: t.name, size });
    if (data.length !== size) {
      throw new ModelFileError('modelFile.badLength', { tensor: t.name, size, found: data.length });
    }
    entries.push(data);
  }
  const model = allocateModel(config);
  namedTensors(model).forEach((t, i) => {
    const data = entries[i]!;
    for (let k = 0; k < data.length; k++) {
      const v: unknown = data[k];
      if (typeof v !== 'number' || !Number.isFinite(v)) {
        throw new ModelFileError('modelFile.notFinite', { tensor: t.name, index: k });
      }
      t.data[k] = v;
    }
  });
  return { model, vocab, classes, task, ...(series !== undefined ? { series } : {}) };
}

/**
 * Parses a character model's file (one-hot characters in, the next character out): what the
 * character views and the command line read. Throws ModelFileError for any other kind of model.
 */
export function parseModel(input: string | unknown): { model: Model; vocab: Vocab } {
  const loaded = parseModelFile(input);
  const { model, vocab, classes } = loaded;
  const sameClasses =
    vocab !== null &&
    classes !== null &&
    classes.length === vocab.chars.length &&
    classes.every((c, k) => c === vocab.chars[k]);
  if (!vocab || !sameClasses || model.config.bidirectional) {
    throw new ModelFileError('modelFile.notCharacterModel', { kind: kindOf(model.config) });
  }
  return { model, vocab };
}

/**
 * What kind of model a configuration describes, as a problem to name in another ("bidirectional
 * GRU with one-hot input and a 2-class softmax head", "LSTM with real-valued input and a linear
 * head").
 */
export function kindOf(c: ModelConfig): ProblemInfo {
  const input: ProblemInfo = {
    code: c.input === 'onehot' ? 'modelFile.inputOneHot' : 'modelFile.inputDense',
    vars: {},
  };
  const head: ProblemInfo =
    c.head === 'softmax'
      ? { code: 'modelFile.headSoftmax', vars: { classes: c.outputSize } }
      : { code: 'modelFile.headLinear', vars: {} };
  return {
    code: c.bidirectional ? 'modelFile.kindBidirectional' : 'modelFile.kind',
    vars: { cell: c.cell.toUpperCase(), input, head },
  };
}

/** The kind of model a configuration describes, in English (kindOf's words), for messages. */
export function describeKind(c: ModelConfig): string {
  return problemText(kindOf(c));
}
