import { describe, expect, it } from 'vitest';
import { formatClock, formatCount, formatPercent } from '../../src/content/format';

describe('number formats', () => {
  it('counts: thousands separators and a fixed number of decimals', () => {
    expect(formatCount(0)).toBe('0');
    expect(formatCount(1131)).toBe('1,131');
    expect(formatCount(1_115_394)).toBe('1,115,394');
    expect(formatCount(0.256, 2)).toBe('0.26');
    expect(formatCount(12345.67, 1)).toBe('12,345.7');
    expect(formatCount(3, 3)).toBe('3.000');
    expect(formatCount(-1500)).toBe('-1,500');
  });

  it('the same text as toLocaleString gave, for every decimal count', () => {
    for (const v of [0, 1, 999.5, 1e6 / 3, 123456789.987]) {
      for (const d of [0, 1, 2, 3] as const) {
        const old = v.toLocaleString('en-US', {
          maximumFractionDigits: d,
          minimumFractionDigits: d,
        });
        expect(formatCount(v, d)).toBe(old);
      }
    }
  });

  it('a clock time as the autosave line shows it', () => {
    const t = new Date(2026, 10, 27, 21, 5, 9).getTime();
    expect(formatClock(t)).toBe('21:05:09');
    expect(formatClock(t)).toBe(new Date(t).toLocaleTimeString('en-GB'));
  });

  it('percentages with one decimal', () => {
    expect(formatPercent(0.4137)).toBe('41.4 %');
    expect(formatPercent(Number.NaN)).toBe('–');
  });
});
