// The race's part of the gradients slice: a reply for a new race clears the curves, progress
// appends to them as new arrays, and progress of another race is dropped. The actions send the
// requests and leave a running race when the view goes.
import { afterEach, describe, expect, test } from 'vitest';
import { initialRace, raceFromInfo, raceWithProgress } from '../../src/store/race';
import { leaveRace, pauseRace, resetRace, startRace } from '../../src/store/raceActions';
import { bindApp } from '../../src/store/engineAccess';
import { appStore, resetStore } from '../../src/store/store';
import type { EngineClient } from '../../src/worker/client';
import type { FromWorker, RaceInfo, RaceProgress, RaceSettings } from '../../src/worker/protocol';
import { COPY_RACERS } from '../ui/copyRace';

const info = (race: number, step = 0, running = false): RaceInfo<RaceSettings> => ({
  race,
  settings: { task: 'copy10', seed: 1 },
  step,
  maxSteps: 2000,
  running,
  racers: [...COPY_RACERS],
  baselines: [],
});

const progress = (race: number, steps: number[], rnn: number[], lstm: number[]): RaceProgress => ({
  race,
  step: steps[steps.length - 1] ?? 0,
  running: true,
  finished: false,
  stepsPerSecond: 40,
  valSteps: Float64Array.from(steps),
  racers: [
    { loss: Float64Array.from(rnn, (r) => 2 - r), metrics: { recall: Float64Array.from(rnn) } },
    { loss: Float64Array.from(lstm, (r) => 2 - r), metrics: { recall: Float64Array.from(lstm) } },
  ],
});

describe('race state', () => {
  test('progress appends to each racer’s curves; another race’s progress is dropped', () => {
    let s = raceFromInfo(initialRace(), info(1, 0, true));
    expect(s.curves).toEqual([
      { steps: [], loss: [], recall: [] },
      { steps: [], loss: [], recall: [] },
    ]);
    s = raceWithProgress(s, progress(1, [0], [0], [0]));
    const before = s.curves;
    s = raceWithProgress(s, progress(1, [50, 100], [0.05, 0.1], [0.2, 0.6]));
    expect(s.curves[0]).toEqual({
      steps: [0, 50, 100],
      loss: [2, 1.95, 1.9],
      recall: [0, 0.05, 0.1],
    });
    expect(s.curves[1]!.recall).toEqual([0, 0.2, 0.6]);
    expect(s.curves).not.toBe(before);
    expect(s).toMatchObject({ step: 100, running: true, stepsPerSecond: 40 });
    expect(raceWithProgress(s, progress(2, [0], [0.9], [0.9]))).toBe(s);
    // The same race resumed keeps its curves; a new one starts empty.
    expect(raceFromInfo(s, info(1, 100, true)).curves).toBe(s.curves);
    const fresh = raceFromInfo(s, info(2));
    expect(fresh.curves[1]!.steps).toEqual([]);
    expect(fresh).toMatchObject({ race: 2, step: 0, running: false, finished: false });
  });
});

describe('race actions', () => {
  let unbind = () => {};
  afterEach(() => {
    unbind();
    resetStore();
  });

  function raceEngine() {
    const sent: unknown[] = [];
    const listeners = new Set<(m: FromWorker) => void>();
    let step = 0;
    let race = 1;
    let running = false;
    const engine = {
      request(body: { type: string }) {
        sent.push(body);
        if (body.type === 'raceStart') running = true;
        if (body.type === 'racePause') running = false;
        if (body.type === 'raceReset') {
          race++;
          step = 0;
          running = false;
        }
        return Promise.resolve({ type: 'race', id: 1, info: info(race, step, running) });
      },
      subscribe(listener: (m: FromWorker) => void) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      dispose() {},
    } as unknown as EngineClient;
    const push = (p: RaceProgress) => {
      step = p.step;
      for (const l of listeners) l({ type: 'raceProgress', id: null, progress: p });
    };
    return { engine, sent, push };
  }

  test('start, progress, pause, reset and leaving the view', async () => {
    const { engine, sent, push } = raceEngine();
    unbind = bindApp(window, engine);
    const race = () => appStore.getState().gradients.race;
    await startRace('copy10');
    expect(sent).toEqual([{ type: 'raceStart', race: { task: 'copy10', seed: 1 } }]);
    expect(race()).toMatchObject({ race: 1, running: true, task: 'copy10' });
    push(progress(1, [0, 50], [0, 0.1], [0, 0.3]));
    expect(race().curves[1]!.recall).toEqual([0, 0.3]);
    await pauseRace();
    expect(race()).toMatchObject({ running: false, step: 50 });
    leaveRace(); // not running: nothing sent
    expect(sent).toHaveLength(2);
    await startRace('copy10');
    leaveRace();
    expect(sent[3]).toEqual({ type: 'racePause' });
    await resetRace('copy10');
    expect(race()).toMatchObject({ race: 2, step: 0 });
    expect(race().curves[0]!.steps).toEqual([]);
  });
});
