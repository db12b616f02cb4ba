// The labels of a decoding's output steps: the characters written, then the end mark when the
// decoder wrote it (its last step).
import type { AttentionDecoded } from '../../store/attention';

/** How the end mark is shown as an output step. */
export const END_MARK = '⏎';

export function outputLabels(decoded: Pick<AttentionDecoded, 'output' | 'T'>): string[] {
  const chars = Array.from(decoded.output);
  return decoded.T > chars.length ? [...chars, END_MARK] : chars;
}
