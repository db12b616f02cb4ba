// The race's fixed pieces: the copy task's shape as the view computes it without building the task,
// a fair budget, the task a delay is raced on, and chunks long enough to hold a line.
import { describe, expect, test } from 'vitest';
import {
  COPY_RACE_CHANCE,
  copyRaceSeqLen,
  copyRaceTask,
  copyRacers,
  copyShape,
} from '../../src/engine/copyRaceSpec';
import { parametersOf } from '../../src/engine/model';
import { generatedTask } from '../../src/engine/tasks/registry';
import { modelConfigFor } from '../../src/engine/tasks/task';

describe('the copy race', () => {
  test.each(['copy10', 'copy20', 'copy50'])('copyShape() is the shape of %s', (name) => {
    expect(copyShape()).toEqual(generatedTask(name).shape);
  });

  test('an LSTM of 32 units against the RNN of the nearest budget', () => {
    const [rnn, lstm] = copyRacers();
    // V = 12: LSTM 4·32·(12 + 32 + 2) + 12·33 = 6,284; RNN 67·(12 + 67 + 2) + 12·68 = 6,243.
    expect([rnn!.name, rnn!.arch.cell, rnn!.arch.hiddenSize, rnn!.parameters]).toEqual([
      'RNN',
      'rnn',
      67,
      6243,
    ]);
    expect([lstm!.name, lstm!.arch.cell, lstm!.arch.hiddenSize, lstm!.parameters]).toEqual([
      'LSTM',
      'lstm',
      32,
      6284,
    ]);
    const task = generatedTask('copy10');
    for (const r of [rnn!, lstm!]) {
      expect(parametersOf(modelConfigFor(task, r.arch))).toBe(r.parameters);
    }
    // 68 units would be further from the budget than 67.
    const at68 = parametersOf(modelConfigFor(task, { ...rnn!.arch, hiddenSize: 68 }));
    expect(Math.abs(at68 - 6284)).toBeGreaterThan(6284 - 6243);
  });

  test('every delay is raced on copy10, in chunks of two lines', () => {
    expect([5, 10, 20, 50].map(copyRaceTask)).toEqual(['copy10', 'copy10', 'copy10', 'copy10']);
    expect(copyRaceSeqLen('copy10')).toBe(26);
    expect(copyRaceSeqLen('copy20')).toBe(46);
    expect(COPY_RACE_CHANCE).toBe(0.1);
  });
});
