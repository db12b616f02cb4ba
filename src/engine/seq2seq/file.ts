// The encoder–decoder's model file: JSON with the configuration, the characters of both sides, the
// task it learnt and its training step, and every tensor by its PyTorch name with its shape. Read
// back, everything is checked: the format, the configuration, the vocabularies against the sizes,
// each tensor's name, shape and numbers; a bad file says what is wrong with it.

import { createCompute, type Compute } from '../kernels.ts';
import { isRecord } from '../modelfile.ts';
import { Problem, problemOf } from '../problem.ts';
import {
  allocateSeq2Seq,
  Seq2SeqConfigError,
  seq2seqTensors,
  validateSeq2Seq,
  type Seq2SeqConfig,
  type Seq2SeqModel,
} from './model.ts';
import type { PairVocab } from './training.ts';

export const SEQ2SEQ_FORMAT = 'unrolled-seq2seq';
export const SEQ2SEQ_VERSION = 1;

export interface Seq2SeqFile {
  readonly model: Seq2SeqModel;
  readonly vocab: PairVocab;
  /** The task the model learnt ('dates', 'reverse', …), or null. */
  readonly task: string | null;
  readonly step: number;
}

/** A file that is not a usable encoder–decoder, with the reason (a `seq2seqFile.*` problem). */
export class Seq2SeqFileError extends Problem {}

/** The file's text. */
export function seq2seqFileJson(file: Seq2SeqFile): string {
  const tensors: Record<string, { shape: readonly number[]; data: number[] }> = {};
  for (const t of seq2seqTensors(file.model))
    tensors[t.name] = { shape: t.shape, data: Array.from(t.data) };
  return JSON.stringify({
    format: SEQ2SEQ_FORMAT,
    version: SEQ2SEQ_VERSION,
    config: file.model.config,
    vocab: file.vocab,
    task: file.task,
    step: file.step,
    tensors,
  });
}

function chars(v: unknown, size: number, side: 'input' | 'output'): string[] {
  if (!Array.isArray(v) || v.length !== size)
    throw new Seq2SeqFileError(`seq2seqFile.${side}CharsSize`, { size });
  const seen = new Set<string>();
  for (const c of v) {
    if (typeof c !== 'string' || Array.from(c).length !== 1 || seen.has(c))
      throw new Seq2SeqFileError(`seq2seqFile.${side}CharsDistinct`);
    seen.add(c);
  }
  return v as string[];
}

/** Reads a model file's text, checking everything. */
export function parseSeq2SeqFile(text: string, compute: Compute = createCompute()): Seq2SeqFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Seq2SeqFileError('seq2seqFile.notJson');
  }
  if (!isRecord(json) || json['format'] !== SEQ2SEQ_FORMAT)
    throw new Seq2SeqFileError('seq2seqFile.wrongFormat', { format: SEQ2SEQ_FORMAT });
  if (json['version'] !== SEQ2SEQ_VERSION)
    throw new Seq2SeqFileError('seq2seqFile.wrongVersion', { version: String(json['version']) });
  const c = json['config'];
  if (!isRecord(c)) throw new Seq2SeqFileError('seq2seqFile.noConfig');
  const config = {
    cell: c['cell'],
    hiddenSize: c['hiddenSize'],
    bidirectional: c['bidirectional'],
    attention: c['attention'],
    attentionSize: c['attentionSize'],
    inputSize: c['inputSize'],
    outputSize: c['outputSize'],
  } as Seq2SeqConfig;
  try {
    validateSeq2Seq(config);
  } catch (e) {
    if (e instanceof Seq2SeqConfigError)
      throw new Seq2SeqFileError('seq2seqFile.badConfig', { reason: problemOf(e)! });
    throw e;
  }
  const v = json['vocab'];
  if (!isRecord(v)) throw new Seq2SeqFileError('seq2seqFile.noVocab');
  const vocab = {
    input: chars(v['input'], config.inputSize, 'input'),
    output: chars(v['output'], config.outputSize - 1, 'output'),
  };
  const task = json['task'];
  if (task !== null && typeof task !== 'string') throw new Seq2SeqFileError('seq2seqFile.task');
  const step = json['step'];
  if (typeof step !== 'number' || !Number.isInteger(step) || step < 0)
    throw new Seq2SeqFileError('seq2seqFile.step');
  const tensors = json['tensors'];
  if (!isRecord(tensors)) throw new Seq2SeqFileError('seq2seqFile.noTensors');
  const model = allocateSeq2Seq(config, compute);
  const expected = seq2seqTensors(model);
  const extra = Object.keys(tensors).filter((name) => !expected.some((t) => t.name === name));
  if (extra.length > 0)
    throw new Seq2SeqFileError('seq2seqFile.extraTensors', { tensors: extra.join(', ') });
  for (const t of expected) {
    const entry = tensors[t.name];
    const tensor = t.name;
    if (!isRecord(entry)) throw new Seq2SeqFileError('seq2seqFile.missingTensor', { tensor });
    const shape = entry['shape'];
    if (!Array.isArray(shape) || shape.join(',') !== t.shape.join(','))
      throw new Seq2SeqFileError('seq2seqFile.badShape', { tensor, shape: t.shape.join(', ') });
    const data = entry['data'];
    if (!Array.isArray(data) || data.length !== t.data.length)
      throw new Seq2SeqFileError('seq2seqFile.badLength', { tensor, size: t.data.length });
    data.forEach((x, k) => {
      if (typeof x !== 'number' || !Number.isFinite(x))
        throw new Seq2SeqFileError('seq2seqFile.notFinite', { tensor, index: k });
      t.data[k] = x;
    });
  }
  return { model, vocab, task, step };
}
