// The cost of a training step, checked against the weights a model actually holds: a dense input
// reads every weight once per time step (a multiply and an add each), a one-hot input one column
// of W_ih; forward and backward make three times the forward pass.
import { describe, expect, it } from 'vitest';
import { CELL_KINDS, gateCount } from '../../src/engine/cell.ts';
import { createModel, namedTensors, type ModelConfig } from '../../src/engine/model.ts';
import { createRng } from '../../src/engine/rng.ts';
import { modelConfigOf, DEFAULT_SETTINGS } from '../../src/engine/settings.ts';
import {
  DEFAULT_FLOPS_PER_SECOND,
  MAX_STEP_SECONDS,
  forwardFlopsPerToken,
  stepFlops,
  stepSeconds,
} from '../../src/engine/stepCost.ts';

const base: ModelConfig = {
  cell: 'lstm',
  nonlinearity: 'tanh',
  hiddenSize: 6,
  numLayers: 2,
  bidirectional: true,
  input: 'dense',
  inputSize: 5,
  outputSize: 3,
  head: 'softmax',
};

/** The weights (not the biases) a created model holds. */
function weightsHeld(config: ModelConfig): number {
  return namedTensors(createModel(config, createRng(1)))
    .filter((t) => t.name.includes('weight'))
    .reduce((n, t) => n + t.data.length, 0);
}

describe('the cost of a step', () => {
  it.each(CELL_KINDS.flatMap((cell) => [true, false].map((bi) => [cell, bi] as const)))(
    'a dense %s (bidirectional: %s) costs two operations per weight held, per time step',
    (cell, bidirectional) => {
      const config = { ...base, cell, bidirectional };
      expect(forwardFlopsPerToken(config)).toBe(2 * weightsHeld(config));
      expect(stepFlops(config, 4, 7)).toBe(3 * 4 * 7 * 2 * weightsHeld(config));
    },
  );

  it('a one-hot input reads one column of W_ih instead of the product', () => {
    const dense = { ...base, bidirectional: false, inputSize: 40 };
    const onehot = { ...dense, input: 'onehot' as const };
    const G = gateCount('lstm');
    const H = dense.hiddenSize;
    expect(forwardFlopsPerToken(onehot)).toBe(2 * weightsHeld(dense) - 2 * G * H * 40 + G * H);
  });

  it('the learner’s freezing settings cost thousands of seconds, far over the limit', () => {
    // #/train?hidden=512&layers=4&seq=400&batch=256 on a 65-character text (an LSTM).
    const config = modelConfigOf({ ...DEFAULT_SETTINGS, hiddenSize: 512, numLayers: 4 }, 65);
    expect(config.cell).toBe('lstm');
    const H = 512;
    const perToken = 4 * H + 2 * 4 * H * H + 3 * (2 * 4 * 2 * H * H) + 2 * 65 * H;
    expect(forwardFlopsPerToken(config)).toBe(perToken);
    expect(perToken).toBe(14_748_672);
    expect(stepFlops(config, 256, 400)).toBe(3 * 256 * 400 * perToken);
    const seconds = stepSeconds(config, 256, 400);
    expect(seconds).toBeCloseTo((3 * 256 * 400 * perToken) / DEFAULT_FLOPS_PER_SECOND, 6);
    expect(seconds).toBeGreaterThan(2000);
    expect(seconds).toBeGreaterThan(MAX_STEP_SECONDS);
    // A measured machine ten times faster still takes minutes.
    expect(stepSeconds(config, 256, 400, 20e9)).toBeGreaterThan(200);
  });

  it('the default settings fit well inside the limit', () => {
    const config = modelConfigOf(DEFAULT_SETTINGS, 65);
    const seconds = stepSeconds(config, DEFAULT_SETTINGS.batchSize, DEFAULT_SETTINGS.seqLen);
    expect(seconds).toBeLessThan(MAX_STEP_SECONDS / 4);
  });
});
