// What one step costs, before Train (the real client, handler and session in process): a step
// estimated above the limit is refused with the estimate, Step likewise, a live change that would
// make the running model's steps too long is refused, and a measured machine speed replaces the
// default in the estimate.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { modelConfigOf } from '../../src/engine/settings';
import { DEFAULT_FLOPS_PER_SECOND, stepFlops } from '../../src/engine/stepCost';
import { settingsOf } from '../../src/store/config';
import { selectStepCostText, selectStepSeconds } from '../../src/store/stepBudget';
import { appStore, patchTraining } from '../../src/store/store';
import { changeConfig, pause, step, train } from '../../src/store/trainingActions';
import { config, emptyDb, startTraining, training, until } from './trainingHarness';

// An LSTM with H = 64 on 256 sequences of 400 characters: ≈ 10¹⁰ operations a step.
const SLOW = '#/train?corpus=counting&hidden=64&seq=400&batch=256';
const QUICK = '#/train?corpus=counting&hidden=64&seq=16&batch=4';

beforeEach(emptyDb);

const flops = () =>
  stepFlops(
    modelConfigOf(settingsOf(config()), training().corpus!.vocabSize),
    config().batchSize,
    config().seqLen,
  );

describe('the cost of a step', { timeout: 30_000 }, () => {
  it('Train and Step refuse a step above the limit and say how long it would take', async () => {
    const app = await startTraining(SLOW);
    const seconds = flops() / DEFAULT_FLOPS_PER_SECOND;
    expect(seconds).toBeGreaterThan(4);
    expect(selectStepSeconds(appStore.getState())).toBe(seconds);
    const said = `One step of this model takes ≈ ${seconds.toFixed(1)} s on a typical machine (this one is not measured yet); steps above 1 s are refused, because the engine can only answer (Pause included) between steps. Lower the batch size, the sequence length, the hidden size or the number of layers.`;
    expect(selectStepCostText(appStore.getState())).toBe(said);
    train();
    expect(training().phase).toBe('ready');
    expect(training().error).toBe(said);
    step();
    await app.idle();
    expect(app.requests).not.toContain('train');
    expect(app.requests).not.toContain('step');
    expect(training().step).toBe(0);
  });

  it('a measured machine speed replaces the default in the estimate', async () => {
    await startTraining(SLOW);
    patchTraining({ flopsPerSecond: 20 * DEFAULT_FLOPS_PER_SECOND });
    const seconds = flops() / (20 * DEFAULT_FLOPS_PER_SECOND);
    expect(seconds).toBeGreaterThan(0.25);
    expect(seconds).toBeLessThan(1);
    expect(selectStepCostText(appStore.getState())).toBe(
      `One step takes ≈ ${seconds.toFixed(1)} s on this machine; the curves move once per step.`,
    );
  });

  it('a quick step says nothing; a live change that would make it too long is refused', async () => {
    const app = await startTraining(QUICK);
    expect(selectStepCostText(appStore.getState())).toBeNull();
    train();
    await until(() => training().phase === 'running', 'training');
    changeConfig({ batchSize: 256, seqLen: 400 });
    expect(config()).toMatchObject({ batchSize: 4, seqLen: 16 });
    expect(training().error).toMatch(
      /^Could not change the setting while training: One step of this model takes ≈ \d+\.\d s/,
    );
    expect(training().phase).toBe('running');
    await pause();
    await app.idle();
    expect(app.requests).not.toContain('setHyper');
  });
});
