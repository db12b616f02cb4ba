// The training progress display, with an injected clock: one line redrawn in place on a terminal,
// plain lines every few seconds otherwise, and a bias-corrected smoothed loss.
import { describe, expect, it } from 'vitest';
import { createProgress, formatCount, formatDuration } from '../../src/cli/progress.ts';

function harness(tty: boolean, total = 100) {
  let t = 0;
  const writes: string[] = [];
  const progress = createProgress({
    total,
    tty,
    write: (s) => writes.push(s),
    now: () => t,
    interval: 5000,
  });
  return {
    progress,
    writes,
    /** Advances the clock by ms. */
    tick: (ms: number) => (t += ms),
  };
}

describe('formatting', () => {
  it('durations and counts', () => {
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(75)).toBe('1:15');
    expect(formatDuration(3725)).toBe('1:02:05');
    expect(formatDuration(Infinity)).toBe('?');
    expect(formatCount(1234567)).toBe('1,234,567');
    expect(formatCount(999)).toBe('999');
  });
});

describe('on a terminal', () => {
  it('redraws one line with \\r and clears its tail, at most 10 times a second', () => {
    const { progress, writes, tick } = harness(true);
    progress.update(1, 4, 100);
    for (let s = 2; s <= 10; s++) {
      tick(10);
      progress.update(s, 4, 100);
    }
    expect(writes).toHaveLength(1); // step 1 drawn; steps 2–10 came within 100 ms
    tick(100);
    progress.update(11, 4, 100);
    expect(writes).toHaveLength(2);
    for (const w of writes) {
      expect(w.startsWith('\r')).toBe(true);
      expect(w.endsWith('\x1b[K')).toBe(true);
      expect(w).not.toContain('\n');
    }
    expect(writes[1]).toContain('step  11/100');
    progress.finish();
    expect(writes.at(-1)).toBe('\n');
  });

  it('finish draws the last step if it was skipped, then ends the line', () => {
    const { progress, writes, tick } = harness(true, 2);
    progress.update(1, 3, 10);
    tick(1);
    progress.update(2, 3, 10);
    progress.finish();
    expect(writes).toHaveLength(3);
    expect(writes[1]).toContain('step 2/2');
    expect(writes[2]).toBe('\n');
  });
});

describe('not on a terminal', () => {
  it('prints plain lines: the first step, then every interval, and at each validation', () => {
    const { progress, writes, tick } = harness(false);
    progress.update(1, 4, 50);
    tick(1000);
    progress.update(2, 4, 50);
    expect(writes).toHaveLength(1);
    tick(4000);
    progress.update(3, 4, 50);
    expect(writes).toHaveLength(2);
    tick(1);
    progress.update(4, 4, 50, 3.25);
    expect(writes).toHaveLength(3);
    expect(writes[2]).toContain('val 3.2500');
    progress.finish();
    expect(writes).toHaveLength(3);
    for (const w of writes) {
      expect(w.endsWith('\n')).toBe(true);
      expect(w).not.toContain('\r');
    }
  });

  it('shows rate, elapsed and time left', () => {
    const { progress, writes, tick } = harness(false, 10);
    tick(2000);
    progress.update(1, 2, 1000);
    // 1000 chars in 2 s; 9 steps left at 2 s each.
    expect(writes[0]).toBe('step  1/10  loss 2.0000  500 chars/s  0:02 elapsed  0:18 left\n');
  });

  it('shows a tagger’s validation figures after the validation loss, until the next validation', () => {
    const { progress, writes, tick } = harness(false, 10);
    tick(2000);
    progress.update(1, 2, 1000, 0.5, [
      { label: 'acc', value: 0.875 },
      { label: 'F1', value: 0.75 },
    ]);
    expect(writes[0]).toBe(
      'step  1/10  loss 2.0000  val 0.5000  acc 0.8750  F1 0.7500  500 chars/s  0:02 elapsed  0:18 left\n',
    );
    tick(5000);
    progress.update(2, 2, 1000);
    expect(writes[1]).toContain('val 0.5000  acc 0.8750  F1 0.7500  ');
  });
});

describe('the smoothed loss', () => {
  it('is the mean for a constant loss from the first step (bias-corrected)', () => {
    const { progress, writes } = harness(false);
    progress.update(1, 1.5, 10);
    expect(writes[0]).toContain('loss 1.5000');
  });

  it('moves towards a new loss gradually', () => {
    const { progress, writes, tick } = harness(false);
    progress.update(1, 4, 10);
    for (let s = 2; s <= 20; s++) progress.update(s, 2, 10);
    tick(5000);
    progress.update(21, 2, 10);
    const shown = Number(/loss (\d+\.\d+)/.exec(writes.at(-1)!)![1]);
    expect(shown).toBeGreaterThan(2);
    expect(shown).toBeLessThan(2.2);
  });
});
