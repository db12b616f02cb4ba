// Generated sequence-to-sequence tasks: deterministic, distinct inputs, validation apart from train,
// and every output right for its input, checked against oracles written here independently of the
// generator (a date parser per format with its own leap-year rule and Zeller's weekday, BigInt sums).
import { describe, expect, it } from 'vitest';
import {
  DATE_FORMATS,
  DAY_COUNT,
  dateAt,
  distinctDateInputs,
} from '../../../src/engine/seq2seq/dates.ts';
import {
  checkSeq2SeqOptions,
  generateSeq2Seq,
  PairError,
  parseExampleLine,
  Seq2SeqTaskError,
  SEQ2SEQ_DEFAULTS,
  SEQ2SEQ_LABELS,
  SEQ2SEQ_TASKS,
  type Seq2SeqExample,
  type Seq2SeqTaskKind,
  type Seq2SeqTaskOptions,
} from '../../../src/engine/seq2seq/tasks.ts';
import { thrown } from '../helpers.ts';

const MONTHS =
  'january february march april may june july august september october november december'.split(
    ' ',
  );
const WEEKDAYS = 'sunday monday tuesday wednesday thursday friday saturday'.split(' ');

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const daysIn = (y: number, m: number) =>
  [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;

/** Zeller's congruence, 0 = Sunday. */
function weekdayOf(y: number, m: number, d: number): number {
  const mm = m < 3 ? m + 12 : m;
  const yy = m < 3 ? y - 1 : y;
  const h = (d + Math.floor((13 * (mm + 1)) / 5) + yy + Math.floor(yy / 4) - Math.floor(yy / 100) + Math.floor(yy / 400)) % 7; // prettier-ignore
  return (h + 6) % 7; // Zeller: 0 = Saturday
}

/** Month from its full name or three-letter abbreviation, in Title, lower or upper case only. */
function monthOf(name: string): number {
  const ok = (s: string) => [s, s.toLowerCase(), s.toUpperCase()].includes(name);
  const title = (s: string) => s[0]!.toUpperCase() + s.slice(1);
  const m = MONTHS.findIndex((full) => ok(title(full)) || ok(title(full.slice(0, 3))));
  if (m < 0) throw new Error(`unknown month ${name}`);
  return m + 1;
}

function year(s: string): number {
  const n = Number(s);
  if (s.length === 4) return n;
  if (s.length !== 2) throw new Error(`bad year ${s}`);
  return n >= 50 ? 1900 + n : 2000 + n;
}

interface Parsed {
  y: number;
  m: number;
  d: number;
  weekday?: string;
}

/** Parses every input format the task is meant to write (numeric ones day first). */
function parseDate(input: string): Parsed {
  let r: RegExpExecArray | null;
  if ((r = /^(\d{1,2}) ([A-Za-z]+) (\d{4})$/.exec(input)))
    return { d: +r[1]!, m: monthOf(r[2]!), y: year(r[3]!) };
  if ((r = /^([A-Za-z]+) (\d{1,2}), (\d{4}|\d{2})$/.exec(input)))
    return { m: monthOf(r[1]!), d: +r[2]!, y: year(r[3]!) };
  if ((r = /^(\d{2})([/.])(\d{2})\2(\d{4}|\d{2})$/.exec(input)))
    return { d: +r[1]!, m: +r[3]!, y: year(r[4]!) };
  if ((r = /^([A-Z][a-z]+), (\d{1,2}) ([A-Za-z]+) (\d{4})$/.exec(input)))
    return { weekday: r[1]!, d: +r[2]!, m: monthOf(r[3]!), y: year(r[4]!) };
  if ((r = /^([A-Z][a-z]{2}) (\d{1,2}) ([A-Z][a-z]{2}) (\d{4})$/.exec(input)))
    return { weekday: r[1]!, d: +r[2]!, m: monthOf(r[3]!), y: year(r[4]!) };
  throw new Error(`no format matches ${JSON.stringify(input)}`);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The ISO date an input means, after checking it is a real day in range with the right weekday. */
function expectedIso(input: string): string {
  const p = parseDate(input);
  expect(p.y).toBeGreaterThanOrEqual(1950);
  expect(p.y).toBeLessThanOrEqual(2049);
  expect(p.m).toBeGreaterThanOrEqual(1);
  expect(p.m).toBeLessThanOrEqual(12);
  expect(p.d).toBeGreaterThanOrEqual(1);
  expect(p.d).toBeLessThanOrEqual(daysIn(p.y, p.m));
  if (p.weekday !== undefined) {
    const w = WEEKDAYS[weekdayOf(p.y, p.m, p.d)]!;
    const ok = [w, w.slice(0, 3)].map((s) => s[0]!.toUpperCase() + s.slice(1));
    expect(ok, input).toContain(p.weekday);
  }
  return `${p.y}-${pad(p.m)}-${pad(p.d)}`;
}

/** The right output for an input, computed here. */
function oracle(kind: Seq2SeqTaskKind, input: string): string {
  switch (kind) {
    case 'dates':
      return expectedIso(input);
    case 'reverse':
      return input.split('').reverse().join('');
    case 'sort':
      return input
        .split('')
        .sort((a, b) => a.charCodeAt(0) - b.charCodeAt(0))
        .join('');
    case 'add': {
      const [a, b] = input.split('+');
      return (BigInt(a!) + BigInt(b!)).toString();
    }
  }
}

const options = (kind: Seq2SeqTaskKind, over: Partial<Seq2SeqTaskOptions> = {}) => ({
  kind,
  seed: 7,
  ...SEQ2SEQ_DEFAULTS[kind],
  trainSize: 3000,
  validationSize: 300,
  ...over,
});

const all = (d: { train: readonly Seq2SeqExample[]; validation: readonly Seq2SeqExample[] }) => [
  ...d.train,
  ...d.validation,
];

describe('sequence-to-sequence tasks', () => {
  it.each(SEQ2SEQ_TASKS)('%s: same seed gives the same data, another seed other data', (kind) => {
    const a = generateSeq2Seq(options(kind));
    expect(generateSeq2Seq(options(kind))).toEqual(a);
    expect(a.train).toHaveLength(3000);
    expect(a.validation).toHaveLength(300);
    const b = generateSeq2Seq(options(kind, { seed: 8 }));
    expect(b.train.map((e) => e.input)).not.toEqual(a.train.map((e) => e.input));
  });

  it.each(SEQ2SEQ_TASKS)('%s: every output is right for its input', (kind) => {
    for (const e of all(generateSeq2Seq(options(kind)))) {
      expect(e.output, e.input).toBe(oracle(kind, e.input));
    }
  });

  it.each(SEQ2SEQ_TASKS)('%s: inputs distinct, validation disjoint from train', (kind) => {
    const d = generateSeq2Seq(options(kind, { trainSize: 5000, validationSize: 2000 }));
    const train = new Set(d.train.map((e) => e.input));
    expect(train.size).toBe(d.train.length);
    const val = new Set(d.validation.map((e) => e.input));
    expect(val.size).toBe(d.validation.length);
    for (const e of d.validation) expect(train.has(e.input)).toBe(false);
  });

  it.each(SEQ2SEQ_TASKS)('%s: the character lists are sorted and cover every example', (kind) => {
    const d = generateSeq2Seq(options(kind));
    for (const list of [d.inputChars, d.outputChars]) {
      expect([...list]).toEqual([...new Set(list)].sort());
    }
    const inputs = new Set(d.inputChars);
    const outputs = new Set(d.outputChars);
    const missing = all(d).flatMap((e) => [
      ...[...e.input].filter((c) => !inputs.has(c)).map((c) => `${c} in ${e.input}`),
      ...[...e.output].filter((c) => !outputs.has(c)).map((c) => `${c} in ${e.output}`),
    ]);
    expect(missing).toEqual([]);
    // Fixed by the options, not by the sample.
    expect(generateSeq2Seq(options(kind, { seed: 99, trainSize: 10 })).inputChars).toEqual(
      d.inputChars,
    );
  });

  it('date characters are exactly those the formats write (a large sample uses them all)', () => {
    const d = generateSeq2Seq(options('dates', { trainSize: 100_000, validationSize: 0 }));
    const used = new Set(d.train.flatMap((e) => [...e.input]));
    expect([...used].sort()).toEqual(d.inputChars);
    expect(d.outputChars).toEqual([...'-0123456789']);
  });

  it('every date format appears, parses to its example, and months are written day first', () => {
    const nov27 = dateAt((Date.UTC(2026, 10, 27) - Date.UTC(1950, 0, 1)) / 86_400_000);
    expect(DATE_FORMATS.length).toBeGreaterThanOrEqual(10);
    for (const f of DATE_FORMATS) {
      expect(f.render(nov27)).toBe(f.pattern);
      expect(expectedIso(f.pattern)).toBe('2026-11-27');
      expect(f.pattern).not.toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    // 5 March: a month-first format would write 03/05 and parse as 3 May.
    const mar5 = dateAt((Date.UTC(2001, 2, 5) - Date.UTC(1950, 0, 1)) / 86_400_000);
    for (const f of DATE_FORMATS) expect(expectedIso(f.render(mar5))).toBe('2001-03-05');
    const sample = generateSeq2Seq(options('dates', { trainSize: 20_000 })).train;
    const shapes = new Set(sample.map((e) => e.input.replace(/\d/g, '9').replace(/[a-z]+/gi, 'A')));
    expect(shapes.size).toBeGreaterThanOrEqual(8);
    expect(sample.some((e) => /, \d\d$/.test(e.input) && e.output.startsWith('19'))).toBe(true);
    expect(sample.some((e) => /, \d\d$/.test(e.input) && e.output.startsWith('20'))).toBe(true);
  });

  it('the date range runs from 1950-01-01 to 2049-12-31', () => {
    expect(DAY_COUNT).toBe(100 * 365 + 25);
    expect(dateAt(0)).toMatchObject({ year: 1950, month: 1, day: 1 });
    expect(dateAt(DAY_COUNT - 1)).toMatchObject({ year: 2049, month: 12, day: 31 });
  });

  it('29 February appears, and only in leap years; weekdays are right', () => {
    const d = generateSeq2Seq(options('dates', { trainSize: 150_000, validationSize: 0 }));
    const leapDays = d.train.filter((e) => e.output.endsWith('-02-29'));
    expect(leapDays.length).toBeGreaterThan(10);
    for (const e of leapDays) expect(isLeap(Number(e.output.slice(0, 4))), e.input).toBe(true);
    // Weekday formats: the oracle checks the name against Zeller's congruence.
    const named = d.train.filter((e) => /^[A-Z][a-z]+,? \d/.test(e.input)).slice(0, 5000);
    expect(named.length).toBe(5000);
    for (const e of named) expect(expectedIso(e.input)).toBe(e.output);
    expect(d.train.some((e) => e.output === '2000-02-29')).toBe(true);
  });

  it('counts the distinct date inputs exactly ("May" is both long and short)', () => {
    const seen = new Set<string>();
    for (let i = 0; i < DAY_COUNT; i++) {
      const date = dateAt(i);
      for (const f of DATE_FORMATS) seen.add(f.render(date));
    }
    expect(distinctDateInputs()).toBe(seen.size);
    expect(seen.size).toBeLessThan(DAY_COUNT * DATE_FORMATS.length);
  });

  it('reverse and sort use letters a–z with every length in range; add respects digit counts', () => {
    for (const kind of ['reverse', 'sort'] as const) {
      const d = generateSeq2Seq(options(kind, { minLength: 2, maxLength: 6 }));
      const lengths = new Set(all(d).map((e) => e.input.length));
      expect([...lengths].sort()).toEqual([2, 3, 4, 5, 6]);
      for (const e of all(d)) expect(e.input).toMatch(/^[a-z]+$/);
    }
    const d = generateSeq2Seq(options('add', { minLength: 3, maxLength: 4 }));
    const noLeadingZero = /^(0|[1-9]\d*)$/;
    const digitCounts = new Set<number>();
    for (const e of all(d)) {
      const [a, b] = e.input.split('+') as [string, string];
      expect(a).toMatch(noLeadingZero);
      expect(b).toMatch(noLeadingZero);
      expect(e.output).toMatch(noLeadingZero);
      expect(Math.max(a.length, b.length)).toBeGreaterThanOrEqual(3);
      expect(Math.max(a.length, b.length)).toBeLessThanOrEqual(4);
      digitCounts.add(a.length).add(b.length);
    }
    expect([...digitCounts].sort()).toEqual([1, 2, 3, 4]);
    // Carries past the longest number: the output may be one digit longer.
    expect(all(d).some((e) => e.output.length === 5)).toBe(true);
  });

  it('small spaces: half the distinct inputs can be drawn, more cannot', () => {
    const d = generateSeq2Seq(options('reverse', { minLength: 1, maxLength: 2, trainSize: 300, validationSize: 51 })); // prettier-ignore
    expect(new Set(all(d).map((e) => e.input)).size).toBe(351); // (26 + 676) / 2
    expect(() => checkSeq2SeqOptions(options('reverse', { minLength: 1, maxLength: 2, trainSize: 300, validationSize: 52 }))).toThrow(/702 distinct inputs/); // prettier-ignore
    expect(() => checkSeq2SeqOptions(options('add', { minLength: 1, maxLength: 1, trainSize: 51, validationSize: 0 }))).toThrow(Seq2SeqTaskError); // prettier-ignore
    const add = options('add', { minLength: 1, maxLength: 1, trainSize: 51, validationSize: 0 });
    expect(thrown(() => checkSeq2SeqOptions(add))).toMatchObject({
      message:
        'add: trainSize + validationSize is 51, more than half of the 100 distinct inputs of 1–1 digits; use fewer examples or longer inputs.',
      code: 'seq2seqTask.moreThanHalfDigits',
    });
    const reverse = options('reverse', { minLength: 1, maxLength: 2, trainSize: 300, validationSize: 52 }); // prettier-ignore
    expect(thrown(() => checkSeq2SeqOptions(reverse))).toMatchObject({
      code: 'seq2seqTask.moreThanHalfLetters',
      vars: { distinct: '702', min: 1, max: 2 },
    });
    const dates = options('dates', { trainSize: 300_000, validationSize: 0 });
    expect(thrown(() => checkSeq2SeqOptions(dates))).toMatchObject({
      code: 'seq2seqTask.moreThanHalf',
    });
    expect(() => checkSeq2SeqOptions(options('add', { minLength: 1, maxLength: 1, trainSize: 50, validationSize: 0 }))).not.toThrow(); // prettier-ignore
    expect(() => checkSeq2SeqOptions(options('dates', { trainSize: 300_000, validationSize: 0 }))).toThrow(/distinct inputs/); // prettier-ignore
  });

  it('rejects bad options with a Seq2SeqTaskError naming the problem', () => {
    const bad: [Partial<Seq2SeqTaskOptions>, RegExp][] = [
      [{ seed: 1.5 }, /seed/],
      [{ seed: -1 }, /seed/],
      [{ trainSize: 0 }, /trainSize/],
      [{ trainSize: 10.5 }, /trainSize/],
      [{ validationSize: -1 }, /validationSize/],
      [{ minLength: 0 }, /minLength/],
      [{ minLength: 5, maxLength: 4 }, /minLength/],
      [{ maxLength: 65 }, /maxLength/],
      [{ maxLength: Number.NaN }, /maxLength/],
      [{ trainSize: 900_000, validationSize: 200_000 }, /limit/],
    ];
    for (const [over, message] of bad) {
      expect(() => checkSeq2SeqOptions(options('reverse', over))).toThrow(Seq2SeqTaskError);
      expect(() => generateSeq2Seq(options('reverse', over))).toThrow(message);
    }
    expect(thrown(() => checkSeq2SeqOptions(options('reverse', { seed: 1.5 })))).toMatchObject({
      message: 'reverse: seed must be a whole number from 0 to 4,294,967,295; got 1.5.',
      code: 'seq2seqTask.wholeNumber',
      vars: { task: 'reverse', option: 'seed', value: '1.5' },
    });
    const many = options('reverse', { trainSize: 900_000, validationSize: 200_000 });
    expect(thrown(() => checkSeq2SeqOptions(many))).toMatchObject({
      message: 'reverse: trainSize + validationSize is 1,100,000; the limit is 1,000,000.',
      code: 'seq2seqTask.tooMany',
    });
    expect(() => checkSeq2SeqOptions(options('add', { maxLength: 21 }))).toThrow(/maxLength/);
    const unknown = { ...options('reverse'), kind: 'copy' as Seq2SeqTaskKind };
    expect(() => checkSeq2SeqOptions(unknown)).toThrow(
      'Unknown sequence-to-sequence task "copy"; expected one of dates, reverse, sort, add.',
    );
    expect(thrown(() => checkSeq2SeqOptions(unknown))).toMatchObject({
      code: 'seq2seqTask.unknown',
    });
    // Dates ignore the lengths.
    expect(() => checkSeq2SeqOptions(options('dates', { minLength: 0, maxLength: 0 }))).not.toThrow(); // prettier-ignore
    for (const kind of SEQ2SEQ_TASKS) {
      expect(() => checkSeq2SeqOptions({ kind, seed: 1, ...SEQ2SEQ_DEFAULTS[kind] })).not.toThrow();
    }
  });

  it('labels show a true example of each task', () => {
    expect(SEQ2SEQ_LABELS.dates.label).toBe('Dates: 27 November 2026 → 2026-11-27');
    for (const kind of SEQ2SEQ_TASKS) {
      const { label, example } = SEQ2SEQ_LABELS[kind];
      expect(example.output).toBe(oracle(kind, example.input));
      expect(label).toContain(`${example.input} → ${example.output}`);
    }
  });

  it('parseExampleLine reads INPUT<TAB>OUTPUT and rejects anything else', () => {
    expect(parseExampleLine('a\tb')).toEqual({ input: 'a', output: 'b' });
    expect(parseExampleLine('27 Nov 2026\t2026-11-27\r')).toEqual({
      input: '27 Nov 2026',
      output: '2026-11-27',
    });
    for (const line of ['ab', 'a\tb\tc', '', '\t\t', '\tb', 'a\t']) {
      expect(() => parseExampleLine(line), JSON.stringify(line)).toThrow(PairError);
    }
    expect(() => parseExampleLine('a\tb\tc')).toThrow(/exactly one tab/);
    expect(thrown(() => parseExampleLine('a\tb\tc'))).toMatchObject({
      message: 'Expected INPUT<TAB>OUTPUT with exactly one tab; found 2 in "a\\tb\\tc".',
      code: 'pairs.tabs',
      vars: { tabs: 2 },
    });
    expect(thrown(() => parseExampleLine('\tb'))).toMatchObject({
      message: 'The input is empty in "\\tb".',
      code: 'pairs.inputEmptyIn',
    });
    expect(thrown(() => parseExampleLine('a\t'))).toMatchObject({ code: 'pairs.outputEmptyIn' });
  });
});
