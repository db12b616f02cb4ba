// The Time series run across a reload (src/store/seriesActions.ts) with the real worker handler
// and engine in process and an in-memory IndexedDB: Pause autosaves it; the view's first load
// after a reload puts it back with its curves when the choices are the same, and only then.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { getEngine } from '../../src/store/engineAccess';
import {
  loadSeries,
  pauseSeries,
  setSeries,
  setSeriesTraining,
  trainSeries,
} from '../../src/store/seriesActions';
import {
  deleteSeriesCheckpointNamed,
  loadSeriesCheckpointNamed,
  saveSeriesCheckpointNamed,
} from '../../src/store/seriesCheckpoints';
import { appStore } from '../../src/store/store';
import { emptyDb, startTraining, until } from './trainingHarness';

beforeEach(emptyDb);

const series = () => appStore.getState().series;
const HASH = '#/series?series=sines&shidden=8&sseq=16&sbatch=4';

/** Trains the series a few steps, pauses (which autosaves) and closes the page. */
async function trainAndLeave(hash: string): Promise<number> {
  const app = await startTraining(hash);
  expect(await loadSeries({ resume: true })).toBe(true);
  expect(series().restoredStep).toBeNull();
  await trainSeries();
  await until(() => (series().history.steps.at(-1) ?? 0) >= 3, 'three steps');
  await pauseSeries();
  await app.idle();
  const step = series().history.steps.at(-1)!;
  expect(series().saved?.step).toBe(step);
  app.close();
  return step;
}

describe('the series run across a reload', { timeout: 30_000 }, () => {
  it('comes back at its step with its curves, and trains on from there', async () => {
    const step = await trainAndLeave(HASH);
    await startTraining(HASH);
    expect(await loadSeries({ resume: true })).toBe(true);
    expect(series().restoredStep).toBe(step);
    expect(series().info?.step).toBe(step);
    expect(series().history.steps.at(-1)).toBe(step);
    expect(series().history.steps).toHaveLength(step);
    await trainSeries();
    await until(() => (series().history.steps.at(-1) ?? 0) > step, 'a step more');
    await pauseSeries();
    expect(series().restoredStep).toBeNull();
  });

  it('does not come back onto other choices', async () => {
    await trainAndLeave(HASH);
    await startTraining(`${HASH}&scell=gru`);
    expect(await loadSeries({ resume: true })).toBe(true);
    expect(series().restoredStep).toBeNull();
    expect(series().info?.step).toBe(0);
    expect(series().history.steps).toEqual([]);
  });

  it('keeps live settings out of what must match: another learning rate still restores', async () => {
    const step = await trainAndLeave(HASH);
    await startTraining(`${HASH}&slr=0.003`);
    expect(await loadSeries({ resume: true })).toBe(true);
    expect(series().restoredStep).toBe(step);
    await setSeriesTraining({ lr: 0.001 });
    expect(series().error).toBeNull();
  });
});

describe('series checkpoints', { timeout: 30_000 }, () => {
  const stepOnce = async () => {
    const next = series().history.steps.length + 1;
    await getEngine()!.request({ type: 'seriesStep' });
    await until(() => series().history.steps.length === next, 'the step');
  };

  it('save the run by name and put it back at its step with its curves; delete', async () => {
    await startTraining(HASH);
    expect(await loadSeries()).toBe(true);
    for (let k = 0; k < 3; k++) await stepOnce();
    await saveSeriesCheckpointNamed('three');
    expect(series().checkpoints.map((c) => [c.name, c.step])).toEqual([['three', 3]]);
    for (let k = 0; k < 2; k++) await stepOnce();
    await saveSeriesCheckpointNamed('  ');
    expect(series().checkpoints.map((c) => c.name)).toEqual(['Step 5', 'three']);
    const three = series().checkpoints.find((c) => c.name === 'three')!;
    await loadSeriesCheckpointNamed(three.id);
    expect(series()).toMatchObject({ error: null, phase: 'ready' });
    expect(series().info?.step).toBe(3);
    expect(series().history.steps).toEqual([1, 2, 3]);
    await deleteSeriesCheckpointNamed(three.id);
    expect(series().checkpoints.map((c) => c.name)).toEqual(['Step 5']);
  });

  it('made from another model is refused, and the model stays', async () => {
    await startTraining(HASH);
    expect(await loadSeries()).toBe(true);
    await stepOnce();
    await saveSeriesCheckpointNamed('lstm');
    const id = series().checkpoints[0]!.id;
    await setSeries({ cell: 'gru' });
    expect(await loadSeries()).toBe(true);
    await loadSeriesCheckpointNamed(id);
    expect(series().error).toMatch(/^Could not load the checkpoint: .*another series or model/);
    expect(series().info?.step).toBe(0);
  });
});
