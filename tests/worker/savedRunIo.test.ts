// A view's checkpoint put back by the worker (src/worker/savedRunIo.ts): refused, as a problem the
// page can say in the learner's language, when another run was loaded while it was read, when it
// is missing, or when it was made from other choices; each view names its own choices.
import { describe, expect, it } from 'vitest';
import type { SavedRun, SavedRuns } from '../../src/persist/seriesStore.ts';
import { loadCheckpointFrom, type SavableRun } from '../../src/worker/savedRunIo.ts';

const record = (choice: string): SavedRun => ({
  version: 1,
  savedAt: 1,
  choice,
  model: '{}',
  step: 7,
  optimizer: null,
  history: { steps: [], loss: [], gradBefore: [], gradAfter: [], clipped: [], val: [] },
});

/** A store that holds one checkpoint (or none); `during` runs while it is being read. */
function storeOf(saved: SavedRun | null, during: () => void = () => undefined): SavedRuns {
  return {
    loadCheckpoint: () => {
      during();
      return Promise.resolve(saved);
    },
  } as unknown as SavedRuns;
}

function runOf(): SavableRun<number> & { loadCount: number } {
  return {
    loadCount: 0,
    snapshot: () => ({ model: '{}', step: 0, optimizer: null }),
    resume: (saved) => saved.step,
  };
}

describe('loading a checkpoint onto the run loaded now', () => {
  it('puts back one made from the same choices', async () => {
    const resumed = await loadCheckpointFrom(
      storeOf(record('a')),
      runOf(),
      'id',
      'a',
      'series or model',
    );
    expect(resumed.info).toBe(7);
  });

  it('refuses one made from other choices, naming the view’s kind of choice', async () => {
    await expect(
      loadCheckpointFrom(storeOf(record('b')), runOf(), 'id', 'a', 'series or model'),
    ).rejects.toMatchObject({
      message: 'The checkpoint was made from another series or model: choose those first.',
      code: 'run.checkpointOtherSeries',
    });
    await expect(
      loadCheckpointFrom(storeOf(record('b')), runOf(), 'id', 'a', 'task or model'),
    ).rejects.toMatchObject({
      message: 'The checkpoint was made from another task or model: choose those first.',
      code: 'run.checkpointOtherTask',
    });
  });

  it('refuses a missing one, and one read while another run was loaded', async () => {
    await expect(
      loadCheckpointFrom(storeOf(null), runOf(), 'id', 'a', 'task or model'),
    ).rejects.toMatchObject({
      message: 'The checkpoint is missing or damaged.',
      code: 'run.checkpointMissing',
    });
    const run = runOf();
    await expect(
      loadCheckpointFrom(
        storeOf(record('a'), () => (run.loadCount += 1)),
        run,
        'id',
        'a',
        'series or model',
      ),
    ).rejects.toMatchObject({
      message: 'Another series or model was chosen meanwhile.',
      code: 'run.otherSeriesChosen',
    });
  });
});
