// The Tagging view's race: two entrants of the same budget (a forward-only model and a
// bidirectional one), fed the very same batches; scores from one batched pass equal the task's own
// loss and metrics; the future task is solved by reading backwards and not by reading forwards.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { forwardModel } from '../../src/engine/network.ts';
import { createModel, parametersOf } from '../../src/engine/model.ts';
import { createRng } from '../../src/engine/rng.ts';
import { createTagRace } from '../../src/engine/tagRace.ts';
import {
  TAG_RACE,
  checkTagRaceSettings,
  sameTagRace,
  tagRacers,
  type TagRaceSettings,
} from '../../src/engine/tagRaceSpec.ts';
import { futureTask, spacesTask } from '../../src/engine/tasks/registry.ts';
import { scoreTags } from '../../src/engine/tasks/tagging.ts';
import { modelConfigFor } from '../../src/engine/tasks/task.ts';

const TEXT = readFileSync(
  new URL('../../public/corpora/tinyshakespeare.txt', import.meta.url),
  'utf8',
).slice(0, 60_000);

const FUTURE: TagRaceSettings = { task: 'future', lookahead: 2, cell: 'gru', layers: 1, seed: 1 };

describe('the entrants', () => {
  it('have the same parameter budget, one reads both ways', () => {
    const task = spacesTask('s', TEXT);
    for (const cell of ['rnn', 'lstm', 'gru'] as const) {
      for (const layers of [1, 2]) {
        const [fwd, both] = tagRacers(task.shape, cell, layers);
        expect(fwd!.arch.bidirectional).toBe(false);
        expect(both!.arch.bidirectional).toBe(true);
        expect(both!.arch.hiddenSize).toBe(TAG_RACE.bidirectionalHidden);
        expect(fwd!.arch.hiddenSize).toBeGreaterThan(both!.arch.hiddenSize);
        expect(both!.parameters).toBe(parametersOf(modelConfigFor(task, both!.arch)));
        // Within 3 % of each other.
        expect(Math.abs(fwd!.parameters - both!.parameters) / both!.parameters).toBeLessThan(0.03);
      }
    }
  });

  it('settings are checked, and the same race is recognised', () => {
    expect(() => checkTagRaceSettings({ ...FUTURE, lookahead: 9 })).toThrow(/lookahead/);
    expect(() => checkTagRaceSettings({ ...FUTURE, layers: 3 })).toThrow(/Layers/);
    expect(() => checkTagRaceSettings({ ...FUTURE, task: 'nope' as 'future' })).toThrow(/task/);
    expect(sameTagRace(FUTURE, { ...FUTURE })).toBe(true);
    expect(sameTagRace(FUTURE, { ...FUTURE, lookahead: 3 })).toBe(false);
    // The lookahead does not name a spaces race.
    const spaces = { ...FUTURE, task: 'spaces' as const };
    expect(sameTagRace(spaces, { ...spaces, lookahead: 7 })).toBe(true);
    expect(() => createTagRace(spaces, null)).toThrow(/needs a text/);
  });
});

describe('scoring', () => {
  it('one batched pass gives the loss and tags of window-by-window passes', () => {
    const task = futureTask(3, 4);
    const model = createModel(
      modelConfigFor(task, {
        cell: 'lstm',
        nonlinearity: 'tanh',
        hiddenSize: 5,
        numLayers: 2,
        bidirectional: true,
      }),
      createRng(2),
    );
    const n = 64 * 3 + 17; // three full windows and a short one
    const { predicted, total, count } = scoreTags(model, task.val, n);
    let sum = 0;
    let scored = 0;
    for (let s = 0; s < n; s += 64) {
      const len = Math.min(64, n - s);
      const ids = task.val.ids.slice(s, s + len);
      const targets = Int32Array.from({ length: len }, (_, t) =>
        t + 3 < len ? task.val.tags[s + t]! : -1,
      );
      const pass = forwardModel(
        model,
        { T: len, B: 1, input: { kind: 'onehot', ids }, targets },
        null,
      );
      sum += pass.loss * pass.count;
      scored += pass.count;
      for (let t = 0; t < len; t++) {
        const y = pass.outputs[t]!;
        const best = y.indexOf(Math.max(...y));
        expect(predicted[s + t]).toBe(best);
      }
    }
    expect(count).toBe(scored);
    expect(count).toBe(n - 4 * 3);
    expect(total / count).toBeCloseTo(sum / scored, 12);
    expect(total / count).toBeCloseTo(task.evaluate(model, n), 12);
  });

  it('a race scores both racers as the task does, and samples the validation text', () => {
    const race = createTagRace({ ...FUTURE, task: 'spaces' }, TEXT);
    for (let k = 0; k < 3; k++) race.step();
    const { loss, metrics } = race.score();
    const models = race.entrants.map((_, k) => k);
    expect(loss).toHaveLength(2);
    expect(race.metricKeys).toEqual(['accuracy', 'f1']);
    expect(race.chance).toBeGreaterThan(0.7); // most characters are inside a word
    models.forEach((k) => {
      expect(Number.isFinite(loss[k])).toBe(true);
      expect(metrics[k]!['accuracy']).toBeGreaterThanOrEqual(0);
      expect(metrics[k]!['f1']).toBeLessThanOrEqual(1);
    });
    const sample = race.sample(100);
    expect(sample.chars.join('')).toBe(
      race.task.val.ids.slice(0, 100).reduce((s, id) => s + race.task.vocab.chars[id]!, ''),
    );
    expect(sample.predicted).toHaveLength(2);
    expect(sample.truth).toHaveLength(100);
  });
});

describe('the future task', () => {
  it('the bidirectional model learns it, the forward one stays near guessing', () => {
    const race = createTagRace(FUTURE, null);
    for (let s = 0; s < 150; s++) race.step();
    const { metrics } = race.score();
    const [fwd, both] = metrics.map((m) => m['accuracy']!);
    expect(race.metricKeys).toEqual(['accuracy']);
    expect(race.chance).toBeGreaterThan(0.2);
    expect(race.chance).toBeLessThan(0.32);
    expect(fwd).toBeLessThan(0.35);
    expect(both).toBeGreaterThan(0.9);
  });
});
