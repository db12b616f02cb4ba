// The Attention view's run across a reload and its checkpoints (src/store/attentionSaves.ts) with
// the real worker handler and engine in process and an in-memory IndexedDB: Pause autosaves the
// run; the view's first load after a reload puts it back with its curves when the choices are the
// same, and only then; a named checkpoint goes back at its step, and not onto another model.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  loadAttention,
  pauseAttention,
  setAttentionChoice,
  trainAttention,
} from '../../src/store/attentionActions';
import {
  deleteAttentionCheckpoint,
  loadAttentionCheckpoint,
  saveAttentionCheckpoint,
} from '../../src/store/attentionSaves';
import { getEngine } from '../../src/store/engineAccess';
import { appStore } from '../../src/store/store';
import { emptyDb, startTraining, until } from './trainingHarness';

beforeEach(emptyDb);

const attention = () => appStore.getState().attention;
const HASH = '#/attention?atask=reverse&amin=3&amax=5&ahidden=8';

/** Trains a few steps, pauses (which autosaves) and closes the page; returns the step. */
async function trainAndLeave(hash: string): Promise<number> {
  const app = await startTraining(hash);
  expect(await loadAttention({ resume: true })).toBe(true);
  expect(attention().restoredStep).toBeNull();
  await trainAttention();
  await until(() => (attention().history.steps.at(-1) ?? 0) >= 3, 'three steps');
  await pauseAttention();
  await app.idle();
  const step = attention().history.steps.at(-1)!;
  expect(attention().saved?.step).toBe(step);
  app.close();
  return step;
}

describe('the encoder–decoder across a reload', { timeout: 30_000 }, () => {
  it('comes back at its step with its curves and decodes with the saved model', async () => {
    const step = await trainAndLeave(HASH);
    await startTraining(HASH);
    expect(await loadAttention({ resume: true })).toBe(true);
    expect(attention().restoredStep).toBe(step);
    expect(attention().info?.step).toBe(step);
    expect(attention().history.steps).toHaveLength(step);
    await until(() => attention().decoded?.step === step, 'the decoding at the step');
    await trainAttention();
    await until(() => (attention().history.steps.at(-1) ?? 0) > step, 'a step more');
    await pauseAttention();
    expect(attention().restoredStep).toBeNull();
  });

  it('does not come back onto other choices', async () => {
    await trainAndLeave(HASH);
    await startTraining(`${HASH}&acell=lstm`);
    expect(await loadAttention({ resume: true })).toBe(true);
    expect(attention().restoredStep).toBeNull();
    expect(attention().info?.step).toBe(0);
    expect(attention().history.steps).toEqual([]);
  });
});

describe('attention checkpoints', { timeout: 30_000 }, () => {
  const stepOnce = async () => {
    const next = attention().history.steps.length + 1;
    await getEngine()!.request({ type: 'attentionStep' });
    await until(() => attention().history.steps.length === next, 'the step');
  };

  it('save the run by name and put it back at its step with its curves; delete', async () => {
    await startTraining(HASH);
    expect(await loadAttention()).toBe(true);
    for (let k = 0; k < 3; k++) await stepOnce();
    await saveAttentionCheckpoint('three');
    expect(attention().checkpoints.map((c) => [c.name, c.step])).toEqual([['three', 3]]);
    for (let k = 0; k < 2; k++) await stepOnce();
    await saveAttentionCheckpoint('  ');
    expect(attention().checkpoints.map((c) => c.name)).toEqual(['Step 5', 'three']);
    const three = attention().checkpoints.find((c) => c.name === 'three')!;
    await loadAttentionCheckpoint(three.id);
    expect(attention()).toMatchObject({ error: null, phase: 'ready' });
    expect(attention().info?.step).toBe(3);
    expect(attention().history.steps).toEqual([1, 2, 3]);
    await deleteAttentionCheckpoint(three.id);
    expect(attention().checkpoints.map((c) => c.name)).toEqual(['Step 5']);
  });

  it('made from another model is refused, and the model stays', async () => {
    await startTraining(HASH);
    expect(await loadAttention()).toBe(true);
    await stepOnce();
    await saveAttentionCheckpoint('gru');
    const id = attention().checkpoints[0]!.id;
    await setAttentionChoice({ cell: 'lstm' });
    expect(await loadAttention()).toBe(true);
    await loadAttentionCheckpoint(id);
    expect(attention().error).toMatch(/^Could not load the checkpoint: .*another task or model/);
    expect(attention().info?.step).toBe(0);
  });
});
