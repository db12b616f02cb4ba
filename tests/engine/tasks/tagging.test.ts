// Tagging tasks: putting spaces back and tagging with the future. Windows are independent, tags
// that look past a window are not scored, the metrics and baseline have closed forms, and a
// bidirectional model solves the future task while a forward one stays at chance.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createModel } from '../../../src/engine/model.ts';
import { createRng } from '../../../src/engine/rng.ts';
import { FUTURE_LETTERS, futureData } from '../../../src/engine/tasks/future.ts';
import { futureTask, spacesTask, TASK_KINDS } from '../../../src/engine/tasks/registry.ts';
import { removeSpaces, restoreSpaces } from '../../../src/engine/tasks/spaces.ts';
import {
  classPriorLoss,
  evalTags,
  tagMetrics,
  unigramTaggerLoss,
  windowSource,
} from '../../../src/engine/tasks/tagging.ts';
import { modelConfigFor } from '../../../src/engine/tasks/task.ts';
import { createTrainer } from '../../../src/engine/trainer.ts';

describe('putting the spaces back', () => {
  it('removes white space and tags the last character of each word', () => {
    const { chars, ends } = removeSpaces(' to be  or\nnot ');
    expect(chars).toBe('tobeornot');
    expect([...ends]).toEqual([0, 1, 0, 1, 0, 1, 0, 0, 1]);
    expect(restoreSpaces([...chars], ends)).toBe('to be or not ');
  });

  it('is a two-class tagger over the text’s characters, with F1 of word ends', () => {
    const text = readFileSync(
      new URL('../../../public/corpora/tinyshakespeare.txt', import.meta.url),
      'utf8',
    ).slice(0, 20_000);
    const task = spacesTask('shakespeare', text);
    expect(task.kind).toBe('spaces');
    expect(task.shape).toMatchObject({ input: 'onehot', head: 'softmax', outputSize: 2 });
    expect(task.vocab.chars).not.toContain(' ');
    expect(task.labels.classes).toEqual(['inside', 'word end']);
    const m = createModel(
      modelConfigFor(task, {
        cell: 'gru',
        nonlinearity: 'tanh',
        hiddenSize: 8,
        numLayers: 1,
        bidirectional: true,
      }),
      createRng(1),
    );
    const metrics = task.metrics(m, 500);
    expect(metrics.map((x) => x.key)).toEqual(['accuracy', 'f1']);
    expect(metrics[1]!.label).toBe('F1 of “word end”');
    expect(task.sample(m, 1).length).toBeGreaterThan(300);
    expect(Number.isFinite(task.evaluate(m, 500))).toBe(true);
  });

  it('refuses a text with too few words', () => {
    expect(() => spacesTask('short', 'one two three '.repeat(10))).toThrow(/too few words/);
  });
});

describe('tagging pieces', () => {
  it('accuracy and F1 by hand', () => {
    const predicted = Int32Array.from([1, 0, 1, 1, 0, 0]);
    const tags = Int32Array.from([1, 0, 0, 1, 1, -1]);
    // scored 5: right at 0, 1, 3 → 3/5; tp 2, fp 1, fn 1 → F1 = 4 / 6
    expect(tagMetrics(predicted, tags, 1)).toEqual({ accuracy: 3 / 5, f1: 4 / 6 });
    expect(tagMetrics(predicted, tags, null).f1).toBeNull();
  });

  it('the class-frequency baseline is the cross-entropy of add-one frequencies', () => {
    const train = Int32Array.from([0, 0, 0, 1]); // counts + 1: 4, 2 of 6
    const val = Int32Array.from([0, 1, -1]);
    expect(classPriorLoss(train, val, 2)).toBeCloseTo(-(Math.log(4 / 6) + Math.log(2 / 6)) / 2, 14);
  });

  it('windows are independent and tags looking past a window are not scored', () => {
    const data = futureData(100, 2, 3);
    expect(data.tags[5]).toBe(data.ids[7]);
    const source = windowSource(data, 2, 4);
    const { batch, reset } = source.next();
    expect(reset).toBe(true);
    expect(batch.B).toBe(2);
    const targets = batch.targets as Int32Array;
    // stream 0 reads positions 0..3: t = 0, 1 see their answer (t + 2 < 4), t = 2, 3 do not
    expect([0, 1, 2, 3].map((t) => targets[t * 2])).toEqual([data.ids[2], data.ids[3], -1, -1]);
    // validation scores the same way, in windows of 64
    const scored = evalTags(data, 70);
    expect(scored[61]).toBe(data.ids[63]);
    expect(scored[62]).toBe(-1);
    expect(scored[63]).toBe(-1);
  });
});

describe('the unigram tagger baseline', () => {
  it('is the cross-entropy of add-one p(tag | current character)', () => {
    const train = { ids: Int32Array.from([0, 0, 1, 1, 1]), tags: Int32Array.from([1, 1, 0, 0, 1]) };
    const val = { ids: Int32Array.from([0, 1]), tags: Int32Array.from([1, 0]) };
    // char 0: tag counts + 1 = [1, 3] of 4; char 1: [3, 2] of 5
    expect(unigramTaggerLoss(train, val, 2, 2)).toBeCloseTo(
      -(Math.log(3 / 4) + Math.log(3 / 5)) / 2,
      14,
    );
  });

  it('on the future task it is no better than the class frequencies', () => {
    const task = futureTask(3);
    const [prior, unigram] = task.baselines.map((b) => b.value);
    expect(task.baselines.map((b) => b.key)).toEqual(['prior', 'unigram']);
    expect(Math.abs(unigram! - prior!)).toBeLessThan(0.01);
    expect(prior).toBeCloseTo(Math.log(4), 2);
  });
});

describe('the future task: only reading backwards can solve it', () => {
  it('is registered with the other kinds', () => {
    expect(Object.keys(TASK_KINDS)).toEqual(['chars', 'copy', 'spaces', 'series', 'future']);
    expect(() => futureTask(21)).toThrow(/from 0 to 20/);
    expect(() => futureTask(-1)).toThrow(
      expect.objectContaining({
        message: 'The lookahead must be a whole number from 0 to 20 (got -1).',
        code: 'run.lookahead',
        vars: { min: 0, max: 20, got: '-1' },
      }),
    );
  });

  it('a bidirectional GRU learns it, a forward GRU of the same size stays near chance', () => {
    const task = futureTask(2);
    const accuracy = (bidirectional: boolean) => {
      const m = createModel(
        modelConfigFor(task, {
          cell: 'gru',
          nonlinearity: 'tanh',
          hiddenSize: 12,
          numLayers: 1,
          bidirectional,
        }),
        createRng(3),
      );
      const trainer = createTrainer(
        m,
        task.source(16, 12),
        { kind: 'adam', lr: 0.02 },
        { mode: 'norm', threshold: 5 },
      );
      for (let s = 0; s < 250; s++) trainer.step();
      return task.metrics(m, 2000)[0]!.value;
    };
    const chance = 1 / FUTURE_LETTERS.length;
    const both = accuracy(true);
    const forward = accuracy(false);
    expect(both).toBeGreaterThan(0.9);
    expect(forward).toBeLessThan(chance + 0.1);
  });
});
