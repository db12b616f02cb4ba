// The session's additions for the Training view: baselines, generated texts, a step count kept
// across restore and import, live changes of batch shape, validation and timeline samples during
// training, weights, neuron activations and snapshots.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type TrainSettings } from '../../src/engine/settings.ts';
import { modelConfigOf } from '../../src/engine/settings.ts';
import { stepFlops } from '../../src/engine/stepCost.ts';
import { EVAL_EVERY_MS, EngineSession } from '../../src/worker/session.ts';
import { LONGEST_STEP_MS } from '../../src/worker/trainingLoop.ts';
import { isTimelineStep } from '../../src/worker/sessionViews.ts';
import type { ProgressBatch } from '../../src/worker/protocol.ts';

const text = 'to be or not to be, "that" is (the) question.\n'.repeat(30);
const settings: TrainSettings = {
  ...DEFAULT_SETTINGS,
  cell: 'lstm',
  hiddenSize: 8,
  seqLen: 8,
  batchSize: 4,
  lr: 1e-2,
};

function makeSession(tick = 7) {
  const queue: (() => void)[] = [];
  const batches: ProgressBatch[] = [];
  let clock = 0;
  const session = new EngineSession({
    progress: (b) => batches.push(b),
    schedule: (fn) => queue.push(fn),
    now: () => (clock += tick),
  });
  const runSlices = (n: number) => {
    for (let k = 0; k < n && queue.length > 0; k++) queue.shift()!();
  };
  return { session, batches, runSlices };
}

describe('EngineSession for the Training view', () => {
  it('reports baselines and the start of the validation text with the corpus', () => {
    const { session } = makeSession();
    const info = session.setCorpus('t', text);
    expect(info.baselines.uniform).toBeCloseTo(Math.log(info.vocabSize), 12);
    expect(info.baselines.bigram).toBeLessThan(info.baselines.unigram);
    expect(info.valPreview.length).toBeGreaterThan(0);
    expect(text.endsWith(info.valPreview.slice(0, 20))).toBe(false); // preview is the val start
    expect(text).toContain(info.valPreview.slice(0, 20));
  });

  it('installs generated texts by name and rejects unknown ones', () => {
    const { session } = makeSession();
    const info = session.setTask('copy20');
    expect(info.name).toBe('copy20');
    expect(info.vocabSize).toBe(12); // ten letters, the filler and newline
    expect(() => session.setTask('nope')).toThrow(/no generated text/);
  });

  it('keeps the step count across restore and import, and the lr change is live', () => {
    const { session } = makeSession();
    session.setCorpus('t', text);
    session.create(settings);
    for (let k = 0; k < 55; k++) session.step();
    expect(session.info().step).toBe(55);
    const restored = session.restoreLastGood();
    expect(restored.step).toBe(50);
    expect(session.step().step).toBe(51);
    const snap = session.snapshot();
    expect(snap.step).toBe(51);
    session.create(settings);
    expect(session.info().step).toBe(0);
    expect(session.importModel(snap.json, settings, snap.step).step).toBe(51);
    expect(session.step().step).toBe(52);
  });

  it('rebuilds the batcher for a new batch size without losing the model or step', () => {
    const { session } = makeSession();
    session.setCorpus('t', text);
    session.create(settings);
    session.step();
    session.step();
    const before = session.exportModel();
    session.setHyper({ ...settings, batchSize: 2, seqLen: 5 });
    expect(session.exportModel()).toBe(before);
    expect(session.info().step).toBe(2);
    expect(session.step().step).toBe(3);
  });

  it('measures validation loss and takes timeline samples while training', () => {
    const { session, batches, runSlices } = makeSession(400);
    session.setCorpus('t', text);
    session.create(settings);
    session.train();
    runSlices(Math.ceil(EVAL_EVERY_MS / 400) + 4);
    session.pause();
    const vals = batches.flatMap((b) => (b.val ? [b.val] : []));
    expect(vals.length).toBeGreaterThan(0);
    expect(Number.isFinite(vals[0]!.loss)).toBe(true);
    const samples = batches.flatMap((b) => b.samples ?? []);
    expect(samples[0]!.step).toBe(1);
    expect(samples[0]!.text.length).toBe(160);
  });

  it('a copy task reports its recall accuracy with each validation loss; a text does not', () => {
    const { session, batches, runSlices } = makeSession(400);
    session.setTask('copy10');
    session.create(settings);
    session.train();
    runSlices(Math.ceil(EVAL_EVERY_MS / 400) + 4);
    session.pause();
    const vals = batches.flatMap((b) => (b.val ? [b.val] : []));
    expect(vals.length).toBeGreaterThan(0);
    const recall = vals[0]!.metrics!.find((m) => m.key === 'recall')!;
    expect(recall.value).toBeGreaterThanOrEqual(0);
    expect(recall.value).toBeLessThanOrEqual(1);
    const plain = makeSession(400);
    plain.session.setCorpus('t', text);
    plain.session.create(settings);
    plain.session.train();
    plain.runSlices(Math.ceil(EVAL_EVERY_MS / 400) + 4);
    plain.session.pause();
    const plainVals = plain.batches.flatMap((b) => (b.val ? [b.val] : []));
    expect(plainVals.length).toBeGreaterThan(0);
    expect(plainVals[0]!.metrics).toBeUndefined();
  });

  it('timeline steps are 1, 100, 300, 1000, 3000, …', () => {
    const steps = Array.from({ length: 40_000 }, (_, k) => k).filter(isTimelineStep);
    expect(steps).toEqual([1, 100, 300, 1000, 3000, 10_000, 30_000]);
  });

  it('returns weights by layer and neuron activations with ranked units', () => {
    const { session } = makeSession();
    session.setCorpus('t', text);
    session.create({ ...settings, numLayers: 2 });
    const w = session.weights();
    expect(w.gateNames).toEqual(['i', 'f', 'g', 'o']);
    expect(w.layers).toHaveLength(2);
    expect(w.layers[0]!.Wih.length).toBe(4 * 8 * w.layers[0]!.inputSize);
    expect(w.layers[1]!.Whh.length).toBe(4 * 8 * 8);
    const n = session.neurons(1, 100);
    expect(n.layer).toBe(1);
    expect(n.h.length).toBe(n.chars.length * 8);
    expect(n.c?.length).toBe(n.chars.length * 8);
    expect(n.rankH.length).toBeGreaterThan(0);
    expect(Math.abs(n.rankH[0]!.r)).toBeGreaterThanOrEqual(Math.abs(n.rankH.at(-1)!.r));
  });

  it('times the steps large enough to time and reports the operations per second', () => {
    const { session, batches } = makeSession(7);
    const info = session.setCorpus('t', text);
    // Small steps are not timed: their own overhead would swamp the figure.
    session.create(settings);
    session.step();
    expect(batches.at(-1)!.flopsPerSecond).toBeUndefined();
    // H = 160, T = 64, B = 8: about 3·10⁸ operations, timed as 7 ms by the test's clock.
    const big = { ...settings, hiddenSize: 160, seqLen: 64, batchSize: 8 };
    session.create(big);
    session.step();
    const flops = stepFlops(modelConfigOf(big, info.vocabSize), 8, 64);
    expect(flops).toBeGreaterThan(1e8);
    expect(batches.at(-1)!.flopsPerSecond).toBeCloseTo(flops / 0.007, -3);
  });

  it('a step that took far longer than the app allows stops the run and says why', () => {
    // Every reading of the clock advances 3 s, so the first step seems to take 3 s.
    const { session, batches, runSlices } = makeSession(3000);
    session.setCorpus('t', text);
    session.create(settings);
    session.train();
    expect(3000).toBeGreaterThan(LONGEST_STEP_MS);
    expect(() => runSlices(1)).toThrow(
      expect.objectContaining({
        message: expect.stringContaining(
          'One step took 3.0 s, and steps over 1 s are refused so that Pause can answer.',
        ),
        code: 'run.stepTooLong',
        vars: { seconds: '3.0', limit: 1 },
      }),
    );
    expect(session.isRunning).toBe(false);
    expect(batches.at(-1)).toMatchObject({ firstStep: 1, running: false });
    expect(session.info().step).toBe(1);
  });
});
