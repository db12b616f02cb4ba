// The encoder–decoder's tasks (src/engine/seq2seq/tasks.ts, dates.ts): the same seed gives the
// same pairs; every answer is right, checked here by reading each input back independently; the
// weekday matches the date and 29 February falls only in leap years; held-out inputs never appear
// in training; the vocabularies hold every character; bad options and bad lines are refused.
import { describe, expect, it } from 'vitest';
import { MONTHS, WEEKDAYS } from '../../../src/engine/seq2seq/dates.ts';
import {
  checkSeq2SeqOptions,
  generateSeq2Seq,
  parseExampleLine,
  SEQ2SEQ_DEFAULTS,
  SEQ2SEQ_TASKS,
  type Seq2SeqTaskKind,
} from '../../../src/engine/seq2seq/tasks.ts';

const options = (kind: Seq2SeqTaskKind, seed = 5, trainSize = 3000) => ({
  ...SEQ2SEQ_DEFAULTS[kind],
  kind,
  seed,
  trainSize,
  validationSize: 300,
});

/** Reads a date input back: year, month, day and the weekday named (if any). */
function readDate(input: string): { y: number; m: number; d: number; weekday: string | null } {
  const month = (name: string) =>
    1 + MONTHS.findIndex((m) => m.toLowerCase().startsWith(name.toLowerCase()));
  let m: RegExpExecArray | null;
  if ((m = /^(\d{2})[/.](\d{2})[/.](\d{4})$/.exec(input)))
    return { y: +m[3]!, m: +m[2]!, d: +m[1]!, weekday: null };
  if ((m = /^(?:(\w+),? )?(\d{1,2}) ([A-Za-z]+) (\d{4})$/.exec(input)))
    return { y: +m[4]!, m: month(m[3]!), d: +m[2]!, weekday: m[1] ?? null };
  if ((m = /^([A-Za-z]+) (\d{1,2}), (\d{2}|\d{4})$/.exec(input))) {
    const y = m[3]!.length === 2 ? (+m[3]! >= 50 ? 1900 : 2000) + +m[3]! : +m[3]!;
    return { y, m: month(m[1]!), d: +m[2]!, weekday: null };
  }
  throw new Error(`unreadable date "${input}"`);
}

describe('generated pairs', () => {
  it.each(SEQ2SEQ_TASKS)('%s: one seed, one set of pairs; another seed, another', (kind) => {
    expect(generateSeq2Seq(options(kind))).toEqual(generateSeq2Seq(options(kind)));
    expect(generateSeq2Seq(options(kind, 6)).train).not.toEqual(
      generateSeq2Seq(options(kind)).train,
    );
  });

  it.each(SEQ2SEQ_TASKS)(
    '%s: held-out inputs are not trained on; every character is known',
    (kind) => {
      const data = generateSeq2Seq(options(kind));
      const trained = new Set(data.train.map((e) => e.input));
      expect(data.validation.some((e) => trained.has(e.input))).toBe(false);
      expect(new Set(data.validation.map((e) => e.input)).size).toBe(300);
      for (const e of [...data.train, ...data.validation]) {
        for (const c of e.input) expect(data.inputChars).toContain(c);
        for (const c of e.output) expect(data.outputChars).toContain(c);
      }
      expect([...data.inputChars].sort()).toEqual(data.inputChars);
    },
  );

  it('dates: the ISO date is the date written, with the right weekday; 29 February only in leap years', () => {
    const data = generateSeq2Seq(options('dates', 1, 20_000));
    let leapDays = 0;
    for (const e of [...data.train, ...data.validation]) {
      const { y, m, d, weekday } = readDate(e.input);
      expect(e.output).toBe(
        `${String(y)}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
      );
      expect(y).toBeGreaterThanOrEqual(1950);
      expect(y).toBeLessThanOrEqual(2049);
      const real = new Date(Date.UTC(y, m - 1, d));
      expect(real.getUTCDate()).toBe(d); // a day that exists
      if (weekday !== null) expect(WEEKDAYS[real.getUTCDay()]!.startsWith(weekday)).toBe(true);
      if (m === 2 && d === 29) {
        leapDays += 1;
        expect(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0)).toBe(true);
      }
    }
    expect(leapDays).toBeGreaterThan(0);
    // Many forms: day-first numbers, names, short names, two-digit years, weekdays.
    const inputs = data.train.map((e) => e.input);
    for (const form of [
      /^\d{2}\/\d{2}\/\d{4}$/,
      /^\d{2}\.\d{2}\.\d{4}$/,
      /^[A-Z][a-z]{2} \d{1,2}, \d{2}$/,
      /^[A-Z][a-z]+day, /,
      / [A-Z]{3} \d{4}$/,
    ])
      expect(
        inputs.some((i) => form.test(i)),
        String(form),
      ).toBe(true);
  });

  it('reverse, sort and add: the answer by definition, lengths in range', () => {
    for (const e of generateSeq2Seq(options('reverse')).train) {
      expect(e.output).toBe([...e.input].reverse().join(''));
      expect(e.input.length).toBeGreaterThanOrEqual(3);
      expect(e.input.length).toBeLessThanOrEqual(12);
    }
    for (const e of generateSeq2Seq(options('sort')).train)
      expect(e.output).toBe([...e.input].sort().join(''));
    for (const e of generateSeq2Seq(options('add')).train) {
      const [a, b] = e.input.split('+');
      expect(e.output).toBe(String(Number(a) + Number(b)));
      expect(Math.max(a!.length, b!.length)).toBeLessThanOrEqual(4);
      expect(/^(0|[1-9]\d*)$/.test(a!) && /^(0|[1-9]\d*)$/.test(b!)).toBe(true);
    }
  });
});

describe('options and lines', () => {
  it('refuses bad options with a clear message', () => {
    expect(() => checkSeq2SeqOptions({ ...options('reverse'), minLength: 0 })).toThrow(
      /shortest input/,
    );
    expect(() => checkSeq2SeqOptions({ ...options('reverse'), maxLength: 2 })).toThrow(
      /longest input/,
    );
    expect(() => checkSeq2SeqOptions({ ...options('add'), maxLength: 10 })).toThrow(
      /longest input/,
    );
    expect(() =>
      checkSeq2SeqOptions({ ...options('add'), minLength: 1, maxLength: 1, trainSize: 100 }),
    ).toThrow(/only 100 different inputs/);
    expect(() => checkSeq2SeqOptions({ ...options('dates'), trainSize: 1.5 })).toThrow(
      /training pairs/,
    );
  });

  it('reads one tab-separated pair', () => {
    expect(parseExampleLine('27/11/2026\t2026-11-27')).toEqual({
      input: '27/11/2026',
      output: '2026-11-27',
    });
    expect(() => parseExampleLine('no tab')).toThrow(/one tab/);
    expect(() => parseExampleLine('a\tb\tc')).toThrow(/one tab/);
    expect(() => parseExampleLine('\tb')).toThrow(/empty/);
  });
});
