// The character vocabulary: Unicode code points (not UTF-16 units), so "😀" and "你" are one character.
// chars = sorted(set(text)) ordered by code point, as in Python; encode maps a character to its index
// in chars, decode maps back. Positions reported to the UI are counted in code points.

import { grouped, Problem } from './problem.ts';

/** A vocabulary problem the user can act on (too many characters, empty text, bad model file). */
export class VocabError extends Problem {}

export interface Vocab {
  /** The characters, one code point each, sorted by code point; id = index in this list. */
  readonly chars: readonly string[];
  /** Character → id. */
  readonly index: ReadonlyMap<string, number>;
}

/** Largest vocabulary accepted by default. */
export const DEFAULT_VOCAB_CAP = 4096;

/** Splits text into code points (a surrogate pair is one character; a lone surrogate is one too). */
export function splitChars(text: string): string[] {
  return Array.from(text);
}

/** "U+00E9", "U+1F600": the code point in the usual notation (at least 4 hex digits). */
export function codePointLabel(char: string): string {
  const cp = char.codePointAt(0) ?? 0;
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The character and its code point, e.g. `"é" (U+00E9)`; JSON quoting makes controls visible. */
function describeChar(char: string): string {
  return `${JSON.stringify(char)} (${codePointLabel(char)})`;
}

function byCodePoint(a: string, b: string): number {
  return a.codePointAt(0)! - b.codePointAt(0)!;
}

function makeVocab(chars: string[]): Vocab {
  const index = new Map<string, number>();
  chars.forEach((c, i) => index.set(c, i));
  return { chars: Object.freeze(chars), index };
}

/**
 * The vocabulary of a text: its distinct code points sorted by code point (Python's
 * `sorted(set(text))`). Throws VocabError for an empty text or more than `cap` distinct characters.
 */
export function buildVocab(text: string, cap = DEFAULT_VOCAB_CAP): Vocab {
  if (text.length === 0) {
    throw new VocabError('vocab.emptyText');
  }
  const seen = new Set<string>();
  for (const c of text) seen.add(c);
  if (seen.size > cap) {
    throw new VocabError('vocab.tooManyInText', {
      distinct: grouped(seen.size),
      limit: grouped(cap),
    });
  }
  return makeVocab([...seen].sort(byCodePoint));
}

/**
 * Validates a stored character list (e.g. from a model file) and builds its vocabulary, keeping the
 * given order (ids are positions in the list). Each entry must be exactly one code point, with no
 * duplicates, and 1 ≤ length ≤ cap.
 */
export function vocabFromChars(chars: readonly string[], cap = DEFAULT_VOCAB_CAP): Vocab {
  if (chars.length === 0) throw new VocabError('vocab.empty');
  if (chars.length > cap) {
    throw new VocabError('vocab.tooMany', { size: grouped(chars.length), limit: grouped(cap) });
  }
  const seen = new Set<string>();
  chars.forEach((c, i) => {
    if (typeof c !== 'string' || Array.from(c).length !== 1) {
      throw new VocabError('vocab.notOneChar', { index: i, entry: JSON.stringify(c) });
    }
    if (seen.has(c)) {
      throw new VocabError('vocab.repeats', { index: i, char: describeChar(c) });
    }
    seen.add(c);
  });
  return makeVocab([...chars]);
}

/**
 * Text → ids [number of code points]. Throws VocabError naming the first character that is not in
 * the vocabulary, its U+XXXX code and its position (in code points).
 */
export function encode(text: string, vocab: Vocab): Int32Array {
  const ids = new Int32Array(text.length); // UTF-16 length ≥ code point count
  let n = 0;
  for (const c of text) {
    const id = vocab.index.get(c);
    if (id === undefined) {
      throw new VocabError('vocab.unknownChar', { char: describeChar(c), position: n });
    }
    ids[n++] = id;
  }
  return ids.slice(0, n);
}

/**
 * Text → ids [number of code points] with −1 for characters outside the vocabulary, listed in
 * `unknown` with their positions in code points (so the UI can mark them rather than drop them).
 */
export function encodeLenient(
  text: string,
  vocab: Vocab,
): { ids: Int32Array; unknown: { position: number; char: string }[] } {
  const ids = new Int32Array(text.length);
  const unknown: { position: number; char: string }[] = [];
  let n = 0;
  for (const c of text) {
    const id = vocab.index.get(c);
    if (id === undefined) unknown.push({ position: n, char: c });
    ids[n++] = id ?? -1;
  }
  return { ids: ids.slice(0, n), unknown };
}

/** Ids → text. Throws VocabError for an id outside [0, vocabulary size) (including −1). */
export function decode(ids: ArrayLike<number>, vocab: Vocab): string {
  const { chars } = vocab;
  let s = '';
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    const c = chars[id];
    if (c === undefined || !Number.isInteger(id)) {
      throw new VocabError('vocab.idOutside', { id, position: i, size: chars.length });
    }
    s += c;
  }
  return s;
}
