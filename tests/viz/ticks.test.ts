// Axis ticks: d3's ticks, powers of ten on log axes, whole numbers on step axes, labels that
// never repeat and never overlap, over small, large, empty and one-point domains.
import { describe, expect, it } from 'vitest';
import { axisTicks, type AxisOptions, type Tick } from '../../src/viz/ticks';

const labels = (ticks: readonly Tick[]) => ticks.map((t) => t.label);

function expectSane(ticks: readonly Tick[], o: AxisOptions) {
  const ls = labels(ticks);
  expect(new Set(ls).size).toBe(ls.length);
  for (const l of ls) expect(l).not.toBe('');
  const [lo, hi] = o.domain;
  for (const t of ticks) {
    expect(t.value).toBeGreaterThanOrEqual(Math.min(lo, hi) - 1e-12);
    expect(t.value).toBeLessThanOrEqual(Math.max(lo, hi) + 1e-12);
    if (o.whole) expect(Number.isInteger(t.value)).toBe(true);
  }
  const values = ticks.map((t) => t.value);
  expect([...values].sort((a, b) => a - b)).toEqual(values);
  // Room between neighbours: a y label is one line high, x labels are as wide as their text.
  for (let i = 1; i < ticks.length; i++) {
    const span = o.log
      ? Math.log(values[i]! / values[i - 1]!) / Math.log(hi / lo)
      : (values[i]! - values[i - 1]!) / (hi - lo);
    const gap = span * o.length;
    const need = o.orient === 'y' ? 12 : ((ls[i]!.length + ls[i - 1]!.length) / 2) * 6.5 + 4;
    expect(gap).toBeGreaterThanOrEqual(need);
  }
}

describe('axisTicks', () => {
  it('labels a log value axis with powers of ten, not "0.01, 0.01, 0, 0"', () => {
    const o: AxisOptions = { domain: [0.0004, 0.03], log: true, length: 150, orient: 'y' };
    const ticks = axisTicks(o);
    expectSane(ticks, o);
    expect(labels(ticks)).toEqual(['1e-3', '1e-2']);
  });

  it('spreads powers of ten out over many decades', () => {
    const o: AxisOptions = { domain: [1e-12, 1e6], log: true, length: 150, orient: 'y' };
    const ticks = axisTicks(o);
    expectSane(ticks, o);
    expect(ticks.length).toBeGreaterThanOrEqual(3);
    for (const t of ticks) expect(Number.isInteger(Math.log10(t.value))).toBe(true);
  });

  it('keeps a log axis within one decade readable (0.8 … 1.2)', () => {
    const o: AxisOptions = { domain: [0.78, 1.2], log: true, length: 150, orient: 'y' };
    const ticks = axisTicks(o);
    expectSane(ticks, o);
    expect(ticks.length).toBeGreaterThanOrEqual(2);
  });

  it('does not overlap 0.8, 0.9 and 1 on a log axis over three decades', () => {
    const o: AxisOptions = { domain: [0.5, 400], log: true, length: 150, orient: 'y' };
    const ticks = axisTicks(o);
    expectSane(ticks, o);
    expect(labels(ticks)).toEqual(['1', '1e1', '1e2']);
  });

  it('does not run log step labels together ("6070809100")', () => {
    const o: AxisOptions = {
      domain: [1, 100],
      log: true,
      whole: true,
      length: 450,
      orient: 'x',
    };
    const ticks = axisTicks(o);
    expectSane(ticks, o);
    expect(labels(ticks)).toEqual(['1', '10', '100']);
    const narrow: AxisOptions = { ...o, domain: [55, 140], length: 200 };
    expectSane(axisTicks(narrow), narrow);
  });

  it('shows whole steps on an empty chart (no "200m")', () => {
    const o: AxisOptions = { domain: [0, 1], whole: true, length: 450, orient: 'x' };
    expect(labels(axisTicks(o))).toEqual(['0', '1']);
    const log: AxisOptions = { ...o, domain: [1, 2], log: true };
    expect(labels(axisTicks(log))).toEqual(['1', '2']);
  });

  it('shows whole steps after a divergence at step 2 (no "1.2")', () => {
    const o: AxisOptions = { domain: [1, 2], whole: true, length: 450, orient: 'x' };
    expect(labels(axisTicks(o))).toEqual(['1', '2']);
  });

  it('keeps large step axes whole and apart', () => {
    for (const hi of [7, 35, 999, 12_345, 2_000_000]) {
      const o: AxisOptions = { domain: [0, hi], whole: true, length: 300, orient: 'x' };
      const ticks = axisTicks(o);
      expectSane(ticks, o);
      expect(ticks.length).toBeGreaterThanOrEqual(2);
    }
    const log: AxisOptions = {
      domain: [1, 2_000_000],
      whole: true,
      log: true,
      length: 300,
      orient: 'x',
    };
    expectSane(axisTicks(log), log);
  });

  it('labels linear value axes with enough precision to tell ticks apart', () => {
    for (const domain of [
      [0, 1],
      [-0.002, 0.003],
      [3.999, 4.001],
      [0, 250_000],
      [-5, 5],
    ] as const) {
      const o: AxisOptions = { domain, length: 150, orient: 'y' };
      const ticks = axisTicks(o);
      expectSane(ticks, o);
      expect(ticks.length).toBeGreaterThanOrEqual(2);
    }
    expect(labels(axisTicks({ domain: [-0.002, 0.003], length: 150, orient: 'y' }))).toContain(
      '0.001',
    );
  });

  it('handles one-point and empty domains', () => {
    expect(labels(axisTicks({ domain: [5, 5], length: 150, orient: 'y' }))).toEqual(['5']);
    expect(labels(axisTicks({ domain: [3, 3], whole: true, length: 150, orient: 'x' }))).toEqual([
      '3',
    ]);
    expect(
      labels(axisTicks({ domain: [0.01, 0.01], log: true, length: 150, orient: 'y' })),
    ).toEqual(['1e-2']);
    expect(axisTicks({ domain: [NaN, NaN], length: 150, orient: 'y' })).toEqual([]);
    expect(axisTicks({ domain: [0, 1], log: true, length: 150, orient: 'y' })).toEqual([]);
  });
});
