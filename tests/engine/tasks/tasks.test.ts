// Tasks: a character task owns its split, batches, baselines, divergence rule and samples; a copy
// task adds the accuracy at the recall position; a model fits a task only with the same labels.
import { describe, expect, it } from 'vitest';
import { corpusBaselines } from '../../../src/engine/baselines.ts';
import { createModel } from '../../../src/engine/model.ts';
import { createRng } from '../../../src/engine/rng.ts';
import { createCharTask } from '../../../src/engine/tasks/chars.ts';
import { recallAccuracy } from '../../../src/engine/tasks/copy.ts';
import { generatedTask, TASK_KINDS } from '../../../src/engine/tasks/registry.ts';
import { fitsTask, modelConfigFor } from '../../../src/engine/tasks/task.ts';
import { evaluateChars } from '../../../src/engine/trainer.ts';
import { buildVocab } from '../../../src/engine/vocab.ts';

const TEXT = 'the cat sat on the mat. '.repeat(40);
const ARCH = {
  cell: 'gru',
  nonlinearity: 'tanh',
  hiddenSize: 6,
  numLayers: 1,
  bidirectional: false,
} as const;

describe('the character task', () => {
  const task = createCharTask('cats', TEXT, 0.25);
  const V = task.vocab.chars.length;

  it('splits by position and fixes the model’s input and head to the vocabulary', () => {
    expect(task.kind).toBe('chars');
    expect(task.train.length + task.val.length).toBe(TEXT.length);
    expect(task.val.length).toBe(TEXT.length / 4);
    expect(task.shape).toEqual({ input: 'onehot', inputSize: V, head: 'softmax', outputSize: V });
    expect(modelConfigFor(task, ARCH)).toEqual({ ...ARCH, ...task.shape });
    expect(task.lossUnit).toBe('nats/char');
  });

  it('has the corpus baselines, fitted on train and scored on val', () => {
    const b = corpusBaselines(task.train, task.val, V);
    expect(task.baselines.map((x) => [x.key, x.value])).toEqual([
      ['uniform', b.uniform],
      ['unigram', b.unigram],
      ['bigram', b.bigram],
    ]);
  });

  it('evaluates as evaluateChars on the validation split', () => {
    const m = createModel(modelConfigFor(task, ARCH), createRng(1));
    expect(task.evaluate(m, 300)).toBe(evaluateChars(m, task.val, { maxChars: 300 }));
    expect(task.metrics(m, 300)).toEqual([]);
  });

  it('batches come from the training split, B reduced to what the text holds', () => {
    const source = task.source(1000, 10);
    const { batch } = source.next();
    expect(batch.B).toBe(Math.floor((task.train.length - 1) / 10));
    expect(batch.T).toBe(10);
  });

  it('diverges beyond 4·ln V nats or when not finite', () => {
    expect(task.diverged(4 * Math.log(V) - 0.01, true)).toBe(false);
    expect(task.diverged(4 * Math.log(V) + 0.01, true)).toBe(true);
    expect(task.diverged(0.5, false)).toBe(true);
  });

  it('samples the same text for the same seed, from the vocabulary', () => {
    const m = createModel(modelConfigFor(task, ARCH), createRng(1));
    const a = task.sample(m, 7);
    expect(task.sample(m, 7)).toBe(a);
    expect(task.sample(m, 8)).not.toBe(a);
    expect([...a].every((ch) => task.vocab.index.has(ch))).toBe(true);
    expect([...a]).toHaveLength(160);
  });

  it('a model fits only with the same vocabulary and outputs', () => {
    const m = createModel(modelConfigFor(task, ARCH), createRng(1));
    expect(fitsTask(task, m, task.labels)).toBe(true);
    const other = buildVocab('the cat sat on the rug. ');
    expect(fitsTask(task, m, { vocab: other, classes: other.chars, task: 'chars' })).toBe(false);
    const wider = createModel({ ...modelConfigFor(task, ARCH), outputSize: V + 1 }, createRng(1));
    expect(fitsTask(task, wider, task.labels)).toBe(false);
  });

  it('refuses a text it cannot learn from, with the corpus check’s message', () => {
    expect(() => createCharTask('empty', '')).toThrow(/The text is empty/);
  });
});

describe('the copy task', () => {
  const task = generatedTask('copy10');

  it('is registered, and other generated texts are character tasks', () => {
    expect(task.kind).toBe('copy');
    expect(Object.keys(TASK_KINDS)).toEqual(['chars', 'copy', 'spaces', 'series', 'future']);
    expect(generatedTask('brackets').kind).toBe('chars');
    expect(() => generatedTask('nope')).toThrow('There is no generated text called "nope".');
    expect(() => generatedTask('nope')).toThrow(
      expect.objectContaining({ code: 'run.noGeneratedText', vars: { name: 'nope' } }),
    );
  });

  it('recall accuracy counts only the letter after the K fillers', () => {
    // A model that always says "a": its accuracy is the share of recall letters that are "a".
    const m = createModel(modelConfigFor(task, ARCH), createRng(2));
    m.decoder.W.fill(0);
    m.decoder.b.fill(0);
    const a = task.vocab.index.get('a')!;
    m.decoder.b[a] = 1;
    const n = 3000;
    const text = Array.from(task.val.subarray(0, n + 1), (id) => task.vocab.chars[id]!).join('');
    const recalls = [...text.matchAll(/\.([a-j])/g)].filter((x) => x.index + 1 <= n);
    const share = recalls.filter((x) => x[1] === 'a').length / recalls.length;
    expect(recalls.length).toBeGreaterThan(100);
    const [metric] = task.metrics(m, n);
    expect(metric!.key).toBe('recall');
    expect(metric!.label).toBe('recall after 10 steps');
    expect(metric!.value).toBeCloseTo(share, 12);
    expect(metric!.value).toBeGreaterThan(0);
    expect(metric!.value).toBeLessThan(0.3);
  });

  it('recallAccuracy is NaN when nothing is scored', () => {
    const m = createModel(modelConfigFor(task, ARCH), createRng(2));
    expect(recallAccuracy(m, task.val, 50, () => false)).toBeNaN();
  });
});
