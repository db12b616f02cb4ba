// The models a view traces besides the training one (src/worker/viewModels.ts): a text too short to
// trace or tag, a model not loaded, and a file of a kind the views cannot read are each refused as a
// problem with a code, in the same English words as before.
import { describe, expect, it } from 'vitest';
import { createCompute } from '../../src/engine/kernels.ts';
import { createModel, type ModelConfig } from '../../src/engine/model.ts';
import { ModelFileError, modelFileJson } from '../../src/engine/modelfile.ts';
import { createRng } from '../../src/engine/rng.ts';
import { buildVocab } from '../../src/engine/vocab.ts';
import { readText, ViewModelError, ViewModels } from '../../src/worker/viewModels.ts';
import { thrown } from '../engine/helpers.ts';

const vocab = buildVocab('abc');

function model(over: Partial<ModelConfig> = {}) {
  const config: ModelConfig = {
    cell: 'gru',
    nonlinearity: 'tanh',
    hiddenSize: 3,
    numLayers: 1,
    bidirectional: false,
    input: 'onehot',
    inputSize: 3,
    outputSize: 3,
    head: 'softmax',
    ...over,
  };
  return createModel(config, createRng(1));
}

describe('a view’s text', () => {
  it('a character model needs two characters to trace', () => {
    const error = thrown(() => readText({ model: model(), vocab }, 'a'));
    expect(error).toBeInstanceOf(ViewModelError);
    expect(error).toMatchObject({
      message: 'Type at least two characters to trace.',
      code: 'views.traceTooShort',
    });
    expect(readText({ model: model(), vocab }, 'ab').ids).toEqual(Int32Array.from([0]));
  });

  it('a tagger needs a character other than a space', () => {
    const entry = {
      model: model({ outputSize: 2 }),
      vocab,
      tagger: { task: 'spaces', classes: ['inside', 'word end'] },
    };
    expect(thrown(() => readText(entry, '   '))).toMatchObject({
      message: 'Type at least one character other than a space to tag.',
      code: 'views.tagTooShort',
    });
  });
});

describe('the models a view names', () => {
  const models = () => new ViewModels(() => createCompute());

  it('a file or an autosaved run not loaded yet', () => {
    expect(thrown(() => models().resolve({ kind: 'file', key: 'mine.json' }))).toMatchObject({
      message: 'The model "mine.json" is not loaded.',
      code: 'views.modelNotLoaded',
      vars: { model: 'mine.json' },
    });
    const autosave = { kind: 'autosave', runId: 'run', savedAt: 1 } as const;
    expect(thrown(() => models().resolve(autosave))).toMatchObject({
      message: 'The autosaved run is not loaded.',
      code: 'views.autosaveNotLoaded',
    });
  });

  it('a file of a model the views cannot read, named by its kind', () => {
    const json = JSON.stringify(
      modelFileJson(
        model({ cell: 'lstm', input: 'dense', inputSize: 1, outputSize: 1, head: 'linear' }),
        { vocab: null, classes: null, task: 'series' },
      ),
    );
    const error = thrown(() => models().resolve({ kind: 'file', key: 'f', json }));
    expect(error).toBeInstanceOf(ModelFileError);
    expect(error).toMatchObject({
      message:
        'This file holds a LSTM with real-valued input and a linear head, not a character model that predicts the next character.',
      code: 'modelFile.notCharacterModel',
      vars: { kind: { code: 'modelFile.kind', vars: { cell: 'LSTM' } } },
    });
  });
});
