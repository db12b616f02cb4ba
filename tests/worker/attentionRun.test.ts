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
    expect(() => run.load({ ...settings, lr: 0 })).toThrow(/learning rate/);
    expect(() => run.load({ ...settings, task: 'add', maxLength: 30 })).toThrow(
      /maxLength|longest/,
    );
    expect(() => run.load({ ...settings, attention: 'dot', bidirectional: true })).toThrow(/Dot/);
    expect(run.info()).toMatchObject({ step: 1, settings });
    expect(() => run.decode('ab1')).toThrow(/“1”/);
  });
});
