// The future task: random letters, each tagged with the letter k steps ahead. Only the future
// decides the answer, so a forward RNN stays at chance (1 / A) while a backward (or bidirectional)
// one solves it: the one-slider demonstration of why a tagger reads both ways. The last k
// positions of a window have no answer inside it and are not scored.

import { Problem } from '../problem.ts';
import { createRng } from '../rng.ts';
import { vocabFromChars } from '../vocab.ts';
import { createTagTask, type Tagged, type TagTask } from './tagging.ts';

export const FUTURE_LETTERS = 'abcd';

/**
 * Letters of an alphabet of A, and tag_t = letter_{t+k} (reach k: inside a window only the
 * positions whose answer is in the window are scored, so every answer is visible to a model that
 * reads the window).
 */
export function futureData(n: number, k: number, seed: number): Tagged {
  const A = FUTURE_LETTERS.length;
  const rng = createRng(seed);
  const ids = new Int32Array(n).map(() => rng.int(A));
  const tags = new Int32Array(n).fill(-1);
  for (let t = 0; t + k < n; t++) tags[t] = ids[t + k]!;
  return { ids, tags, reach: k };
}

/** The task with lookahead k (0–20). */
export function createFutureTask(k: number, seed = 1, n = 40_000): TagTask {
  if (!Number.isInteger(k) || k < 0 || k > 20)
    throw new Problem('run.lookahead', { min: 0, max: 20, got: String(k) });
  const vocab = vocabFromChars([...FUTURE_LETTERS]);
  return createTagTask({
    kind: 'future',
    name: `future${k}`,
    vocab,
    classes: [...FUTURE_LETTERS],
    data: futureData(n, k, seed),
    render: (chars, predicted) =>
      `${chars.join('')}\n${Array.from(predicted, (c) => FUTURE_LETTERS[c]).join('')}`,
  });
}
