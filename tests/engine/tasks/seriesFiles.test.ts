// The real series in public/data/series are the vega-datasets package's files, unchanged, and
// each reads as the series its README names.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSeriesCsv } from '../../../src/engine/tasks/seriesCsv.ts';

const root = join(import.meta.dirname, '..', '..', '..');
const shipped = (file: string) =>
  readFileSync(join(root, 'public', 'data', 'series', file), 'utf8');

const FILES = [
  { file: 'co2-concentration.csv', column: 'CO2', n: 741, first: 315.7, last: 416.18 },
  { file: 'seattle-weather.csv', column: 'temp_max', n: 1461, first: 12.8, last: 5.6 },
  { file: 'global-temp.csv', column: 'temp', n: 144, first: -0.17, last: 1.17 },
];

describe('the shipped series', () => {
  it.each(FILES)('$file is the package’s file, byte for byte', ({ file }) => {
    const original = readFileSync(
      join(root, 'node_modules', 'vega-datasets', 'data', file),
      'utf8',
    );
    expect(shipped(file)).toBe(original);
    expect(shipped('README.md')).toContain(`\`${file}\``);
  });

  it.each(FILES)(
    '$file reads as a series of $n values in $column',
    ({ file, column, n, first, last }) => {
      const s = readSeriesCsv(shipped(file), column);
      expect(s.values.length).toBe(n);
      expect(s.values[0]).toBe(first);
      expect(s.values[n - 1]).toBe(last);
      expect(s.labels).not.toBeNull();
    },
  );
});
