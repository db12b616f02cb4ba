// A race: two models on the very same batches, and hidden sizes that give them the same budget.
import { describe, expect, it } from 'vitest';
import {
  createModel,
  namedTensors,
  parameterCount,
  parametersOf,
  type ModelConfig,
} from '../../src/engine/model.ts';
import { createRace, hiddenSizeFor } from '../../src/engine/race.ts';
import { createRng } from '../../src/engine/rng.ts';
import { futureTask } from '../../src/engine/tasks/registry.ts';
import { createTrainer } from '../../src/engine/trainer.ts';
import { modelConfigFor } from '../../src/engine/tasks/task.ts';

const base: ModelConfig = {
  cell: 'lstm',
  nonlinearity: 'tanh',
  hiddenSize: 10,
  numLayers: 2,
  bidirectional: true,
  input: 'onehot',
  inputSize: 7,
  outputSize: 3,
  head: 'softmax',
};

describe('parameter budgets', () => {
  it.each([true, false])('parametersOf counts what a model holds (bidirectional: %s)', (bi) => {
    const config = { ...base, bidirectional: bi };
    const model = createModel(config, createRng(1));
    const held = namedTensors(model).reduce((n, t) => n + t.data.length, 0);
    expect(parametersOf(config)).toBe(held);
    expect(parameterCount(model)).toBe(held);
  });

  it('finds the forward hidden size that matches a bidirectional model', () => {
    const target = parametersOf(base);
    const forward = { ...base, bidirectional: false };
    const H = hiddenSizeFor(forward, target);
    const gap = Math.abs(parametersOf({ ...forward, hiddenSize: H }) - target);
    expect(H).toBeGreaterThan(base.hiddenSize); // one direction needs more units
    for (const other of [H - 1, H + 1])
      expect(
        Math.abs(parametersOf({ ...forward, hiddenSize: other }) - target),
      ).toBeGreaterThanOrEqual(gap);
  });
});

describe('a race', () => {
  it('gives both models the same batches: each racer matches a trainer run alone', () => {
    const task = futureTask(1);
    const arch = { cell: 'gru', nonlinearity: 'tanh', hiddenSize: 6, numLayers: 1 } as const;
    const opts = {
      batchSize: 4,
      seqLen: 8,
      optimizer: { kind: 'adam', lr: 0.01 } as const,
      clip: { mode: 'none' } as const,
      rng: () => createRng(5),
    };
    const race = createRace(
      task,
      [
        { name: 'forward', arch: { ...arch, bidirectional: false } },
        { name: 'both ways', arch: { ...arch, bidirectional: true } },
      ],
      opts,
    );
    const raced = Array.from({ length: 6 }, () => race.step().reports.map((r) => r.loss));
    for (const [k, bidirectional] of [false, true].entries()) {
      const alone = createTrainer(
        createModel(modelConfigFor(task, { ...arch, bidirectional }), createRng(5)),
        task.source(opts.batchSize, opts.seqLen),
        opts.optimizer,
        opts.clip,
      );
      const losses = Array.from({ length: 6 }, () => alone.step().loss);
      expect(raced.map((r) => r[k])).toEqual(losses);
    }
    expect(race.racers.map((r) => r.name)).toEqual(['forward', 'both ways']);
  });
});
