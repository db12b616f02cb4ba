// The `tagging` slice: its address keys (only what differs from the defaults; the lookahead only
// for the future task), and the race state a reply and progress make (curves appended as new
// arrays, a future race without F1, another race's progress dropped).
import { describe, expect, test } from 'vitest';
import {
  TAGGING_SLICE,
  initialTagRace,
  initialTagging,
  tagRaceFromInfo,
  tagRaceWithProgress,
} from '../../src/store/tagging';
import type { RaceProgress, TagRaceInfo } from '../../src/worker/protocol';

const reply = (race: number, task: 'spaces' | 'future'): TagRaceInfo => ({
  info: {
    race,
    settings: { task, lookahead: 3, cell: 'gru', layers: 1, seed: 1 },
    step: 0,
    maxSteps: 3000,
    running: true,
    racers: [
      {
        name: 'forward',
        cell: 'gru',
        hiddenSize: 41,
        layers: 1,
        bidirectional: false,
        parameters: 1,
      },
      {
        name: 'bidirectional',
        cell: 'gru',
        hiddenSize: 24,
        layers: 1,
        bidirectional: true,
        parameters: 1,
      },
    ],
    baselines: [],
  },
  classes: task === 'spaces' ? ['inside', 'word end'] : ['a', 'b', 'c', 'd'],
  chance: NaN,
});

const progress = (race: number, steps: number[], metrics: string[]): RaceProgress => ({
  race,
  step: steps.at(-1) ?? 0,
  running: true,
  finished: false,
  stepsPerSecond: 10,
  valSteps: Float64Array.from(steps),
  racers: [0.5, 0.9].map((v) => ({
    loss: Float64Array.from(steps, () => 1 - v),
    metrics: Object.fromEntries(metrics.map((m) => [m, Float64Array.from(steps, () => v)])),
  })),
});

describe('the tagging slice', () => {
  test('writes only what differs, and the lookahead for the future task only', () => {
    const init = initialTagging();
    expect(TAGGING_SLICE.toParams(init)).toEqual({});
    expect(TAGGING_SLICE.toParams({ ...init, lookahead: 6 })).toEqual({});
    expect(TAGGING_SLICE.toParams({ ...init, task: 'future', lookahead: 6 })).toEqual({
      ttask: 'future',
      tk: 6,
    });
    expect(TAGGING_SLICE.fromParams({ tk: 6 })).toMatchObject({ task: 'spaces', lookahead: 3 });
    expect(TAGGING_SLICE.fromParams({ ttask: 'future', tk: 6, tlayers: 2 })).toMatchObject({
      task: 'future',
      lookahead: 6,
      layers: 2,
    });
  });

  test('progress appends to each racer’s curves; another race’s is dropped', () => {
    let s = tagRaceFromInfo(initialTagRace(), reply(1, 'spaces'));
    expect(s.chance).toBeNull();
    expect(s.classes).toEqual(['inside', 'word end']);
    s = tagRaceWithProgress(s, progress(1, [0, 50], ['accuracy', 'f1']));
    const before = s.curves;
    s = tagRaceWithProgress(s, progress(1, [100], ['accuracy', 'f1']));
    expect(s.curves[1]).toEqual({
      steps: [0, 50, 100],
      loss: [1 - 0.9, 1 - 0.9, 1 - 0.9],
      accuracy: [0.9, 0.9, 0.9],
      f1: [0.9, 0.9, 0.9],
    });
    expect(s.curves).not.toBe(before);
    expect(tagRaceWithProgress(s, progress(2, [150], ['accuracy']))).toBe(s);
    // A new race (the future task) starts empty and has no F1.
    let f = tagRaceFromInfo(s, reply(2, 'future'));
    expect(f.curves[0]).toEqual({ steps: [], loss: [], accuracy: [], f1: [] });
    f = tagRaceWithProgress(f, progress(2, [0], ['accuracy']));
    expect(f.curves[0]).toMatchObject({ steps: [0], accuracy: [0.5], f1: [] });
    expect(f).toMatchObject({ race: 2, step: 0, running: true, stepsPerSecond: 10 });
  });
});
