// checkCorpus: the checks every training text passes before the engine uses it, each with the
// message a learner sees: empty, too long, binary (NUL bytes; control codes or U+FFFD), too many
// or only one distinct character, too short; and what a good text gives back.
import { describe, expect, it } from 'vitest';
import { CorpusError, MAX_CORPUS_CHARS, checkCorpus } from '../../src/engine/corpus.ts';

/** A plain text of exactly n UTF-16 units with 27 distinct characters. */
function plain(n: number): string {
  const line = 'the quick brown fox jumps over the lazy dog\n';
  return line.repeat(Math.ceil(n / line.length)).slice(0, n);
}

/** The message checkCorpus throws for `text` (failing the test when it accepts it). */
function rejection(text: string, opts?: { maxChars?: number; minChars?: number }): string {
  try {
    checkCorpus(text, opts);
  } catch (error) {
    expect(error).toBeInstanceOf(CorpusError);
    expect((error as CorpusError).name).toBe('CorpusError');
    return (error as CorpusError).message;
  }
  throw new Error('checkCorpus accepted the text');
}

const EMPTY = 'The text is empty. Paste or upload some text to learn from.';
const NUL = 'This looks like a binary file (it contains NUL bytes), not text.';
const ONE_CHAR =
  'The text has only one distinct character; a model needs at least two to learn anything.';

describe('checkCorpus rejects', () => {
  it.each([
    ['nothing', ''],
    ['spaces', '     '],
    ['whitespace of every kind', ' \n\t\r\n \u00a0\u3000'],
  ])('an empty text: %s', (_what, text) => {
    expect(rejection(text)).toBe(EMPTY);
  });

  it('a text longer than the limit, counted in UTF-16 units', () => {
    expect(MAX_CORPUS_CHARS).toBe(5_000_000);
    expect(rejection(plain(5_000_001))).toBe(
      'The text is too long: 5,000,001 characters; the limit is 5,000,000.',
    );
    // 2,500,001 emoji are 5,000,002 UTF-16 units.
    expect(rejection('😀'.repeat(2_500_001))).toBe(
      'The text is too long: 5,000,002 characters; the limit is 5,000,000.',
    );
    expect(rejection(plain(11), { maxChars: 10 })).toBe(
      'The text is too long: 11 characters; the limit is 10.',
    );
  });

  it('binary data with a NUL byte anywhere', () => {
    expect(rejection(`\u0000${plain(500)}`)).toBe(NUL);
    expect(rejection(`${plain(500)}\u0000`)).toBe(NUL);
    // The first bytes of a PNG file, read as Latin-1 by a lenient reader.
    const png = String.fromCharCode(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13);
    expect(rejection(png.repeat(20))).toBe(NUL);
  });

  it('binary data decoded leniently: more than 1% + 2 control codes or U+FFFD', () => {
    // 200 characters: up to 0.01·200 + 2 = 4 are tolerated.
    const text = (bad: string) => `${bad}${plain(200 - bad.length)}`;
    expect(rejection(text('\ufffd'.repeat(5)))).toBe(
      'This looks like a binary file, not text: 5 of its characters are control codes or undecodable bytes.',
    );
    expect(rejection(text('\u0001\u0002\u001b\u007f\u0003\ufffd'))).toBe(
      'This looks like a binary file, not text: 5 of its characters are control codes or undecodable bytes.',
    );
    // What TextDecoder (not fatal) makes of invalid UTF-8: one U+FFFD per bad byte.
    const decoded = new TextDecoder().decode(
      Uint8Array.from({ length: 300 }, (_, k) => 128 + (k % 64)),
    );
    expect(rejection(decoded)).toBe(
      'This looks like a binary file, not text: 300 of its characters are control codes or undecodable bytes.',
    );
  });

  it('more distinct characters than the vocabulary holds', () => {
    const chars = Array.from({ length: 4097 }, (_, k) => String.fromCodePoint(0x4e00 + k));
    expect(rejection(chars.join(''))).toBe(
      'The text has 4,097 distinct characters; the limit is 4,096.',
    );
  });

  it.each([
    ['a letter', 'a'.repeat(1000)],
    ['an emoji', '🙂'.repeat(1000)],
    ['a letter, even when short', 'a'.repeat(5)],
  ])('a single repeated character: %s', (_what, text) => {
    expect(rejection(text)).toBe(ONE_CHAR);
  });

  it('a text shorter than 100 characters, counted in code points', () => {
    expect(rejection(plain(99))).toBe('The text is too short: 99 characters; give at least 100.');
    // 99 code points (an emoji is one), 100 UTF-16 units.
    expect(rejection(`😀${plain(98)}`)).toBe(
      'The text is too short: 99 characters; give at least 100.',
    );
    expect(rejection(plain(20), { minChars: 21 })).toBe(
      'The text is too short: 20 characters; give at least 21.',
    );
  });
});

describe('checkCorpus accepts', () => {
  it('a good text, with its sorted vocabulary and its length in code points', () => {
    const text = `${plain(150)}Ünïcode 唐詩 😀`;
    const checked = checkCorpus(text);
    expect(checked.text).toBe(text);
    expect(checked.length).toBe(150 + 12); // "Ünïcode 唐詩 😀" is 12 code points
    expect(checked.vocab.chars).toEqual(
      [...new Set(text)].sort((a, b) => a.codePointAt(0)! - b.codePointAt(0)!),
    );
    expect(checked.vocab.chars).toContain('😀');
    expect(checked.vocab.chars[0]).toBe('\n');
  });

  it('texts at the limits: 5,000,000 units, 100 code points, 4 stray bytes in 200', () => {
    expect(checkCorpus(plain(5_000_000)).length).toBe(5_000_000);
    expect(checkCorpus(plain(100)).length).toBe(100);
    expect(checkCorpus(`${'\ufffd'.repeat(4)}${plain(196)}`).length).toBe(200);
    expect(checkCorpus('ab'.repeat(50)).vocab.chars).toEqual(['a', 'b']);
  });

  it('tabs, newlines and carriage returns as ordinary characters', () => {
    const text = 'col\tcol\r\n'.repeat(30);
    expect(checkCorpus(text).vocab.chars).toEqual(['\t', '\n', '\r', 'c', 'l', 'o']);
  });
});
