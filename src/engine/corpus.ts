// Checks a training text before anything uses it, with messages a learner can act on:
// empty, too small, binary, too long, too few or too many distinct characters.

import { buildVocab, type Vocab } from './vocab.ts';
import { grouped, Problem } from './problem.ts';

/** A text that cannot be trained on, with the reason (a `text.*` or `vocab.*` problem). */
export class CorpusError extends Problem {}

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
    throw new CorpusError('text.empty');
  }
  if (text.length > maxChars) {
    throw new CorpusError('text.tooLong', {
      length: grouped(text.length),
      limit: grouped(maxChars),
    });
  }
  let control = 0;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === 0) throw new CorpusError('text.nul');
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0xfffd) control++;
  }
  if (control > 0.01 * text.length + 2) {
    throw new CorpusError('text.control', { control });
  }
  let vocab: Vocab;
  try {
    vocab = buildVocab(text);
  } catch (e) {
    if (e instanceof Problem) throw new CorpusError(e.code, e.vars);
    throw e;
  }
  if (vocab.chars.length < 2) {
    throw new CorpusError('text.oneChar');
  }
  const length = Array.from(text).length;
  if (length < minChars) {
    throw new CorpusError('text.tooShort', { length, min: minChars });
  }
  return { text, vocab, length };
}
