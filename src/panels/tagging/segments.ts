// How a tagged sample reads: for the spaces task, the characters with a space after every
// predicted word end, and each mistake as its own piece (a word end missed, a space put where
// none belongs); for the future task, each predicted letter, right or wrong. Pure, for the
// Sample section and its tests.
import type { TagSample } from '../../engine/tagRace';

export type PieceKind = 'text' | 'space' | 'missed' | 'extra' | 'right' | 'wrong' | 'unscored';

export interface Piece {
  readonly kind: PieceKind;
  readonly text: string;
}

export interface SampleCounts {
  right: number;
  scored: number;
  /** Word ends the model did not tag. */
  missed: number;
  /** Word ends the model tagged where there is none. */
  extra: number;
}

/** The spaces task's sample as racer `k` restores it, with its mistakes and counts. */
export function spacesPieces(
  sample: TagSample,
  k: number,
): { pieces: Piece[]; counts: SampleCounts } {
  const predicted = sample.predicted[k]!;
  const pieces: Piece[] = [];
  const counts: SampleCounts = { right: 0, scored: 0, missed: 0, extra: 0 };
  let run = '';
  const flush = () => {
    if (run !== '') pieces.push({ kind: 'text', text: run });
    run = '';
  };
  sample.chars.forEach((c, i) => {
    run += c;
    const truth = sample.truth[i]!;
    const guess = predicted[i]!;
    if (truth >= 0) {
      counts.scored++;
      if (guess === truth) counts.right++;
    }
    if (guess === 1 && truth === 1) run += ' ';
    else if (guess === 1 && truth !== 1) {
      flush();
      pieces.push({ kind: 'extra', text: ' ' });
      if (truth === 0) counts.extra++;
    } else if (guess !== 1 && truth === 1) {
      flush();
      pieces.push({ kind: 'missed', text: ' ' });
      counts.missed++;
    }
  });
  flush();
  return { pieces, counts };
}

/** The future task's sample: racer `k`'s letter at each position, right, wrong or not scored. */
export function futurePieces(
  sample: TagSample,
  k: number,
  letters: readonly string[],
  max: number,
): { pieces: Piece[]; counts: SampleCounts } {
  const predicted = sample.predicted[k]!;
  const counts: SampleCounts = { right: 0, scored: 0, missed: 0, extra: 0 };
  const n = Math.min(max, sample.chars.length);
  const pieces: Piece[] = [];
  for (let i = 0; i < n; i++) {
    const truth = sample.truth[i]!;
    const text = letters[predicted[i]!] ?? '?';
    if (truth < 0) {
      pieces.push({ kind: 'unscored', text });
      continue;
    }
    counts.scored++;
    if (predicted[i] === truth) counts.right++;
    pieces.push({ kind: predicted[i] === truth ? 'right' : 'wrong', text });
  }
  return { pieces, counts };
}
