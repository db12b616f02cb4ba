// The run bar before Train: what one step costs when it is slow, Train and Step off when a step
// would be refused, and Pause saying at once that the run is pausing.
import { render, screen } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { modelConfigOf } from '../../src/engine/settings';
import { DEFAULT_FLOPS_PER_SECOND, stepFlops } from '../../src/engine/stepCost';
import { RunBar } from '../../src/panels/training/RunBar';
import { settingsOf } from '../../src/store/config';
import { appStore, patchConfig, patchTraining } from '../../src/store/store';
import type { CorpusInfo, ModelInfo } from '../../src/worker/protocol';

const V = 14;
const corpus: CorpusInfo = {
  name: 'counting',
  length: 10_000,
  vocabSize: V,
  trainChars: 9000,
  valChars: 1000,
  baselines: { uniform: Math.log(V), unigram: 2.5, bigram: 1.5 },
  valPreview: '0 1 2',
};
const model: ModelInfo = {
  cell: 'lstm',
  nonlinearity: 'tanh',
  hiddenSize: 64,
  numLayers: 1,
  vocab: [...'0123456789 \n+-'],
  parameters: 21_006,
  step: 0,
  trainable: true,
};

const button = (name: string) => screen.getByRole('button', { name }) as HTMLButtonElement;
const seconds = (flopsPerSecond: number) => {
  const c = appStore.getState().config;
  return stepFlops(modelConfigOf(settingsOf(c), V), c.batchSize, c.seqLen) / flopsPerSecond;
};

describe('the run bar', () => {
  test('a step above the limit turns Train and Step off and says how long it would take', () => {
    patchConfig({ hiddenSize: 64, seqLen: 400, batchSize: 256 });
    patchTraining({ phase: 'ready', corpus, model });
    render(<RunBar />);
    const s = seconds(DEFAULT_FLOPS_PER_SECOND);
    expect(s).toBeGreaterThan(1);
    expect(button('Train').disabled).toBe(true);
    expect(button('Step').disabled).toBe(true);
    expect(screen.getByTestId('step-cost').textContent).toBe(
      `One step of this model takes ≈ ${s.toFixed(1)} s on a typical machine (this one is not measured yet); steps above 1 s are refused, because the engine can only answer (Pause included) between steps. Lower the batch size, the sequence length, the hidden size or the number of layers.`,
    );
  });

  test('on a machine measured fast enough the same step is allowed, with its cost shown', () => {
    patchConfig({ hiddenSize: 64, seqLen: 400, batchSize: 256 });
    patchTraining({ phase: 'ready', corpus, model, flopsPerSecond: 2e10 });
    render(<RunBar />);
    const s = seconds(2e10);
    expect(s).toBeGreaterThan(0.25);
    expect(s).toBeLessThan(1);
    expect(button('Train').disabled).toBe(false);
    expect(screen.getByTestId('step-cost').textContent).toBe(
      `One step takes ≈ ${s.toFixed(1)} s on this machine; the curves move once per step.`,
    );
  });

  test('a quick step says nothing about its cost', () => {
    patchConfig({ hiddenSize: 8, seqLen: 16, batchSize: 4 });
    patchTraining({ phase: 'ready', corpus, model });
    render(<RunBar />);
    expect(screen.queryByTestId('step-cost')).toBeNull();
    expect(button('Train').disabled).toBe(false);
  });

  test('while pausing, the bar says so and Pause is off', () => {
    patchTraining({
      phase: 'running',
      corpus,
      model,
      busy: 'Pausing after the step in progress…',
    });
    render(<RunBar />);
    expect(button('Pause').disabled).toBe(true);
    expect(screen.getByText('Pausing after the step in progress…')).toBeTruthy();
  });
});

describe('the offer of an earlier run', () => {
  test('names its step and each setting it differs in, and is gone when there is none', () => {
    const now = appStore.getState().config;
    patchConfig({ seed: 2, hiddenSize: 64 });
    patchTraining({
      phase: 'ready',
      corpus,
      model,
      earlierRun: {
        id: 'r1',
        step: 1131,
        savedAt: 0,
        config: { ...now, cell: 'gru', hiddenSize: 128, seed: 2, corpus: 'counting' },
      },
    });
    const { unmount } = render(<RunBar />);
    expect(screen.getByTestId('earlier-run').textContent).toMatch(
      /^Your earlier run is still saved: step 1,131, with text .+ \(now .+\), Cell GRU \(now LSTM\), Hidden size 128 units \(now 64 units\)\. /,
    );
    expect(button('Go back to the earlier run')).toBeDefined();
    unmount();
    patchTraining({ earlierRun: null });
    render(<RunBar />);
    expect(screen.queryByTestId('earlier-run')).toBeNull();
  });
});
