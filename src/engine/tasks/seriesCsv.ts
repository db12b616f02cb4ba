// A user's own series: one numeric column of a CSV file with a header row, checked as own text
// is checked, with a message a learner can act on for each way it can be unusable (empty, binary,
// no header, no numeric column, a value that is not a number, a gap, too short, too long).
// Commas, semicolons or tabs separate the fields (whichever the header uses); double quotes may
// wrap a field. The rows keep their order: a series is split by time, never shuffled.

import { grouped, Problem } from '../problem.ts';

/** Fewer values leave too little for windows, a validation part and a baseline. */
export const MIN_SERIES_VALUES = 60;
/** More rows than this are refused (a long series trains no better in a lesson, only slower). */
export const MAX_SERIES_VALUES = 100_000;

/** Why a CSV text is not a usable series: a problem of area `seriesCsv` (problems/series.ts). */
export class SeriesCsvError extends Problem {}

export interface SeriesCsv {
  /** The header's names of the columns whose values are all numbers. */
  readonly numericColumns: readonly string[];
  /** The column read. */
  readonly column: string;
  readonly values: Float64Array;
  /** The first column's text per row when it is not the column read (dates, say), else null. */
  readonly labels: readonly string[] | null;
}

/** Splits one line into fields: `sep` between them, double quotes around a field ("" inside). */
function fields(line: string, sep: string): string[] {
  const out: string[] = [];
  let k = 0;
  for (;;) {
    let field = '';
    if (line[k] === '"') {
      k++;
      for (;;) {
        const q = line.indexOf('"', k);
        if (q === -1) throw new SeriesCsvError('seriesCsv.unclosedQuote');
        field += line.slice(k, q);
        k = q + 1;
        if (line[k] === '"') {
          field += '"';
          k++;
        } else break;
      }
    }
    const end = line.indexOf(sep, k);
    field += end === -1 ? line.slice(k) : line.slice(k, end);
    out.push(field.trim());
    if (end === -1) return out;
    k = end + 1;
  }
}

const isNumber = (s: string) => s !== '' && /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(s);

/** Shortens untrusted text for a message. */
const clip = (s: string, max = 24) => (s.length > max ? `${s.slice(0, max)}…` : s);

/** What a reader of a series may ask for besides the column. */
export interface SeriesCsvOptions {
  /** Without a column named, read this one when the file has it (a model's own column). */
  readonly prefer?: string;
  /** The fewest values accepted and what they are needed for, as the message says it. */
  readonly min?: { readonly count: number; readonly purpose: MinPurpose };
}

/** What the fewest values are needed for, each with its own problem. */
export type MinPurpose = 'to train and validate' | 'for one prediction';

const TOO_SHORT = {
  'to train and validate': 'seriesCsv.tooShortToTrain',
  'for one prediction': 'seriesCsv.tooShortToPredict',
} as const satisfies Record<MinPurpose, string>;

/**
 * Reads `column` (by its header name; default: `opts.prefer` when the header names it, else the
 * first column whose values are all numbers, passing over a first column that only counts up,
 * which is the time axis) from a CSV text. Throws SeriesCsvError with the line number and what to
 * do.
 */
export function readSeriesCsv(
  text: string,
  column?: string,
  opts: SeriesCsvOptions = {},
): SeriesCsv {
  if (text.trim() === '') throw new SeriesCsvError('seriesCsv.empty');
  if (text.includes('\u0000') || text.includes('\uFFFD'))
    throw new SeriesCsvError('seriesCsv.binary');
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  while (lines.length > 0 && lines.at(-1)!.trim() === '') lines.pop();
  const headerLine = lines[0]!;
  const sep = [',', ';', '\t'].reduce((best, s) =>
    headerLine.split(s).length > headerLine.split(best).length ? s : best,
  );
  const header = fields(headerLine, sep);
  if (header.every(isNumber)) throw new SeriesCsvError('seriesCsv.numbersInHeader');
  const rows = lines.slice(1);
  if (rows.length > MAX_SERIES_VALUES)
    throw new SeriesCsvError('seriesCsv.tooManyRows', {
      rows: grouped(rows.length),
      limit: grouped(MAX_SERIES_VALUES),
    });
  const cells = rows.map((line) => fields(line, sep));
  const numericColumns = header.filter(
    (_, j) =>
      cells.length > 0 &&
      cells.every((r) => r[j] === undefined || r[j] === '' || isNumber(r[j]!)) &&
      cells.some((r) => isNumber(r[j] ?? '')),
  );
  // A first column that only counts up (a year, a step number) is the time axis, not the series.
  const first = cells.map((r) => Number(r[0]));
  const isAxis =
    numericColumns.length > 1 &&
    numericColumns[0] === header[0] &&
    first.every((v, k) => k === 0 || v > first[k - 1]!);
  const preferred = opts.prefer !== undefined && header.includes(opts.prefer) ? opts.prefer : null;
  const name = column ?? preferred ?? numericColumns[isAxis ? 1 : 0];
  if (name === undefined) throw new SeriesCsvError('seriesCsv.noNumericColumn');
  const j = header.indexOf(name);
  if (j === -1)
    throw new SeriesCsvError('seriesCsv.noSuchColumn', {
      column: clip(name),
      columns: header.map((h) => clip(h)).join(', '),
    });
  const values = new Float64Array(cells.length);
  cells.forEach((r, i) => {
    const cell = r[j] ?? '';
    const line = i + 2;
    if (cell === '') throw new SeriesCsvError('seriesCsv.gap', { line, column: clip(name) });
    if (!isNumber(cell))
      throw new SeriesCsvError('seriesCsv.notANumber', {
        line,
        cell: clip(cell),
        column: clip(name),
      });
    const v = Number(cell);
    if (!Number.isFinite(v))
      throw new SeriesCsvError('seriesCsv.tooLarge', { line, cell: clip(cell) });
    values[i] = v;
  });
  const min = opts.min ?? { count: MIN_SERIES_VALUES, purpose: 'to train and validate' };
  if (values.length < min.count)
    throw new SeriesCsvError(TOO_SHORT[min.purpose], { values: values.length, min: min.count });
  const labels = j === 0 ? null : cells.map((r) => r[0] ?? '');
  return { numericColumns, column: name, values, labels };
}
