// The autosave the worker writes: the page's part (settings, curves as typed arrays, timeline)
// with the session's model file, step and optimizer state, into the run's slot in IndexedDB.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type TrainSettings } from '../../src/engine/settings.ts';
import { listAutosaves, loadAutosave } from '../../src/persist/trainingStore.ts';
import { handleMessage } from '../../src/worker/handler.ts';
import type { AutosavePage, FromWorker } from '../../src/worker/protocol.ts';
import { EngineSession } from '../../src/worker/session.ts';
import { initialConfig } from '../../src/store/config.ts';

const settings: TrainSettings = { ...DEFAULT_SETTINGS, hiddenSize: 6, seqLen: 8, batchSize: 2 };

function page(savedAt: number): AutosavePage {
  return {
    version: 1,
    savedAt,
    config: initialConfig(),
    curves: {
      steps: Float64Array.from([1, 2]),
      loss: Float64Array.from([3.5, 3.25]),
      gradBefore: Float64Array.from([2, 6]),
      gradAfter: Float64Array.from([2, 5]),
      clipped: Uint8Array.from([0, 1]),
      val: [{ step: 2, loss: 3.4 }],
    },
    timeline: [{ step: 2, text: 'to be' }],
  };
}

function autosave(session: EngineSession, id: number, runId: string, p: AutosavePage) {
  return new Promise<FromWorker>((resolve) =>
    handleMessage({ type: 'autosave', id, runId, live: [], page: p }, resolve, session),
  );
}

describe('the worker autosave', () => {
  it("writes the page's part with the session's model, step and optimizer state", async () => {
    const session = new EngineSession({ progress: () => {}, schedule: () => {}, now: () => 0 });
    session.setCorpus('own', 'to be or not to be, that is the question.\n'.repeat(20));
    session.create(settings);
    session.step();
    session.step();
    const reply = await autosave(session, 5, 'run-a', page(1000));
    expect(reply).toEqual({ type: 'autosaved', id: 5, ok: true, step: 2 });
    const saved = (await loadAutosave('run-a'))!;
    const snap = session.snapshot();
    expect(saved.model).toBe(snap.json);
    expect(saved.step).toBe(2);
    expect(saved.optimizer).toEqual(snap.optimizer);
    expect(saved.config).toEqual(initialConfig());
    expect(saved.history).toEqual({
      steps: [1, 2],
      loss: [3.5, 3.25],
      gradBefore: [2, 6],
      gradAfter: [2, 5],
      clipped: [0, 1],
      val: [{ step: 2, loss: 3.4 }],
    });
    expect(saved.timeline).toEqual([{ step: 2, text: 'to be' }]);
    expect((await listAutosaves()).map((e) => [e.id, e.step])).toEqual([['run-a', 2]]);
  });

  it('without a model, replies with an error and writes nothing', async () => {
    const session = new EngineSession({ progress: () => {}, schedule: () => {}, now: () => 0 });
    const reply = await autosave(session, 6, 'run-b', page(2000));
    expect(reply.type).toBe('error');
    expect(await loadAutosave('run-b')).toBeNull();
  });
});
