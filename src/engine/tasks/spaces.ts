// Put the spaces back: a text with its spaces removed, each character tagged "a word ends here"
// or not. Where a word ends depends on the letters that follow, so reading both ways should win
// clearly (the tagging lesson). Any run of white space counts as one boundary; the checked text
// (corpus.ts) must hold at least a few words.

import { Problem } from '../problem.ts';
import { checkCorpus } from '../corpus.ts';
import { buildVocab, encode } from '../vocab.ts';
import { createTagTask, type TagTask } from './tagging.ts';

export const SPACE_CLASSES = ['inside', 'word end'] as const;

/** The text's words, joined without spaces, and tag 1 on the last character of each word. */
export function removeSpaces(text: string): { chars: string; ends: Int32Array } {
  const words = text.split(/\s+/).filter((w) => w.length > 0);
  const ends: number[] = [];
  for (const w of words) {
    const n = Array.from(w).length;
    for (let k = 0; k < n; k++) ends.push(k === n - 1 ? 1 : 0);
  }
  return { chars: words.join(''), ends: Int32Array.from(ends) };
}

/** The characters with a space after every predicted word end (as the sample shows it). */
export function restoreSpaces(chars: readonly string[], predicted: Int32Array): string {
  return chars.map((c, k) => (predicted[k] === 1 ? `${c} ` : c)).join('');
}

export function createSpacesTask(name: string, text: string, valFraction = 0.1): TagTask {
  checkCorpus(text);
  const { chars, ends } = removeSpaces(text);
  if (ends.length < 200) throw new Problem('text.fewWords');
  const vocab = buildVocab(chars);
  return createTagTask({
    kind: 'spaces',
    name,
    vocab,
    classes: SPACE_CLASSES,
    data: { ids: encode(chars, vocab), tags: ends },
    valFraction,
    positive: 1,
    render: restoreSpaces,
  });
}
