// The encoder–decoder's tasks: pairs of strings generated from a seed, readable by a person
// (docs/beyond-characters.md §4). "dates" normalises a date written in many forms to YYYY-MM-DD;
// "reverse" reverses random letters; "sort" sorts them; "add" adds two numbers written as text.
// The same options give the same pairs; no held-out input is also a training input.

import { createRng, type Rng } from '../rng.ts';
import { DATE_INPUTS, dateInputChars, randomDate } from './dates.ts';

export const SEQ2SEQ_TASKS = ['dates', 'reverse', 'sort', 'add'] as const;
export type Seq2SeqTaskKind = (typeof SEQ2SEQ_TASKS)[number];

export interface Seq2SeqExample {
  readonly input: string;
  readonly output: string;
}

export interface Seq2SeqTaskOptions {
  readonly kind: Seq2SeqTaskKind;
  readonly seed: number;
  /** Letters (reverse, sort) or the longer number's digits (add); dates ignore them. */
  readonly minLength: number;
  readonly maxLength: number;
  readonly trainSize: number;
  readonly validationSize: number;
}

export interface Seq2SeqData {
  readonly kind: Seq2SeqTaskKind;
  readonly train: readonly Seq2SeqExample[];
  readonly validation: readonly Seq2SeqExample[];
  /** Every character an input or output of the task may hold, sorted (not only those drawn). */
  readonly inputChars: readonly string[];
  readonly outputChars: readonly string[];
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const DIGITS = '0123456789';
/** Letters drawn by reverse and sort: few enough that a small model learns them quickly. */
const TASK_LETTERS = LETTERS.slice(0, 12);

export const SEQ2SEQ_DEFAULTS: Record<
  Seq2SeqTaskKind,
  Omit<Seq2SeqTaskOptions, 'kind' | 'seed'>
> = {
  dates: { minLength: 1, maxLength: 1, trainSize: 20_000, validationSize: 1_000 },
  reverse: { minLength: 3, maxLength: 12, trainSize: 20_000, validationSize: 1_000 },
  sort: { minLength: 3, maxLength: 12, trainSize: 20_000, validationSize: 1_000 },
  add: { minLength: 1, maxLength: 4, trainSize: 20_000, validationSize: 1_000 },
};

export const SEQ2SEQ_LABELS: Record<Seq2SeqTaskKind, { label: string; example: Seq2SeqExample }> = {
  dates: { label: 'Dates', example: { input: '27 November 2026', output: '2026-11-27' } },
  reverse: { label: 'Reverse', example: { input: 'lbdkf', output: 'fkdbl' } },
  sort: { label: 'Sort letters', example: { input: 'lbdkf', output: 'bdfkl' } },
  add: { label: 'Addition', example: { input: '123+45', output: '168' } },
};

function letters(rng: Rng, min: number, max: number): string {
  let s = '';
  for (let n = min + rng.int(max - min + 1); n > 0; n--)
    s += TASK_LETTERS[rng.int(TASK_LETTERS.length)];
  return s;
}

/** A whole number of exactly `digits` digits (0 may be one digit). */
function numberOf(rng: Rng, digits: number): number {
  if (digits === 1) return rng.int(10);
  const lo = 10 ** (digits - 1);
  return lo + rng.int(9 * lo);
}

function draw(kind: Seq2SeqTaskKind, rng: Rng, min: number, max: number): Seq2SeqExample {
  switch (kind) {
    case 'dates':
      return randomDate(rng);
    case 'reverse': {
      const s = letters(rng, min, max);
      return { input: s, output: [...s].reverse().join('') };
    }
    case 'sort': {
      const s = letters(rng, min, max);
      return { input: s, output: [...s].sort().join('') };
    }
    case 'add': {
      const longer = min + rng.int(max - min + 1);
      const other = 1 + rng.int(longer);
      const [a, b] = rng.int(2) === 0 ? [longer, other] : [other, longer];
      const x = numberOf(rng, a);
      const y = numberOf(rng, b);
      return { input: `${String(x)}+${String(y)}`, output: String(x + y) };
    }
  }
}

/** How many distinct inputs the options can give (Infinity when past counting). */
function distinctInputs(o: Seq2SeqTaskOptions): number {
  if (o.kind === 'dates') return DATE_INPUTS;
  if (o.kind === 'add') {
    let n = 0;
    for (let d = o.minLength; d <= o.maxLength; d++) n += (d === 1 ? 10 : 9 * 10 ** (d - 1)) ** 2;
    return n;
  }
  let n = 0;
  for (let len = o.minLength; len <= o.maxLength; len++) n += TASK_LETTERS.length ** len;
  return n;
}

export function checkSeq2SeqOptions(o: Seq2SeqTaskOptions): void {
  if (!(SEQ2SEQ_TASKS as readonly string[]).includes(o.kind))
    throw new RangeError(`Unknown task "${String(o.kind)}".`);
  const whole = (v: number, lo: number, hi: number, what: string) => {
    if (!Number.isInteger(v) || v < lo || v > hi)
      throw new RangeError(`${what} must be a whole number from ${lo} to ${hi} (got ${v}).`);
  };
  whole(o.seed, 0, 2 ** 32 - 1, 'The seed');
  const most = o.kind === 'add' ? 9 : 40;
  whole(o.minLength, 1, most, 'The shortest input');
  whole(o.maxLength, o.minLength, most, 'The longest input');
  whole(o.trainSize, 1, 1_000_000, 'The number of training pairs');
  whole(o.validationSize, 1, 100_000, 'The number of held-out pairs');
  // Distinct inputs are drawn; ask for at most half of what exists, so drawing ends quickly.
  const room = distinctInputs(o);
  if (o.trainSize + o.validationSize > room / 2)
    throw new RangeError(
      `These lengths give only ${String(room)} different inputs: ask for at most ${String(Math.floor(room / 2))} pairs in all.`,
    );
}

/** The task's pairs: distinct inputs, the held-out ones drawn first. */
export function generateSeq2Seq(o: Seq2SeqTaskOptions): Seq2SeqData {
  checkSeq2SeqOptions(o);
  const rng = createRng(o.seed);
  const seen = new Set<string>();
  const take = (n: number): Seq2SeqExample[] => {
    const out: Seq2SeqExample[] = [];
    while (out.length < n) {
      const e = draw(o.kind, rng, o.minLength, o.maxLength);
      if (seen.has(e.input)) continue;
      seen.add(e.input);
      out.push(e);
    }
    return out;
  };
  const validation = take(o.validationSize);
  const train = take(o.trainSize);
  const { input, output } = charsOf(o.kind);
  return { kind: o.kind, train, validation, inputChars: input, outputChars: output };
}

function charsOf(kind: Seq2SeqTaskKind): { input: string[]; output: string[] } {
  switch (kind) {
    case 'dates':
      return { input: dateInputChars(), output: [...`${DIGITS}-`].sort() };
    case 'reverse':
    case 'sort':
      return { input: [...TASK_LETTERS], output: [...TASK_LETTERS] };
    case 'add':
      return { input: [...`${DIGITS}+`].sort(), output: [...DIGITS] };
  }
}

/** One "INPUT<TAB>OUTPUT" line. */
export function parseExampleLine(line: string): Seq2SeqExample {
  const parts = line.split('\t');
  if (parts.length !== 2)
    throw new RangeError('A pair is written "INPUT<TAB>OUTPUT", one tab between.');
  if (parts[0] === '') throw new RangeError('The input is empty.');
  return { input: parts[0]!, output: parts[1]! };
}
