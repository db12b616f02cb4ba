import { describe, expect, it } from 'vitest';
import {
  MAX_SERIES_VALUES,
  MIN_SERIES_VALUES,
  readSeriesCsv,
  SeriesCsvError,
} from '../../../src/engine/tasks/seriesCsv.ts';

const rows = (n: number, f = (k: number) => `2000-01-${k},${k * 0.5},${k % 7}`) =>
  Array.from({ length: n }, (_, k) => f(k + 1));
const csv = (header: string, lines: string[]) => [header, ...lines].join('\n');

function problem(text: string, column?: string): string {
  try {
    readSeriesCsv(text, column);
  } catch (e) {
    expect(e).toBeInstanceOf(SeriesCsvError);
    return (e as Error).message;
  }
  throw new Error('expected the CSV to be refused');
}

describe('reading a series from a CSV', () => {
  it('takes the first numeric column by default, keeps the rows in order, and labels by the first', () => {
    const s = readSeriesCsv(csv('date,value,other', rows(80)));
    expect(s.numericColumns).toEqual(['value', 'other']);
    expect(s.column).toBe('value');
    expect(s.values.length).toBe(80);
    expect(Array.from(s.values.slice(0, 3))).toEqual([0.5, 1, 1.5]);
    expect(s.labels!.slice(0, 2)).toEqual(['2000-01-1', '2000-01-2']);
  });

  it('reads a named column, semicolons, tabs, quotes, CRLF and a byte-order mark', () => {
    expect(
      Array.from(readSeriesCsv(csv('date,value,other', rows(80)), 'other').values.slice(0, 2)),
    ).toEqual([1, 2]);
    const semi =
      '\uFEFF' +
      csv(
        '"the date";"v"',
        rows(70, (k) => `"2001;${k}";${k}e-1`),
      ).replace(/\n/g, '\r\n');
    const s = readSeriesCsv(semi);
    expect(s.column).toBe('v');
    expect(s.values[9]).toBeCloseTo(1, 12);
    expect(s.labels![0]).toBe('2001;1');
    const tabs = readSeriesCsv(
      csv(
        't\tx',
        rows(61, (k) => `${k}\t-${k}`),
      ),
      'x',
    );
    expect(tabs.values[60]).toBe(-61);
    expect(tabs.labels!.length).toBe(61);
  });

  it('passes over a first column that only counts up (the time axis) unless it is named', () => {
    const text = csv(
      'year,temp',
      rows(70, (k) => `${1900 + k},${Math.sin(k)}`),
    );
    expect(readSeriesCsv(text).column).toBe('temp');
    expect(readSeriesCsv(text, 'year').values[0]).toBe(1901);
    // A first column that does not only count up is read as the series.
    const wavy = csv(
      'a,b',
      rows(70, (k) => `${Math.sin(k)},${k}`),
    );
    expect(readSeriesCsv(wavy).column).toBe('a');
  });

  it('a numeric first column can be the series itself, with no labels', () => {
    const s = readSeriesCsv(
      csv(
        'value',
        rows(60, (k) => String(k)),
      ),
    );
    expect(s.labels).toBeNull();
    expect(s.values[59]).toBe(60);
  });

  it('refuses what cannot be a series, each with a message to act on', () => {
    expect(problem('')).toBe('The file is empty.');
    expect(problem(' \n\n')).toBe('The file is empty.');
    expect(problem('date,value\n1,\u0000\u0001')).toMatch(/binary/);
    expect(problem(csv('1,2', rows(80)))).toMatch(
      /first line holds numbers; it should name the columns/,
    );
    expect(
      problem(
        csv(
          'date,weather',
          rows(80, (k) => `${k}x,rain`),
        ),
      ),
    ).toMatch(/No column holds only numbers/);
    expect(problem(csv('date,value', rows(80)), 'nope')).toBe(
      'There is no column “nope”. The columns are: date, value.',
    );
    const gap = rows(80);
    gap[9] = '2000-01-10,,3';
    expect(problem(csv('date,value,other', gap))).toBe(
      'Line 11 has no value for “value”: the series has a gap there. Fill it in, or cut the file at the gap.',
    );
    const word = rows(80);
    word[4] = '2000-01-05,n/a,3';
    expect(problem(csv('date,value,other', word), 'value')).toBe(
      'Line 6: “n/a” in column “value” is not a number.',
    );
    expect(problem(csv('date,value', rows(MIN_SERIES_VALUES - 1)))).toBe(
      `The series has ${MIN_SERIES_VALUES - 1} values; at least ${MIN_SERIES_VALUES} are needed to train and validate.`,
    );
    expect(
      problem(
        csv(
          'v',
          rows(MAX_SERIES_VALUES + 1, (k) => String(k)),
        ),
      ),
    ).toBe('The file has 100,001 rows; the limit is 100,000.');
    expect(problem(csv('v', [...rows(70, (k) => String(k)), '1e999']))).toBe(
      'Line 72: 1e999 is too large a number.',
    );
    expect(problem('a,"b\n1,2')).toBe('A quoted field has no closing quote.');
  });

  it('refuses with a code and the values its words name, the user’s text among them', () => {
    const error = (text: string, column?: string) => {
      try {
        readSeriesCsv(text, column);
      } catch (e) {
        expect(e).toBeInstanceOf(SeriesCsvError);
        return e as SeriesCsvError;
      }
      throw new Error('expected the CSV to be refused');
    };
    const gap = rows(80);
    gap[9] = '2000-01-10,,3';
    expect(error(csv('date,value,other', gap))).toMatchObject({
      name: 'SeriesCsvError',
      code: 'seriesCsv.gap',
      vars: { line: 11, column: 'value' },
    });
    const word = rows(80);
    word[4] = '2000-01-05,n/a,3';
    expect(error(csv('date,value,other', word), 'value')).toMatchObject({
      code: 'seriesCsv.notANumber',
      vars: { line: 6, cell: 'n/a', column: 'value' },
    });
    expect(error(csv('date,value', rows(80)), 'nope')).toMatchObject({
      code: 'seriesCsv.noSuchColumn',
      vars: { column: 'nope', columns: 'date, value' },
    });
    expect(error('')).toMatchObject({ code: 'seriesCsv.empty', vars: {} });
    expect(error(csv('date,value', rows(MIN_SERIES_VALUES - 1)))).toMatchObject({
      code: 'seriesCsv.tooShortToTrain',
      vars: { values: MIN_SERIES_VALUES - 1, min: MIN_SERIES_VALUES },
    });
    expect(
      error(
        csv(
          'v',
          rows(MAX_SERIES_VALUES + 1, (k) => String(k)),
        ),
      ),
    ).toMatchObject({ code: 'seriesCsv.tooManyRows', vars: { rows: '100,001', limit: '100,000' } });
  });

  it('says what the fewest values are needed for', () => {
    let refused: unknown = null;
    try {
      readSeriesCsv(csv('v', ['1', '2', '3', '4']), undefined, {
        min: { count: 5, purpose: 'for one prediction' },
      });
    } catch (e) {
      refused = e;
    }
    expect(refused).toBeInstanceOf(SeriesCsvError);
    expect(refused).toMatchObject({
      message: 'The series has 4 values; at least 5 are needed for one prediction.',
      code: 'seriesCsv.tooShortToPredict',
      vars: { values: 4, min: 5 },
    });
  });

  it('user text in a message is shortened', () => {
    const long = 'x'.repeat(100);
    expect(problem(csv('date,value', rows(80)), long)).toBe(
      `There is no column “${'x'.repeat(24)}…”. The columns are: date, value.`,
    );
  });
});
