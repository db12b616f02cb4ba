// The `series` slice's derived values: the choices a model is made from, and the values' unit.
import { describe, expect, it } from 'vitest';
import { initialSeries, seriesChoice, seriesRunKey, seriesUnit } from '../../src/store/series';

describe('seriesChoice', () => {
  it('is equal for equal choices in new objects, and differs when one changes', () => {
    const a = initialSeries();
    const b = { ...initialSeries(), synth: { ...a.synth }, phase: 'training' as const };
    expect(seriesChoice(b)).toBe(seriesChoice(a));
    expect(seriesChoice({ ...a, synth: { ...a.synth, r: 3.7 } })).not.toBe(seriesChoice(a));
    expect(seriesChoice({ ...a, hidden: 64 })).not.toBe(seriesChoice(a));
  });
});

describe('seriesUnit', () => {
  it('is the shipped series’ unit, or the own file’s column', () => {
    const s = initialSeries();
    expect(seriesUnit(s)).toBe('CO₂ (ppm)');
    const own = { ...s, own: { name: 'mine.csv', text: '', column: null } };
    expect(seriesUnit(own)).toBe('value');
    expect(seriesUnit({ ...own, info: { column: 'level' } as unknown as typeof s.info })).toBe(
      'level',
    );
  });
});

describe('seriesRunKey', () => {
  it('tells apart two own files of the same name, column and length', () => {
    const s = initialSeries();
    const a = { ...s, own: { name: 'data.csv', text: 'v\n1\n2\n3\n', column: 'v' } };
    const b = { ...s, own: { name: 'data.csv', text: 'v\n1\n2\n4\n', column: 'v' } };
    expect(seriesRunKey(a)).not.toBe(seriesRunKey(b));
    expect(seriesRunKey({ ...a, own: { ...a.own } })).toBe(seriesRunKey(a));
    expect(seriesRunKey(s)).not.toBe(seriesRunKey(a));
  });
});
