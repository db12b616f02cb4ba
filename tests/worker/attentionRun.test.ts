// The Attention view's run in the worker: a task's pairs and an encoder–decoder, trained by the same
// loop as every view (progress batches, held-out exact match as a metric); greedy decoding with
// its attention matrix; bad settings refused with the current run kept.
import { describe, expect, it } from 'vitest';
import { createCompute } from '../../src/engine/kernels.ts';
import type { AttentionSettings } from '../../src/worker/attentionProtocol.ts';
import { AttentionRun } from '../../src/worker/attentionRun.ts';
import type { ProgressBatch } from '../../src/worker/protocol.ts';

const settings: AttentionSettings = {
  task: 'reverse',
  minLength: 3,
  maxLength: 6,
  cell: 'gru',
  hiddenSize: 24,
  attention: 'additive',
  bidirectional: false,
  lr: 0.01,
  batchSize: 32,
  seed: 4,
};

function makeRun() {
  const queue: (() => void)[] = [];
  const batches: ProgressBatch[] = [];
  let clock = 0;
  const run = new AttentionRun(
    { progress: (b) => batches.push(b), schedule: (fn) => queue.push(fn), now: () => (clock += 5) },
    () => createCompute(),
  );
  return { run, queue, batches };
}

describe('AttentionRun', () => {
  it('loads a task: its characters, pairs, examples and a fresh model', () => {
    const { run } = makeRun();
    const info = run.load({ ...settings, task: 'dates' });
    expect(info.inputChars).toContain('N');
    expect(info.outputChars).toEqual(['-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(info.trainPairs).toBe(20_000);
    expect(info.examples).toHaveLength(12);
    expect(info.examples[0]!.output).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(info.parameters).toBeGreaterThan(1000);
    expect(info.step).toBe(0);
  });

  it('trains in the loop until reversal is learnt; the attention turns anti-diagonal', () => {
    const { run, queue, batches } = makeRun();
    run.load(settings);
    run.train();
    let exact = 0;
    for (let slice = 0; slice < 400 && exact < 0.9; slice++) {
      queue.shift()?.();
      const val = batches.at(-1)?.val;
      exact = val?.metrics?.find((m) => m.key === 'exact')?.value ?? exact;
    }
    run.pause();
    expect(exact).toBeGreaterThanOrEqual(0.9);
    expect(batches.length).toBeGreaterThan(0);
    const decoded = run.decode('abcdef');
    expect(decoded.output).toBe('fedcba');
    expect(decoded).toMatchObject({ T: 7, S: 6 });
    // Anti-diagonal: where output step t looks (the centre of its weights) moves back along the
    // input, and nearly all of its weight lies within one place of the letter it writes.
    let before = Infinity;
    for (let t = 0; t < 6; t++) {
      const row = Array.from(decoded.alpha.subarray(t * 6, t * 6 + 6));
      expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
      const centre = row.reduce((a, w, s) => a + w * s, 0);
      expect(centre).toBeLessThan(before);
      before = centre;
      const near = row.reduce((a, w, s) => a + (Math.abs(s - (5 - t)) <= 1 ? w : 0), 0);
      expect(near).toBeGreaterThan(0.8);
    }
    expect(run.scores().exact).toBeGreaterThanOrEqual(0.9);
  }, 120_000);

  it('refuses bad settings and keeps the run it has', () => {
    const { run } = makeRun();
    run.load(settings);
    run.step();
    expect(() => run.load({ ...settings, lr: 0 })).toThrow(
      expect.objectContaining({
        message: 'The learning rate must be above 0.',
        code: 'run.lrNotPositive',
      }),
    );
    expect(() => run.load({ ...settings, batchSize: 513 })).toThrow(
      expect.objectContaining({
        message: 'The batch size must be a whole number from 1 to 512.',
        code: 'run.batchSize',
      }),
    );
    expect(() => run.load({ ...settings, task: 'add', maxLength: 30 })).toThrow(
      /maxLength|longest/,
    );
    expect(() => run.load({ ...settings, attention: 'dot', bidirectional: true })).toThrow(/Dot/);
    expect(run.info()).toMatchObject({ step: 1, settings });
    expect(() => run.decode('ab1')).toThrow(/“1”/);
  });

  it('keeps runs by settings: switching back resumes a run where it was, unless fresh', () => {
    const { run } = makeRun();
    const first = run.load(settings);
    run.step();
    run.step();
    const other = run.load({ ...settings, attention: 'none' });
    expect(other.run).not.toBe(first.run);
    expect(other.step).toBe(0);
    run.step();
    const back = run.load(settings);
    expect(back).toMatchObject({ run: first.run, step: 2 });
    expect(run.load({ ...settings, attention: 'none' })).toMatchObject({ run: other.run, step: 1 });
    const fresh = run.load(settings, true);
    expect(fresh.step).toBe(0);
    expect(fresh.run).toBeGreaterThan(other.run);
    // At most four runs are kept: the least recently used goes.
    for (const hiddenSize of [8, 12, 16, 20]) run.load({ ...settings, hiddenSize });
    expect(run.load({ ...settings, attention: 'none' }).step).toBe(0);
  });

  it("names its progress with the run, so a page can drop another run's", () => {
    const queue: (() => void)[] = [];
    const seen: number[] = [];
    let clock = 0;
    const run = new AttentionRun(
      {
        progress: (_b, id) => seen.push(id),
        schedule: (fn) => queue.push(fn),
        now: () => (clock += 5),
      },
      () => createCompute(),
    );
    const info = run.load(settings);
    run.train();
    queue.shift()?.();
    run.pause();
    expect(seen.length).toBeGreaterThan(0);
    expect(new Set(seen)).toEqual(new Set([info.run]));
  });

  it("decodes with every step's scores, context and output distribution", () => {
    const { run } = makeRun();
    run.load({ ...settings, bidirectional: true });
    for (let k = 0; k < 5; k++) run.step();
    const d = run.decode('abcd');
    expect(d).toMatchObject({ S: 4, E: 48, V: 27 });
    expect(d.e).toHaveLength(d.T * 4);
    expect(d.ctx).toHaveLength(d.T * 48);
    expect(d.probs).toHaveLength(d.T * 27);
    for (let t = 0; t < d.T; t++) {
      const e = Array.from(d.e.subarray(t * 4, t * 4 + 4));
      const z = e.reduce((a, v) => a + Math.exp(v), 0);
      e.forEach((v, s) => expect(d.alpha[t * 4 + s]).toBeCloseTo(Math.exp(v) / z, 12));
      const probs = Array.from(d.probs.subarray(t * 27, t * 27 + 27));
      expect(probs.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
      // p holds the probability of the character written (greedy: the largest).
      expect(d.p[t]).toBe(Math.max(...probs));
    }
    // Without attention there are no scores, weights or context.
    run.load({ ...settings, attention: 'none' });
    const plain = run.decode('abcd');
    expect([plain.alpha.length, plain.e.length, plain.ctx.length]).toEqual([0, 0, 0]);
    expect(plain.probs.length).toBe(plain.T * 27);
  });

  it('goes back to the last good model with a fresh optimizer', () => {
    const { run } = makeRun();
    run.load(settings);
    for (let k = 0; k < 53; k++) run.step();
    const at50 = run.exportFiles();
    expect(at50.step).toBe(53);
    const back = run.restoreLastGood();
    expect(back).toMatchObject({ step: 50, lastGoodStep: 50 });
    run.step();
    expect(run.info().step).toBe(51);
  });

  it('exports its model file and a PyTorch script', () => {
    const { run } = makeRun();
    run.load(settings);
    run.step();
    const { json, script, step } = run.exportFiles();
    expect(step).toBe(1);
    const file = JSON.parse(json) as {
      format: string;
      task: string;
      step: number;
      tensors: object;
    };
    expect(file).toMatchObject({ format: 'unrolled-seq2seq', task: 'reverse', step: 1 });
    expect(Object.keys(file.tensors)).toContain('attention.v');
    expect(script).toContain('nn.GRU');
  });

  it('saves and resumes a run: the same model, step and decoding; another model is refused', () => {
    const { run } = makeRun();
    run.load(settings);
    for (let k = 0; k < 4; k++) run.step();
    const saved = run.snapshot();
    const before = run.decode('abcde');
    expect(saved.step).toBe(4);
    run.load(settings, true);
    expect(run.info().step).toBe(0);
    expect(run.resume(saved).step).toBe(4);
    const after = run.decode('abcde');
    expect(Array.from(after.probs)).toEqual(Array.from(before.probs));
    run.step();
    expect(run.info().step).toBe(5);
    run.load({ ...settings, hiddenSize: 12 });
    expect(() => run.resume(saved)).toThrow(
      expect.objectContaining({
        message: 'The saved model does not fit this task and model.',
        code: 'run.savedTaskMismatch',
      }),
    );
    expect(run.info().step).toBe(0);
  });
});
