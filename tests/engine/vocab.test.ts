import { Problem } from '../../src/engine/problem.ts';
import { describe, expect, it } from 'vitest';
import {
  VocabError,
  buildVocab,
  codePointLabel,
  decode,
  encode,
  encodeLenient,
  splitChars,
  vocabFromChars,
} from '../../src/engine/vocab.ts';

describe('splitChars', () => {
  it('splits into code points, not UTF-16 units', () => {
    expect('😀你a'.length).toBe(4);
    expect(splitChars('😀你a')).toEqual(['😀', '你', 'a']);
    expect(splitChars('')).toEqual([]);
  });
});

describe('buildVocab', () => {
  it('sorts the distinct characters by code point, like sorted(set(text))', () => {
    const v = buildVocab('😀你a😀a');
    expect(v.chars).toEqual(['a', '你', '😀']);
    expect(v.index.get('😀')).toBe(2);
    expect(v.index.size).toBe(3);
  });

  it('orders astral characters after U+E000–U+FFFF (UTF-16 order would not)', () => {
    // '😀' is U+1F600 but its first UTF-16 unit 0xD83D sorts before 'ｱ' (U+FF71) in a default sort.
    expect(['😀', 'ｱ'].sort()).toEqual(['😀', 'ｱ']);
    expect(buildVocab('😀ｱ').chars).toEqual(['ｱ', '😀']);
  });

  it('throws a VocabError naming the count and the cap when there are too many characters', () => {
    const text = String.fromCodePoint(...Array.from({ length: 5210 }, (_, i) => 0x4e00 + i));
    expect(() => buildVocab(text)).toThrow(VocabError);
    expect(() => buildVocab(text)).toThrow(
      'The text has 5,210 distinct characters; the limit is 4,096.',
    );
    expect(() => buildVocab('abc', 2)).toThrow(
      'The text has 3 distinct characters; the limit is 2.',
    );
    expect(buildVocab('abc', 3).chars).toEqual(['a', 'b', 'c']);
  });

  it('throws a VocabError for an empty text', () => {
    expect(() => buildVocab('')).toThrow(VocabError);
    expect(() => buildVocab('')).toThrow(/empty/);
  });
});

describe('encode / decode', () => {
  const vocab = buildVocab('hello, 世界 😀\n');

  it('round-trips, one id per code point', () => {
    const text = 'hello 😀\n世界';
    const ids = encode(text, vocab);
    expect(ids).toBeInstanceOf(Int32Array);
    expect(ids.length).toBe(splitChars(text).length);
    expect(decode(ids, vocab)).toBe(text);
    expect(Array.from(encode('😀h', vocab))).toEqual([vocab.index.get('😀'), vocab.index.get('h')]);
  });

  it('names an unknown character, its code and its position in code points', () => {
    expect(() => encode('😀hé', vocab)).toThrow(VocabError);
    expect(() => encode('😀hé', vocab)).toThrow(
      'The character "é" (U+00E9) at position 2 is not in the model\'s vocabulary.',
    );
    expect(() => encode('🙂', vocab)).toThrow(/"🙂" \(U\+1F642\) at position 0/);
    expect(() => encode('\t', vocab)).toThrow(/"\\t" \(U\+0009\)/);
  });

  it('encodes leniently with −1 and positions in code points', () => {
    const v = buildVocab('ay');
    const { ids, unknown } = encodeLenient('😀xa😀y', v);
    expect(Array.from(ids)).toEqual([-1, -1, 0, -1, 1]);
    // UTF-16 offsets would be 0, 2 and 4.
    expect(unknown).toEqual([
      { position: 0, char: '😀' },
      { position: 1, char: 'x' },
      { position: 3, char: '😀' },
    ]);
    expect(encodeLenient('ya', v)).toEqual({ ids: Int32Array.from([1, 0]), unknown: [] });
  });

  it('rejects ids outside the vocabulary when decoding', () => {
    expect(() => decode([0, -1], vocab)).toThrow(VocabError);
    expect(() => decode([0, -1], vocab)).toThrow(/Id -1 at position 1/);
    expect(() => decode(Int32Array.from([vocab.chars.length]), vocab)).toThrow(/outside/);
    expect(decode([], vocab)).toBe('');
  });
});

describe('vocabFromChars', () => {
  it('keeps the given order and indexes it', () => {
    const v = vocabFromChars(['b', '😀', 'a']);
    expect(v.chars).toEqual(['b', '😀', 'a']);
    expect(v.index.get('a')).toBe(2);
    expect(decode(encode('a😀b', v), v)).toBe('a😀b');
  });

  it('rejects entries that are not one code point, duplicates, and bad sizes', () => {
    expect(() => vocabFromChars(['a', 'bc'])).toThrow(/entry 1 \("bc"\) is not exactly one/);
    expect(() => vocabFromChars(['a', ''])).toThrow(VocabError);
    expect(() => vocabFromChars(['a', 'e\u0301'])).toThrow(/entry 1/);
    expect(() => vocabFromChars(['a', 'b', 'a'])).toThrow(
      'Vocabulary entry 2 repeats the character "a" (U+0061).',
    );
    expect(() => vocabFromChars([])).toThrow(VocabError);
    expect(() => vocabFromChars(['a', 'b', 'c'], 2)).toThrow(/3 characters; the limit is 2/);
  });
});

describe('VocabError', () => {
  it('is a Problem with its own name, code and values', () => {
    const e = new VocabError('vocab.tooMany', { size: '5,000', limit: '4,096' });
    expect(e).toBeInstanceOf(Problem);
    expect(e.name).toBe('VocabError');
    expect(e.code).toBe('vocab.tooMany');
    expect(e.message).toBe('The vocabulary has 5,000 characters; the limit is 4,096.');
    expect(codePointLabel('😀')).toBe('U+1F600');
    expect(codePointLabel('a')).toBe('U+0061');
  });
});
