// Generated sequence-to-sequence tasks for the encoder–decoder with attention, each with the
// attention pattern it should learn (beyond-characters.md §4): dates → ISO (the year's digits
// attend to the year), reversal (the anti-diagonal), sorting letters (each output to its letter),
// addition (right to left with carries). Inputs are distinct; validation inputs are never in train.

import { Problem } from '../problem.ts';
import { createRng, type Rng } from '../rng.ts';
import { DATE_OUTPUT_CHARS, dateInputChars, distinctDateInputs, drawDate } from './dates.ts';

export const SEQ2SEQ_TASKS = ['dates', 'reverse', 'sort', 'add'] as const;
export type Seq2SeqTaskKind = (typeof SEQ2SEQ_TASKS)[number];

export interface Seq2SeqExample {
  readonly input: string;
  readonly output: string;
}

export interface Seq2SeqTaskOptions {
  readonly kind: Seq2SeqTaskKind;
  readonly seed: number;
  /** Input length range in characters for reverse/sort (letters a–z), digits per number for add; ignored by dates. */
  readonly minLength: number;
  readonly maxLength: number;
  readonly trainSize: number;
  readonly validationSize: number;
}

export interface Seq2SeqData {
  readonly kind: Seq2SeqTaskKind;
  readonly train: readonly Seq2SeqExample[];
  /** No input here is also in train. */
  readonly validation: readonly Seq2SeqExample[];
  /** Characters of every input / output, sorted, deterministic for the options (not from the sample drawn). */
  readonly inputChars: readonly string[];
  readonly outputChars: readonly string[];
}

/** Options a task cannot be generated with, and why (a `seq2seqTask.*` problem). */
export class Seq2SeqTaskError extends Problem {}

/** A pair that cannot be read or encoded, and why (a `pairs.*` problem). */
export class PairError extends Problem {}

/** What a task's length counts. */
export type Seq2SeqLengthUnit = 'letters' | 'digits';

/** Most examples (train + validation) one call generates. */
export const SEQ2SEQ_MAX_EXAMPLES = 1_000_000;

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const DIGITS = '0123456789';

/** One task: everything else in this file is derived from this table. */
interface TaskSpec {
  readonly name: string;
  readonly example: Seq2SeqExample;
  readonly defaults: Omit<Seq2SeqTaskOptions, 'kind' | 'seed'>;
  /** Largest maxLength allowed, and what a length counts; null when lengths are ignored. */
  readonly lengths: { readonly max: number; readonly unit: Seq2SeqLengthUnit } | null;
  /** How many distinct inputs the options allow (may be astronomically large: only compared). */
  distinct(o: Seq2SeqTaskOptions): number;
  /** One example drawn with rng (inputs may repeat; the caller keeps distinct ones). */
  draw(o: Seq2SeqTaskOptions, rng: Rng): Seq2SeqExample;
  readonly inputChars: readonly string[];
  readonly outputChars: readonly string[];
}

/** Letters a–z, length uniform in [minLength, maxLength]. */
function drawLetters(o: Seq2SeqTaskOptions, rng: Rng): string {
  const n = o.minLength + rng.int(o.maxLength - o.minLength + 1);
  let s = '';
  for (let i = 0; i < n; i++) s += LETTERS[rng.int(26)];
  return s;
}

/** Σ 26^L over L in [minLength, maxLength]. */
function distinctLetterStrings(o: Seq2SeqTaskOptions): number {
  let n = 0;
  for (let L = o.minLength; L <= o.maxLength; L++) n += 26 ** L;
  return n;
}

/** A non-negative integer of exactly `digits` digits, as a string (0–9 for one digit). */
function drawNumber(digits: number, rng: Rng): string {
  let s = digits === 1 ? DIGITS[rng.int(10)]! : DIGITS[1 + rng.int(9)]!;
  for (let i = 1; i < digits; i++) s += DIGITS[rng.int(10)];
  return s;
}

/** Schoolbook addition of two digit strings, right to left with a carry (no size limit). */
export function addDigits(a: string, b: string): string {
  let sum = '';
  let carry = 0;
  for (let i = a.length - 1, j = b.length - 1; i >= 0 || j >= 0 || carry > 0; i--, j--) {
    const d = (i >= 0 ? a.charCodeAt(i) - 48 : 0) + (j >= 0 ? b.charCodeAt(j) - 48 : 0) + carry;
    sum = String(d % 10) + sum;
    carry = d >= 10 ? 1 : 0;
  }
  return sum;
}

const sortedLetters = (s: string): string => [...s].sort().join('');
const reversed = (s: string): string => [...s].reverse().join('');

const SPECS: Record<Seq2SeqTaskKind, TaskSpec> = {
  dates: {
    name: 'Dates',
    example: { input: '27 November 2026', output: '2026-11-27' },
    // Lengths are ignored: each format fixes its own.
    defaults: { minLength: 0, maxLength: 0, trainSize: 20_000, validationSize: 1_000 },
    lengths: null,
    distinct: () => distinctDateInputs(),
    draw: (_o, rng) => drawDate(rng),
    inputChars: dateInputChars(),
    outputChars: DATE_OUTPUT_CHARS,
  },
  reverse: {
    name: 'Reverse',
    example: { input: 'attention', output: 'noitnetta' },
    defaults: { minLength: 3, maxLength: 12, trainSize: 20_000, validationSize: 1_000 },
    lengths: { max: 64, unit: 'letters' },
    distinct: distinctLetterStrings,
    draw: (o, rng) => {
      const input = drawLetters(o, rng);
      return { input, output: reversed(input) };
    },
    inputChars: [...LETTERS],
    outputChars: [...LETTERS],
  },
  sort: {
    name: 'Sort',
    example: { input: 'encoder', output: 'cdeenor' },
    defaults: { minLength: 3, maxLength: 12, trainSize: 20_000, validationSize: 1_000 },
    lengths: { max: 64, unit: 'letters' },
    distinct: distinctLetterStrings,
    draw: (o, rng) => {
      const input = drawLetters(o, rng);
      return { input, output: sortedLetters(input) };
    },
    inputChars: [...LETTERS],
    outputChars: [...LETTERS],
  },
  add: {
    name: 'Addition',
    example: { input: '123+45', output: '168' },
    defaults: { minLength: 1, maxLength: 5, trainSize: 20_000, validationSize: 1_000 },
    lengths: { max: 20, unit: 'digits' },
    // Pairs of numbers of at most maxLength digits (10^maxLength each) less the pairs where both
    // have fewer than minLength digits.
    distinct: (o) =>
      10 ** (2 * o.maxLength) - (o.minLength > 1 ? 10 ** (2 * (o.minLength - 1)) : 0),
    draw: (o, rng) => {
      // Digits of each number uniform in [1, maxLength], the longer one at least minLength.
      let da: number;
      let db: number;
      do {
        da = 1 + rng.int(o.maxLength);
        db = 1 + rng.int(o.maxLength);
      } while (Math.max(da, db) < o.minLength);
      const a = drawNumber(da, rng);
      const b = drawNumber(db, rng);
      return { input: `${a}+${b}`, output: addDigits(a, b) };
    },
    inputChars: [...DIGITS, '+'],
    outputChars: [...DIGITS],
  },
};

export const SEQ2SEQ_DEFAULTS = Object.fromEntries(
  SEQ2SEQ_TASKS.map((k) => [k, SPECS[k].defaults]),
) as Record<Seq2SeqTaskKind, Omit<Seq2SeqTaskOptions, 'kind' | 'seed'>>;

/** Each task's longest allowed length and what a length counts, or null when it has none. */
export const SEQ2SEQ_LENGTHS = Object.fromEntries(
  SEQ2SEQ_TASKS.map((k) => [k, SPECS[k].lengths]),
) as Record<Seq2SeqTaskKind, { readonly max: number; readonly unit: Seq2SeqLengthUnit } | null>;

/** Human-readable description of each task for menus ("Dates: 27 November 2026 → 2026-11-27", …). */
export const SEQ2SEQ_LABELS = Object.fromEntries(
  SEQ2SEQ_TASKS.map((k) => {
    const { name, example } = SPECS[k];
    return [k, { label: `${name}: ${example.input} → ${example.output}`, example }];
  }),
) as Record<Seq2SeqTaskKind, { label: string; example: Seq2SeqExample }>;

/** 5210 → "5,210"; astronomically large counts in exponent form. */
function formatCount(n: number): string {
  if (n >= 1e15) return n.toExponential(2);
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * Checks options (integers, ranges, sizes small enough for the number of distinct inputs),
 * throwing a Seq2SeqTaskError with a clear message. Train plus validation may use at most half the
 * distinct inputs, so drawing without repeats stays fast and some inputs are never seen.
 */
export function checkSeq2SeqOptions(o: Seq2SeqTaskOptions): void {
  if (!(SEQ2SEQ_TASKS as readonly string[]).includes(o.kind)) {
    throw new Seq2SeqTaskError('seq2seqTask.unknown', {
      task: String(o.kind),
      tasks: SEQ2SEQ_TASKS.join(', '),
    });
  }
  const task = o.kind;
  const whole = (option: string, v: number, lo: number, hi: number) => {
    if (!Number.isInteger(v) || v < lo || v > hi) {
      throw new Seq2SeqTaskError('seq2seqTask.wholeNumber', {
        task,
        option,
        lo: formatCount(lo),
        hi: formatCount(hi),
        value: String(v),
      });
    }
  };
  const spec = SPECS[o.kind];
  whole('seed', o.seed, 0, 0xffff_ffff);
  whole('trainSize', o.trainSize, 1, SEQ2SEQ_MAX_EXAMPLES);
  whole('validationSize', o.validationSize, 0, SEQ2SEQ_MAX_EXAMPLES);
  if (spec.lengths !== null) {
    whole('maxLength', o.maxLength, 1, spec.lengths.max);
    whole('minLength', o.minLength, 1, o.maxLength);
  }
  const total = o.trainSize + o.validationSize;
  if (total > SEQ2SEQ_MAX_EXAMPLES) {
    throw new Seq2SeqTaskError('seq2seqTask.tooMany', {
      task,
      total: formatCount(total),
      limit: formatCount(SEQ2SEQ_MAX_EXAMPLES),
    });
  }
  const distinct = spec.distinct(o);
  if (total > distinct / 2) {
    const counts = { task, total: formatCount(total), distinct: formatCount(distinct) };
    if (spec.lengths === null) throw new Seq2SeqTaskError('seq2seqTask.moreThanHalf', counts);
    const code =
      spec.lengths.unit === 'letters'
        ? 'seq2seqTask.moreThanHalfLetters'
        : 'seq2seqTask.moreThanHalfDigits';
    throw new Seq2SeqTaskError(code, { ...counts, min: o.minLength, max: o.maxLength });
  }
}

/**
 * Generates a task's examples: trainSize + validationSize distinct inputs drawn with a seeded Rng
 * (same options, same data), the first trainSize for training and the rest for validation.
 * Throws Seq2SeqTaskError for invalid options (see checkSeq2SeqOptions).
 */
export function generateSeq2Seq(options: Seq2SeqTaskOptions): Seq2SeqData {
  checkSeq2SeqOptions(options);
  const spec = SPECS[options.kind];
  const rng = createRng(options.seed);
  const total = options.trainSize + options.validationSize;
  const seen = new Set<string>();
  const examples: Seq2SeqExample[] = [];
  while (examples.length < total) {
    const example = spec.draw(options, rng);
    if (seen.has(example.input)) continue;
    seen.add(example.input);
    examples.push(example);
  }
  return {
    kind: options.kind,
    train: examples.slice(0, options.trainSize),
    validation: examples.slice(options.trainSize),
    inputChars: [...spec.inputChars].sort(),
    outputChars: [...spec.outputChars].sort(),
  };
}

/**
 * Parses one "INPUT<TAB>OUTPUT" line (for the command line); a trailing "\r" (Windows line ends)
 * is dropped. Throws a PairError unless the line has exactly one tab and text on both sides.
 */
export function parseExampleLine(line: string): Seq2SeqExample {
  const text = line.endsWith('\r') ? line.slice(0, -1) : line;
  const parts = text.split('\t');
  const quoted = JSON.stringify(line);
  if (parts.length !== 2) {
    throw new PairError('pairs.tabs', { tabs: parts.length - 1, line: quoted });
  }
  const [input, output] = parts as [string, string];
  if (input.length === 0) throw new PairError('pairs.inputEmptyIn', { line: quoted });
  if (output.length === 0) throw new PairError('pairs.outputEmptyIn', { line: quoted });
  return { input, output };
}
