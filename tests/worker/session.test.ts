// The worker-side engine host: corpus checks, training in slices with pause, divergence with the
// last good checkpoint restored, trace, sampling, export and import that never half-loads.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type TrainSettings } from '../../src/engine/settings.ts';
import { removeSpaces } from '../../src/engine/tasks/spaces.ts';
import { EngineSession } from '../../src/worker/session.ts';
import { taggerFile } from '../fixtures/forwardModels.ts';
import type { ProgressBatch } from '../../src/worker/protocol.ts';

const text = 'to be or not to be, that is the question. '.repeat(30);
const settings: TrainSettings = {
  ...DEFAULT_SETTINGS,
  hiddenSize: 16,
  seqLen: 10,
  batchSize: 4,
  lr: 1e-2,
};

function makeSession() {
  const queue: (() => void)[] = [];
  const batches: ProgressBatch[] = [];
  let clock = 0;
  const session = new EngineSession({
    progress: (b) => batches.push(b),
    schedule: (fn) => queue.push(fn),
    now: () => (clock += 7), // every call advances the clock: a slice holds a few steps
  });
  const runSlices = (n: number) => {
    for (let k = 0; k < n && queue.length > 0; k++) queue.shift()!();
  };
  return { session, batches, queue, runSlices };
}

describe('EngineSession', () => {
  it('trains in slices, posts progress batches and pauses between chunks', () => {
    const { session, batches, queue, runSlices } = makeSession();
    const corpus = session.setCorpus('test', text);
    expect(corpus.vocabSize).toBe(new Set(text).size);
    expect(corpus.trainChars + corpus.valChars).toBe(text.length);
    session.create(settings);
    session.train();
    runSlices(20);
    expect(batches.length).toBeGreaterThan(0);
    const steps = batches.reduce((s, b) => s + b.loss.length, 0);
    expect(batches[0]!.firstStep).toBe(1);
    expect(batches.at(-1)!.firstStep + batches.at(-1)!.loss.length - 1).toBe(steps);
    const at = session.pause();
    const total = batches.reduce((s, b) => s + b.loss.length, 0);
    expect(total).toBe(at);
    runSlices(5);
    expect(queue.length).toBe(0);
    expect(session.info().step).toBe(at); // nothing ran after pause
  });

  it('rejects bad text without touching the current model', () => {
    const { session } = makeSession();
    session.setCorpus('test', text);
    session.create(settings);
    const before = session.exportModel();
    expect(() => session.setCorpus('empty', '')).toThrow(/empty/);
    expect(() => session.setCorpus('one', 'a'.repeat(500))).toThrow(/one distinct character/);
    expect(() => session.setCorpus('bin', 'ab\u0000cd'.repeat(50))).toThrow(/binary/);
    expect(session.exportModel()).toBe(before);
    expect(session.step().finite).toBe(true);
  });

  it('stops on divergence and restores the last good checkpoint', () => {
    const { session, batches, runSlices } = makeSession();
    session.setCorpus('test', text);
    session.create({ ...settings, lr: 10, clipMode: 'none', optimizer: 'adam' });
    const good = session.exportModel();
    session.train();
    runSlices(200);
    const last = batches.at(-1)!;
    expect(last.diverged).toBe(true);
    expect(last.running).toBe(false);
    session.restoreLastGood();
    expect(session.exportModel()).toBe(good);
  });

  it('traces a text, marking characters outside the vocabulary', () => {
    const { session } = makeSession();
    session.setCorpus('test', text);
    session.create({ ...settings, cell: 'gru' });
    const { trace, unknown } = session.trace('to bez');
    expect(unknown).toEqual([{ position: 5, char: 'z' }]);
    expect(trace.T).toBe(5);
    expect(trace.named[0]![0]!['z']).toHaveLength(16);
    expect(Number.isNaN(trace.stepLoss[4]!)).toBe(true); // the target "z" is not scored
  });

  it('samples deterministically per seed', () => {
    const { session } = makeSession();
    session.setCorpus('test', text);
    session.create(settings);
    const req = { prime: 'to ', length: 20, temperature: 0.8, seed: 3 };
    expect(session.sample(req)).toBe(session.sample(req));
    expect(Array.from(session.sample(req))).toHaveLength(20);
  });

  it('imports a model file, and a bad file leaves the model as it was', () => {
    const { session } = makeSession();
    session.setCorpus('test', text);
    session.create(settings);
    for (let k = 0; k < 5; k++) session.step();
    const file = session.exportModel();
    session.create({ ...settings, seed: 99 });
    const other = session.exportModel();
    expect(() => session.importModel('{"format":"nope"}', settings)).toThrow(
      /not an Unrolled model file/,
    );
    expect(session.exportModel()).toBe(other);
    const info = session.importModel(file, settings);
    expect(session.exportModel()).toBe(file);
    expect(info.trainable).toBe(true);
  });
});

describe('resuming a run', () => {
  it('brings the optimizer state along: resumed runs agree, and a fresh optimizer differs', () => {
    const a = makeSession().session;
    a.setCorpus('test', text);
    a.create(settings);
    for (let k = 0; k < 5; k++) a.step();
    const snap = a.snapshot();
    expect(snap.optimizer).toMatchObject({ kind: 'adam', stepCount: 5 });

    const b = makeSession().session;
    b.setCorpus('test', text);
    b.importModel(snap.json, settings, snap.step, JSON.parse(JSON.stringify(snap.optimizer)));
    // Same weights, moments and step count; the batcher restarts, so compare a fresh pair.
    const c = makeSession().session;
    c.setCorpus('test', text);
    c.importModel(snap.json, settings, snap.step, snap.optimizer);
    expect(b.step().loss).toBe(c.step().loss);
    expect(b.exportModel()).toBe(c.exportModel());

    const d = makeSession().session;
    d.setCorpus('test', text);
    d.importModel(snap.json, settings, snap.step);
    d.step();
    expect(d.exportModel()).not.toBe(c.exportModel()); // a fresh Adam takes a different step
  });

  it('ignores an optimizer state that does not fit', () => {
    const a = makeSession().session;
    a.setCorpus('test', text);
    a.create(settings);
    a.step();
    const snap = a.snapshot();
    const b = makeSession().session;
    b.setCorpus('test', text);
    const wrong = { kind: 'sgd' as const, stepCount: 1, buffers: {} };
    expect(() => b.importModel(snap.json, settings, 1, wrong)).not.toThrow();
    expect(b.step().finite).toBe(true);
  });
});

describe('tracing a bidirectional tagger', () => {
  it('reads the text as its task does and traces both directions of every layer', () => {
    const { session } = makeSession();
    const json = taggerFile({ cell: 'gru', hiddenSize: 5, numLayers: 2 });
    const text = 'to be  or not';
    const reply = session.trace(text, false, { kind: 'file', key: 'tagger', json });
    const { chars, ends } = removeSpaces(text);
    expect(reply.tagged).toEqual({ chars: Array.from(chars), tags: Array.from(ends) });
    expect(reply.tagged?.chars.join('')).toBe('tobeornot');
    expect(reply.tagged?.tags).toEqual([0, 1, 0, 1, 0, 1, 0, 0, 1]);
    expect(reply.model).toMatchObject({
      bidirectional: true,
      classes: ['inside', 'word end'],
      task: 'spaces',
      numLayers: 2,
    });
    const { trace } = reply;
    expect(trace.T).toBe(9);
    expect(trace.L).toBe(2);
    expect(trace.named).toHaveLength(4); // named[l·2 + d]
    expect(trace.probs?.[0]).toHaveLength(2);
    // The loss scores the true tags: ℓ_t = −ln p_t[tag_t].
    for (let t = 0; t < trace.T; t++) {
      expect(trace.stepLoss[t]).toBeCloseTo(-Math.log(trace.probs![t]![ends[t]!]!), 12);
    }
    // Each direction has its own weights (`…_reverse`): their states differ.
    expect(Array.from(trace.named[1]![8]!['h']!)).not.toEqual(
      Array.from(trace.named[0]![8]!['h']!),
    );
  });

  it('an LSTM tagger’s cell-state terms carry c_{t+1} into a backward step', () => {
    const { session } = makeSession();
    const json = taggerFile({ cell: 'lstm', hiddenSize: 4, numLayers: 1 });
    const { trace } = session.trace('ab cd', false, { kind: 'file', key: 'lstm-tagger', json });
    const back = trace.named[1]!;
    for (let t = 0; t < trace.T; t++) {
      const cNext = back[t + 1]?.['c'] ?? new Float64Array(4);
      const f = back[t]!['f']!;
      back[t]!['fc']!.forEach((v, j) => expect(v).toBeCloseTo(f[j]! * cNext[j]!, 14));
      back[t]!['c']!.forEach((c, j) =>
        expect(c).toBeCloseTo(back[t]!['fc']![j]! + back[t]!['ig']![j]!, 12),
      );
    }
  });

  it('a bidirectional model of another task is refused with the file’s kind', () => {
    const { session } = makeSession();
    const json = taggerFile().replace('"task":"spaces"', '"task":"mystery"');
    expect(() => session.trace('ab cd', false, { kind: 'file', key: 'x', json })).toThrow(
      /bidirectional GRU .* not a character model/,
    );
  });
});

describe('a new sequence length while training', () => {
  it('goes on with one chain of slices, and no batch says training stopped', () => {
    const { session, batches, queue } = makeSession();
    session.setCorpus('t', text);
    session.create(settings);
    session.train();
    queue.shift()!();
    session.setHyper({ ...settings, seqLen: 5, batchSize: 2 });
    for (let k = 0; k < 5; k++) {
      // A slice scheduled before the change ends at once; one chain goes on.
      for (let i = 0; i < 10 && queue.length > 1; i++) queue.shift()!();
      expect(queue).toHaveLength(1);
      queue.shift()!();
    }
    expect(batches.every((b) => b.running)).toBe(true);
    expect(batches.at(-1)!.dLdhNorm[0]).toHaveLength(5);
    session.pause();
  });
});
