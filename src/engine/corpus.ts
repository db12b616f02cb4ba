// Checks a training text before anything uses it, with messages a learner can act on:
// empty, too small, binary, too long, too few or too many distinct characters.

import { buildVocab, type Vocab } from './vocab.ts';

export class CorpusError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CorpusError';
  }
}

/** Largest text accepted (in UTF-16 units, about the size in characters). */
export const MAX_CORPUS_CHARS = 5_000_000;

export interface CheckedCorpus {
  readonly text: string;
  readonly vocab: Vocab;
  /** Length in code points. */
  readonly length: number;
}

/** Validates a text for training and builds its vocabulary. Throws CorpusError. */
export function checkCorpus(
  text: string,
  opts: { maxChars?: number; minChars?: number } = {},
): CheckedCorpus {
  const maxChars = opts.maxChars ?? MAX_CORPUS_CHARS;
  const minChars = opts.minChars ?? 100;
  if (text.length === 0 || text.trim().length === 0) {
    throw new CorpusError('The text is empty. Paste or upload some text to learn from.');
  }
  if (text.length > maxChars) {
    throw new CorpusError(
      `The text is too long: ${text.length.toLocaleString('en-US')} characters; the limit is ${maxChars.toLocaleString('en-US')}.`,
    );
  }
  let control = 0;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === 0)
      throw new CorpusError('This looks like a binary file (it contains NUL bytes), not text.');
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0xfffd) control++;
  }
  if (control > 0.01 * text.length + 2) {
    throw new CorpusError(
      `This looks like a binary file, not text: ${control} of its characters are control codes or undecodable bytes.`,
    );
  }
  let vocab: Vocab;
  try {
    vocab = buildVocab(text);
  } catch (e) {
    throw new CorpusError((e as Error).message);
  }
  if (vocab.chars.length < 2) {
    throw new CorpusError(
      'The text has only one distinct character; a model needs at least two to learn anything.',
    );
  }
  const length = Array.from(text).length;
  if (length < minChars) {
    throw new CorpusError(
      `The text is too short: ${length} characters; give at least ${minChars}.`,
    );
  }
  return { text, vocab, length };
}
