// The models a view can name besides the one in training: a loaded model file (by key) or a fresh
// seeded model of a given shape, kept in a small cache so the next request reuses them; and the
// ModelInfo the views are told about any model. Plain TypeScript over src/engine; session.ts uses it.

import type { Compute } from '../engine/kernels.ts';
import { createModel, parameterCount, withCompute, type Model } from '../engine/model.ts';
import { parseModel } from '../engine/modelfile.ts';
import { createRng } from '../engine/rng.ts';
import { vocabFromChars, type Vocab } from '../engine/vocab.ts';
import type { ModelInfo, ModelSource } from './protocol.ts';

/** A model with the vocabulary its rows and columns are indexed by. */
export interface ViewModel {
  model: Model;
  vocab: Vocab;
}

/** The most models the cache keeps; the oldest goes first. */
const MAX_VIEW_MODELS = 8;

/** File and fresh models by key, for the views that trace a model other than the training one. */
export class ViewModels {
  private readonly cache = new Map<string, ViewModel>();

  /** `compute`: what the models compute with (the session's). */
  constructor(private readonly compute: () => Compute) {}

  /** The model a file or fresh source names; a file sent with its text is parsed again. */
  resolve(source: Exclude<ModelSource, { kind: 'training' }>): ViewModel {
    const key =
      source.kind === 'file'
        ? `file:${source.key}`
        : [
            'fresh',
            source.cell,
            source.nonlinearity,
            source.hiddenSize,
            source.numLayers,
            source.seed,
            source.vocab.join(''),
          ].join(':');
    const cached = this.cache.get(key);
    if (cached && !(source.kind === 'file' && source.json !== undefined)) return cached;
    let entry: ViewModel;
    if (source.kind === 'file') {
      if (source.json === undefined) throw new Error(`The model "${source.key}" is not loaded.`);
      const parsed = parseModel(source.json);
      entry = { model: withCompute(parsed.model, this.compute()), vocab: parsed.vocab };
    } else {
      const vocab = vocabFromChars(source.vocab);
      const V = vocab.chars.length;
      const config = {
        cell: source.cell,
        nonlinearity: source.nonlinearity,
        hiddenSize: source.hiddenSize,
        numLayers: source.numLayers,
        bidirectional: false,
        input: 'onehot' as const,
        inputSize: V,
        outputSize: V,
        head: 'softmax' as const,
      };
      entry = { model: createModel(config, createRng(source.seed), {}, this.compute()), vocab };
    }
    if (this.cache.size >= MAX_VIEW_MODELS) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(key, entry);
    return entry;
  }
}

/** What the views are told about a model: its shape, vocabulary, size and step. */
export function describeModel(
  model: Model,
  vocab: Vocab,
  step: number,
  trainable: boolean,
): ModelInfo {
  return {
    cell: model.config.cell,
    nonlinearity: model.config.nonlinearity,
    hiddenSize: model.config.hiddenSize,
    numLayers: model.config.numLayers,
    vocab: [...vocab.chars],
    parameters: parameterCount(model),
    step,
    trainable,
  };
}
