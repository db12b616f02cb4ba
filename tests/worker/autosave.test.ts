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

describe('restoring in the worker', () => {
  const text = 'to be or not to be, that is the question.\n'.repeat(20);
  const send = (session: EngineSession, msg: Parameters<typeof handleMessage>[0]) =>
    new Promise<FromWorker>((resolve) => handleMessage(msg, resolve, session));

  it('puts the run back into another session: model, step, optimizer state; the curves go back', async () => {
    const a = new EngineSession({ progress: () => {}, schedule: () => {}, now: () => 0 });
    a.setCorpus('own', text);
    a.create(settings);
    a.step();
    a.step();
    await autosave(a, 1, 'run-r', page(3000));
    const b = new EngineSession({ progress: () => {}, schedule: () => {}, now: () => 0 });
    b.setCorpus('own', text);
    const reply = await send(b, { type: 'restoreRun', id: 2, runId: 'run-r', settings });
    expect(reply).toMatchObject({ type: 'restoredRun', id: 2 });
    const restored = (reply as Extract<FromWorker, { type: 'restoredRun' }>).restored!;
    expect(restored.info.step).toBe(2);
    expect(restored.run.history.steps).toEqual([1, 2]);
    expect(restored.run.timeline).toEqual([{ step: 2, text: 'to be' }]);
    expect(b.snapshot()).toEqual(a.snapshot());
    const missing = await send(b, { type: 'restoreRun', id: 3, runId: 'nowhere', settings });
    expect(missing).toMatchObject({ type: 'restoredRun', id: 3, restored: null });
  });

  it('lets the Forward view trace an autosaved run’s model, read here, not sent', async () => {
    const a = new EngineSession({ progress: () => {}, schedule: () => {}, now: () => 0 });
    a.setCorpus('own', text);
    a.create(settings);
    a.step();
    await autosave(a, 1, 'run-f', page(4000));
    const b = new EngineSession({ progress: () => {}, schedule: () => {}, now: () => 0 });
    const source = { kind: 'autosave' as const, runId: 'run-f', savedAt: 4000 };
    const traced = await send(b, { type: 'trace', id: 4, text: 'to be', model: source });
    const mine = a.trace('to be', false);
    expect(traced).toMatchObject({ type: 'trace', id: 4 });
    const got = (traced as Extract<FromWorker, { type: 'trace' }>).trace;
    expect(got.T).toBe(4); // five characters: four next-character predictions
    expect(got.outputs).toEqual(mine.trace.outputs);
    expect(got.loss).toBe(mine.trace.loss);
    // A run saved again since (another savedAt) is not the one asked for.
    const stale = await send(b, {
      type: 'trace',
      id: 5,
      text: 'to be',
      model: { ...source, savedAt: 1 },
    });
    expect(stale).toMatchObject({ type: 'error', id: 5 });
  });
});
