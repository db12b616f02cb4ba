// Dates written as people write them, for the encoder–decoder's date task: a day between
// 1950-01-01 and 2049-12-31 in one of many forms ("27 November 2026", "Nov 27, 26",
// "Friday, 27 November 2026", "27/11/2026", …), to be normalised to YYYY-MM-DD. Day and month are
// always in this order where both are numbers (27/11, never 11/27), so every input has one answer.

import type { Rng } from '../rng.ts';

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

export const WEEKDAYS = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
] as const;

/** The first and last day drawn, as days since 1970-01-01. */
const FIRST = Date.UTC(1950, 0, 1) / 86_400_000;
const LAST = Date.UTC(2049, 11, 31) / 86_400_000;

export interface Day {
  readonly year: number;
  /** 1–12 */
  readonly month: number;
  /** 1–31 */
  readonly day: number;
  /** 0 = Sunday */
  readonly weekday: number;
}

/** The day `n` days after 1970-01-01 (UTC, so no time zone moves it). */
export function dayOf(n: number): Day {
  const d = new Date(n * 86_400_000);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    weekday: d.getUTCDay(),
  };
}

const two = (n: number) => String(n).padStart(2, '0');
const short = (name: string) => name.slice(0, 3);

/** Every form a date is written in; each names its day, month and year unambiguously. */
export const DATE_FORMS: readonly ((d: Day) => string)[] = [
  (d) => `${String(d.day)} ${MONTHS[d.month - 1]!} ${String(d.year)}`,
  (d) => `${String(d.day)} ${short(MONTHS[d.month - 1]!)} ${String(d.year)}`,
  (d) => `${MONTHS[d.month - 1]!} ${String(d.day)}, ${String(d.year)}`,
  (d) => `${short(MONTHS[d.month - 1]!)} ${String(d.day)}, ${two(d.year % 100)}`,
  (d) => `${two(d.day)}/${two(d.month)}/${String(d.year)}`,
  (d) => `${two(d.day)}.${two(d.month)}.${String(d.year)}`,
  (d) => `${WEEKDAYS[d.weekday]!}, ${String(d.day)} ${MONTHS[d.month - 1]!} ${String(d.year)}`,
  (d) =>
    `${short(WEEKDAYS[d.weekday]!)} ${String(d.day)} ${short(MONTHS[d.month - 1]!)} ${String(d.year)}`,
  (d) => `${String(d.day)} ${short(MONTHS[d.month - 1]!).toUpperCase()} ${String(d.year)}`,
];

/** YYYY-MM-DD */
export function isoOf(d: Day): string {
  return `${String(d.year)}-${two(d.month)}-${two(d.day)}`;
}

/** A random day in the range and a random form of it. */
export function randomDate(rng: Rng): { input: string; output: string } {
  const d = dayOf(FIRST + rng.int(LAST - FIRST + 1));
  const form = DATE_FORMS[rng.int(DATE_FORMS.length)]!;
  return { input: form(d), output: isoOf(d) };
}

/** How many distinct inputs the date task can draw. */
export const DATE_INPUTS = (LAST - FIRST + 1) * DATE_FORMS.length;

/** The characters any date input may hold (every name, digits and the separators). */
export function dateInputChars(): string[] {
  const chars = new Set<string>('0123456789 ,/.');
  for (const name of [...MONTHS, ...WEEKDAYS])
    for (const c of name + name.toUpperCase()) chars.add(c);
  return [...chars].sort();
}
