// The race host with the real engine and a hand-run scheduler: both racers learn from the very
// same batches, each post carries both racers' scores, a pause stops the stepping, and a reset
// replays the race from step 0 with the same numbers.
import { describe, expect, test } from 'vitest';
import { COPY_RACE_KIND, createCopyRace, scoreRace } from '../../src/engine/copyRace';
import { COPY_RACE, copyRaceSeqLen } from '../../src/engine/copyRaceSpec';
import { createModel } from '../../src/engine/model';
import { createRng } from '../../src/engine/rng';
import { generatedTask } from '../../src/engine/tasks/registry';
import { modelConfigFor } from '../../src/engine/tasks/task';
import { createTrainer } from '../../src/engine/trainer';
import { createSession, handleMessage } from '../../src/worker/handler';
import type { FromWorker, RaceProgress, RaceSettings, ToWorker } from '../../src/worker/protocol';
import { RaceLoop } from '../../src/worker/raceLoop';
import { createCompute } from '../../src/engine/kernels';

const LIMITS = { maxSteps: 6, evalEvery: 2 };
const SETTINGS = { task: 'copy10', seed: 3 };

function host() {
  const queue: (() => void)[] = [];
  const posts: RaceProgress[] = [];
  let clock = 0;
  const loop = new RaceLoop(
    {
      progress: (p) => posts.push(p),
      schedule: (fn) => queue.push(fn),
      // Time moves 300 ms per look: each slice ends at a score or after its first step, and
      // every slice posts.
      now: () => (clock += 300),
      compute: () => createCompute(),
    },
    COPY_RACE_KIND,
    LIMITS,
  );
  /** Runs the scheduled slices, at most `n`; returns how many ran. */
  const run = (n = Infinity) => {
    let k = 0;
    while (queue.length > 0 && k < n) {
      queue.shift()!();
      k++;
    }
    return k;
  };
  return { loop, posts, queue, run };
}

/** Every score posted, per racer: [step, loss, recall][]. */
function scores(posts: RaceProgress[]): [number, number, number][][] {
  return [0, 1].map((k) =>
    posts.flatMap((p) =>
      Array.from(p.valSteps, (step, i): [number, number, number] => [
        step,
        p.racers[k]!.loss[i]!,
        p.racers[k]!.metrics['recall']![i]!,
      ]),
    ),
  );
}

describe('the race host', () => {
  test('runs to the end; every post carries both racers; their scores are the engine’s', () => {
    const { loop, posts, run } = host();
    const info = loop.start(SETTINGS);
    expect(info).toMatchObject({
      race: 1,
      settings: SETTINGS,
      step: 0,
      running: true,
      maxSteps: 6,
    });
    expect(info.racers.map((r) => [r.name, r.cell, r.hiddenSize, r.parameters])).toEqual([
      ['RNN', 'rnn', 67, 6243],
      ['LSTM', 'lstm', 32, 6284],
    ]);
    run();
    expect(loop.isRunning).toBe(false);
    expect(loop.info().step).toBe(6);
    for (const p of posts) {
      expect(p.race).toBe(1);
      expect(p.racers).toHaveLength(2);
      for (const r of p.racers) {
        expect(r.loss).toHaveLength(p.valSteps.length);
        expect(r.metrics['recall']).toHaveLength(p.valSteps.length);
      }
    }
    const last = posts[posts.length - 1]!;
    expect(last).toMatchObject({ step: 6, running: false, finished: true });
    const [rnn, lstm] = scores(posts);
    expect(rnn!.map(([s]) => s)).toEqual([0, 2, 4, 6]);
    expect(lstm!.map(([s]) => s)).toEqual([0, 2, 4, 6]);

    // The same race stepped by hand scores the same, at step 0 and at step 6.
    const direct = createCopyRace('copy10', 3);
    const at0 = scoreRace(direct);
    for (let s = 0; s < 6; s++) direct.race.step();
    const at6 = scoreRace(direct);
    expect([rnn![0]![1], lstm![0]![1]]).toEqual(at0.loss);
    expect([rnn![3]![1], lstm![3]![1]]).toEqual(at6.loss);
    expect([rnn![3]![2], lstm![3]![2]]).toEqual(at6.recall);
    // Untrained at step 0: about ln 12 nats per character, and recall is a fraction.
    expect(at0.loss[0]).toBeGreaterThan(1.5);
    for (const v of [...at0.recall, ...at6.recall]) {
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(1);
    }
    // Another start after the end does nothing.
    expect(loop.start(SETTINGS).running).toBe(false);
  });

  test('both models learn from the very same batches', () => {
    const { loop, posts, run } = host();
    loop.start(SETTINGS);
    run();
    const task = generatedTask('copy10');
    const [rnn, lstm] = scores(posts);
    // Each racer trained alone on a fresh copy of the batch stream reaches the very same figures.
    info(loop).racers.forEach((r, k) => {
      const model = createModel(
        modelConfigFor(task, {
          cell: r.cell,
          nonlinearity: 'tanh',
          hiddenSize: r.hiddenSize,
          numLayers: 1,
          bidirectional: false,
        }),
        createRng(3),
      );
      const trainer = createTrainer(
        model,
        task.source(COPY_RACE.batchSize, copyRaceSeqLen('copy10')),
        { kind: 'adam', lr: COPY_RACE.lr },
        { mode: 'norm', threshold: COPY_RACE.clipNorm },
      );
      for (let s = 0; s < 6; s++) trainer.step();
      const figures = k === 0 ? rnn! : lstm!;
      expect(figures[3]![1]).toBe(task.evaluate(model, COPY_RACE.evalChars));
    });
  });

  test('pause stops the stepping at once; start resumes where it stopped', () => {
    const { loop, posts, queue, run } = host();
    loop.start(SETTINGS);
    run(2); // the score at step 0, then one slice of steps
    const step = loop.info().step;
    expect(step).toBeGreaterThan(0);
    expect(step).toBeLessThan(6);
    const paused = loop.pause();
    expect(paused).toMatchObject({ step, running: false });
    expect(posts[posts.length - 1]).toMatchObject({ step, running: false, finished: false });
    const before = posts.length;
    run(); // the slice already scheduled sees the pause and does nothing
    expect(queue).toHaveLength(0);
    expect(loop.info().step).toBe(step);
    expect(posts).toHaveLength(before);
    // Resuming continues the same race (no new id, no new score at step 0).
    expect(loop.start(SETTINGS)).toMatchObject({ race: 1, step, running: true });
    run();
    expect(loop.info().step).toBe(6);
    expect(scores(posts)[0]!.map(([s]) => s)).toEqual([0, 2, 4, 6]);
  });

  test('a start right after a pause runs one chain of slices, not two', () => {
    const { loop, queue, run } = host();
    loop.start(SETTINGS);
    loop.pause();
    loop.start(SETTINGS);
    expect(queue).toHaveLength(2);
    run(2); // the stale slice does nothing; the live one scores step 0
    expect(queue).toHaveLength(1);
  });

  test('reset starts over at step 0 and replays the same numbers for the same seed', () => {
    const { loop, posts, run } = host();
    loop.start(SETTINGS);
    run();
    const first = scores(posts);
    posts.length = 0;
    const reset = loop.reset(SETTINGS);
    expect(reset).toMatchObject({ race: 2, step: 0, running: false });
    loop.start(SETTINGS);
    run();
    expect(posts.every((p) => p.race === 2)).toBe(true);
    expect(scores(posts)).toEqual(first);
    // Another task is another race.
    expect(loop.start({ task: 'copy20', seed: 3 })).toMatchObject({
      race: 3,
      settings: { task: 'copy20' },
    });
  });
});

function info(loop: RaceLoop<RaceSettings>) {
  return loop.info();
}

describe('race messages through the handler', () => {
  test('start, pause and reset reply with the race; progress comes with its arrays transferred', async () => {
    const out: { message: FromWorker; transfer: Transferable[] }[] = [];
    const post = (message: FromWorker, transfer: Transferable[] = []) => {
      out.push({ message: structuredClone(message, { transfer }), transfer });
    };
    const session = createSession(post);
    let id = 0;
    const send = (body: Record<string, unknown> & { type: ToWorker['type'] }) => {
      handleMessage({ ...body, id: ++id } as ToWorker, post, session);
      return out.find((o) => o.message.id === id)!.message;
    };
    const started = send({ type: 'raceStart', race: SETTINGS });
    expect(started).toMatchObject({ type: 'race', info: { race: 1, step: 0, running: true } });
    // Let the timers run the score at step 0 and a first slice of steps.
    await expect
      .poll(() => out.some((o) => o.message.type === 'raceProgress'), { timeout: 20_000 })
      .toBe(true);
    const paused = send({ type: 'racePause' });
    if (paused.type !== 'race') throw new Error(paused.type);
    expect(paused.info.running).toBe(false);
    const progress = out.filter((o) => o.message.type === 'raceProgress');
    const first = progress[0]!;
    if (first.message.type !== 'raceProgress') throw new Error(first.message.type);
    expect(first.message.id).toBeNull();
    expect(first.message.progress.valSteps[0]).toBe(0);
    expect(first.message.progress.racers).toHaveLength(2);
    expect(first.transfer).toHaveLength(5);
    const reset = send({ type: 'raceReset', race: SETTINGS });
    expect(reset).toMatchObject({ type: 'race', info: { race: 2, step: 0, running: false } });
    const bad = send({ type: 'raceStart', race: { task: 'brackets', seed: 1 } });
    expect(bad).toMatchObject({ type: 'error', message: /not a copy task/ });
  });
});
