// Date normalisation for the encoder–decoder: a day between 1950-01-01 and 2049-12-31 written in
// one of several human formats → ISO 8601 "YYYY-MM-DD". Numeric inputs are day first (27/11/2026),
// never month first, so no input is ambiguous; none is already ISO. The calendar (month lengths,
// leap years, weekdays) comes from Date.UTC, so "Friday, 27 November 2026" names the right day.

import type { Rng } from '../rng.ts';

export const FIRST_DATE = { year: 1950, month: 1, day: 1 } as const;
export const LAST_DATE = { year: 2049, month: 12, day: 31 } as const;

export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** Index = Date's getUTCDay() (0 = Sunday). */
export const WEEKDAYS = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
] as const;

/** A calendar day; month 1–12, weekday 0–6 from Sunday. */
export interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly weekday: number;
}

const DAY_MS = 86_400_000;
const START_MS = Date.UTC(FIRST_DATE.year, FIRST_DATE.month - 1, FIRST_DATE.day);

/** Days from FIRST_DATE to LAST_DATE, both included (36,525). */
export const DAY_COUNT =
  (Date.UTC(LAST_DATE.year, LAST_DATE.month - 1, LAST_DATE.day) - START_MS) / DAY_MS + 1;

/** The day `index` days after FIRST_DATE (0 ≤ index < DAY_COUNT). */
export function dateAt(index: number): CalendarDate {
  const d = new Date(START_MS + index * DAY_MS);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    weekday: d.getUTCDay(),
  };
}

const pad2 = (n: number): string => String(n).padStart(2, '0');
const monthName = (d: CalendarDate): string => MONTHS[d.month - 1]!;
const monthShort = (d: CalendarDate): string => monthName(d).slice(0, 3);
const weekdayName = (d: CalendarDate): string => WEEKDAYS[d.weekday]!;
/** Two-digit year: 1950–1999 → 50–99, 2000–2049 → 00–49. */
const yy = (d: CalendarDate): string => pad2(d.year % 100);

/** The ISO 8601 form, the target of every input. */
export function isoDate(d: CalendarDate): string {
  return `${d.year}-${pad2(d.month)}-${pad2(d.day)}`;
}

/** The input formats, each with an example of 27 November 2026 (a Friday). */
export const DATE_FORMATS: readonly { pattern: string; render: (d: CalendarDate) => string }[] = [
  { pattern: '27 November 2026', render: (d) => `${d.day} ${monthName(d)} ${d.year}` },
  {
    pattern: '27 november 2026',
    render: (d) => `${d.day} ${monthName(d).toLowerCase()} ${d.year}`,
  },
  { pattern: '27 Nov 2026', render: (d) => `${d.day} ${monthShort(d)} ${d.year}` },
  { pattern: '27 NOV 2026', render: (d) => `${d.day} ${monthShort(d).toUpperCase()} ${d.year}` },
  { pattern: 'November 27, 2026', render: (d) => `${monthName(d)} ${d.day}, ${d.year}` },
  { pattern: 'Nov 27, 2026', render: (d) => `${monthShort(d)} ${d.day}, ${d.year}` },
  { pattern: 'Nov 27, 26', render: (d) => `${monthShort(d)} ${d.day}, ${yy(d)}` },
  { pattern: '27/11/2026', render: (d) => `${pad2(d.day)}/${pad2(d.month)}/${d.year}` },
  { pattern: '27/11/26', render: (d) => `${pad2(d.day)}/${pad2(d.month)}/${yy(d)}` },
  { pattern: '27.11.2026', render: (d) => `${pad2(d.day)}.${pad2(d.month)}.${d.year}` },
  {
    pattern: 'Friday, 27 November 2026',
    render: (d) => `${weekdayName(d)}, ${d.day} ${monthName(d)} ${d.year}`,
  },
  {
    pattern: 'Fri 27 Nov 2026',
    render: (d) => `${weekdayName(d).slice(0, 3)} ${d.day} ${monthShort(d)} ${d.year}`,
  },
];

/** A random day in a random format (both uniform) and its ISO form. */
export function drawDate(rng: Rng): { input: string; output: string } {
  const format = DATE_FORMATS[rng.int(DATE_FORMATS.length)]!;
  const date = dateAt(rng.int(DAY_COUNT));
  return { input: format.render(date), output: isoDate(date) };
}

/**
 * How many distinct input strings the formats can write. Less than DAY_COUNT × formats: "27 May
 * 2026" is both the long and the short month. Two formats differ only in how they spell the month
 * and weekday, so they agree on every day of a month or on none; one day per month tells which.
 */
export function distinctDateInputs(): number {
  let total = 0;
  for (let month = 1; month <= 12; month++) {
    const first = dateAt((Date.UTC(2001, month - 1, 1) - START_MS) / DAY_MS);
    const spellings = new Set(DATE_FORMATS.map((f) => f.render(first))).size;
    let days = 0;
    for (let year = FIRST_DATE.year; year <= LAST_DATE.year; year++) {
      days += new Date(Date.UTC(year, month, 0)).getUTCDate(); // day 0 of the next month
    }
    total += spellings * days;
  }
  return total;
}

/**
 * Every character a date input can hold: the digits and whatever the formats write on the first
 * seven days of each month (every month and weekday name in each case used, every separator).
 */
export function dateInputChars(): string[] {
  const chars = new Set('0123456789');
  for (let month = 1; month <= 12; month++) {
    for (let day = 1; day <= 7; day++) {
      const date = dateAt((Date.UTC(2001, month - 1, day) - START_MS) / DAY_MS);
      for (const f of DATE_FORMATS) for (const c of f.render(date)) chars.add(c);
    }
  }
  return [...chars];
}

export const DATE_OUTPUT_CHARS = [...'0123456789-'];
