// Independent windows for the tasks that do not carry a state (taggers, series): B streams over
// `usable` positions, each the b-th of B equal parts, T positions per window, wrapping to its start.
// A window starts from a zero state (reset = true), so nothing crosses its edges.

import { Problem } from '../problem.ts';
import type { Batch } from '../network.ts';
import type { BatchSource } from '../trainer.ts';

/**
 * A batch source of windows: `fill(start, B, T)` makes the batch whose stream b starts at
 * position start(b). B is reduced when the positions cannot give every stream a window.
 */
export function windowBatches(
  usable: number,
  batchSize: number,
  T: number,
  fill: (start: (b: number) => number, B: number, T: number) => Batch,
): BatchSource {
  const B = Math.max(1, Math.min(batchSize, Math.floor(usable / T)));
  const part = Math.floor(usable / B);
  if (part < T) throw new Problem('text.tooLittleForWindows', { steps: T, positions: usable });
  const chunks = Math.floor(part / T);
  let served = 0;
  return {
    get epoch() {
      return served / chunks;
    },
    next() {
      const s = (served % chunks) * T;
      served++;
      return { batch: fill((b) => b * part + s, B, T), reset: true };
    },
  };
}
