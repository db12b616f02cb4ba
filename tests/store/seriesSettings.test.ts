// The Time series view's model settings in the address and in the worker: layers make a new
// model; learning rate, window length and batch size change live on the same model, and a value
// the engine refuses changes nothing and says why.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { getEngine } from '../../src/store/engineAccess';
import { loadSeries, seriesSettings, setSeriesTraining } from '../../src/store/seriesActions';
import { appStore } from '../../src/store/store';
import { emptyDb, startTraining } from './trainingHarness';

beforeEach(emptyDb);

const series = () => appStore.getState().series;

describe('the series model’s settings', () => {
  it('are read from the address and make the model the worker trains', async () => {
    await startTraining('#/series?series=sines&slayers=2&slr=0.003&sseq=24&sbatch=8');
    expect(series()).toMatchObject({ layers: 2, lr: 0.003, seqLen: 24, batch: 8 });
    expect(seriesSettings(series())).toMatchObject({
      numLayers: 2,
      lr: 0.003,
      seqLen: 24,
      batchSize: 8,
    });
    expect(await loadSeries()).toBe(true);
    // An LSTM of 32 units, two layers, one input and a linear head of one output.
    const lstm = (input: number) => 4 * 32 * (input + 32) + 2 * 4 * 32;
    expect(series().info?.parameters).toBe(lstm(1) + lstm(32) + 33);
  });

  it('change live: the model and its step stay, and the address follows', async () => {
    await startTraining('#/series?series=sines');
    expect(await loadSeries()).toBe(true);
    await getEngine()!.request({ type: 'seriesStep' });
    await setSeriesTraining({ seqLen: 12, lr: 0.001 });
    expect(series()).toMatchObject({ seqLen: 12, lr: 0.001, error: null });
    expect(window.location.hash).toMatch(/sseq=12/);
    expect(window.location.hash).toMatch(/slr=0\.001/);
    const reply = await getEngine()!.request({ type: 'seriesStep' });
    expect(reply.step).toBe(2);
  });

  it('a value the engine refuses changes nothing and says why', async () => {
    await startTraining('#/series?series=sines&sbatch=8');
    expect(await loadSeries()).toBe(true);
    await setSeriesTraining({ batch: 0 });
    expect(series().batch).toBe(8);
    expect(series().error).toMatch(/^Could not change the setting: .*batch/i);
    expect(window.location.hash).toMatch(/sbatch=8/);
  });
});
