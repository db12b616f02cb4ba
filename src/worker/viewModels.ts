// The models a view can name besides the one in training: a loaded model file (by key) or a fresh
// seeded model of a given shape, kept in a small cache so the next request reuses them; the
// ModelInfo the views are told about any model; and how a model reads a view's text (a tagger
// reads it as its task does). Plain TypeScript over src/engine; session.ts uses it.

import type { Compute } from '../engine/kernels.ts';
import { createModel, parameterCount, withCompute, type Model } from '../engine/model.ts';
import { kindOf, ModelFileError, parseModelFile } from '../engine/modelfile.ts';
import { Problem } from '../engine/problem.ts';
import { createRng } from '../engine/rng.ts';
import { removeSpaces } from '../engine/tasks/spaces.ts';
import { encodeLenient, vocabFromChars, type Vocab } from '../engine/vocab.ts';
import { loadAutosave } from '../persist/trainingStore.ts';
import type { ModelInfo, ModelSource, TaggedText } from './protocol.ts';

/** A view's text or model that cannot be traced, with the reason (a `views.*` problem). */
export class ViewModelError extends Problem {}

/** A model with the vocabulary its rows and columns are indexed by. */
export interface ViewModel {
  model: Model;
  vocab: Vocab;
  /** A tagger: its task and class labels (absent: a character model). */
  tagger?: { task: string; classes: readonly string[] };
}

/** How each tagging task reads a text: the characters it sees and their true tags. */
const TAG_READERS: Record<string, (text: string) => { chars: string; ends: Int32Array }> = {
  spaces: removeSpaces,
};

/**
 * A model file the views can read: a character model, or a tagger whose task they know how to
 * read a text for (a bidirectional one too).
 */
function viewModelOf(json: string): ViewModel {
  const { model, vocab, classes, task } = parseModelFile(json);
  const c = model.config;
  if (vocab !== null && c.head === 'softmax' && classes !== null) {
    if (task !== null && task in TAG_READERS) return { model, vocab, tagger: { task, classes } };
    const sameClasses =
      classes.length === vocab.chars.length && classes.every((ch, k) => ch === vocab.chars[k]);
    if (sameClasses && !c.bidirectional) return { model, vocab };
  }
  throw new ModelFileError('modelFile.notCharacterModel', { kind: kindOf(c) });
}

/**
 * What a model reads of a view's text. A character model: every character, and the next one as
 * its target (ids [T], targets [T], T = characters − 1). A tagger: the text as its task reads it
 * (spaces removed), each character's true tag as its target.
 */
export function readText(
  entry: ViewModel,
  text: string,
): {
  ids: Int32Array;
  targets: Int32Array;
  unknown: { position: number; char: string }[];
  tagged?: TaggedText;
} {
  const read = entry.tagger === undefined ? undefined : TAG_READERS[entry.tagger.task];
  if (read === undefined) {
    const { ids, unknown } = encodeLenient(text, entry.vocab);
    if (ids.length < 2) throw new ViewModelError('views.traceTooShort');
    return { ids: ids.slice(0, -1), targets: ids.slice(1), unknown };
  }
  const { chars, ends } = read(text);
  const { ids, unknown } = encodeLenient(chars, entry.vocab);
  if (ids.length < 1) throw new ViewModelError('views.tagTooShort');
  return {
    ids,
    targets: ends,
    unknown,
    tagged: { chars: Array.from(chars), tags: Array.from(ends) },
  };
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
    if (source.kind === 'autosave') {
      const saved = this.cache.get(autosaveKey(source));
      if (saved === undefined) throw new ViewModelError('views.autosaveNotLoaded');
      return saved;
    }
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
      if (source.json === undefined)
        throw new ViewModelError('views.modelNotLoaded', { model: source.key });
      const parsed = viewModelOf(source.json);
      entry = { ...parsed, model: withCompute(parsed.model, this.compute()) };
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
    this.keep(key, entry);
    return entry;
  }

  /**
   * Reads an autosaved run's model from IndexedDB (here, so a run of hundreds of MB never crosses
   * the page's thread) and keeps it for `resolve`; a run already read is not read again.
   */
  async loadAutosave(source: Extract<ModelSource, { kind: 'autosave' }>): Promise<void> {
    const key = autosaveKey(source);
    if (this.cache.has(key)) return;
    const saved = await loadAutosave(source.runId);
    if (saved === null || saved.savedAt !== source.savedAt)
      throw new ViewModelError('views.autosaveGone');
    const parsed = viewModelOf(saved.model);
    this.keep(key, { ...parsed, model: withCompute(parsed.model, this.compute()) });
  }

  private keep(key: string, entry: ViewModel): void {
    if (this.cache.size >= MAX_VIEW_MODELS) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(key, entry);
  }
}

const autosaveKey = (s: { runId: string; savedAt: number }) =>
  `autosave:${s.runId}:${String(s.savedAt)}`;

/** What the views are told about a model: its shape, vocabulary, size and step (a tagger's task
 * and classes too). */
export function describeModel(
  model: Model,
  vocab: Vocab,
  step: number,
  trainable: boolean,
  tagger?: ViewModel['tagger'],
): ModelInfo {
  return {
    ...(model.config.bidirectional ? { bidirectional: true } : {}),
    ...(tagger !== undefined ? { classes: [...tagger.classes], task: tagger.task } : {}),
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
