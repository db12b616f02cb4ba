// Parameter budgets: the hidden size that gives a model about the parameter count of another, so
// two architectures can be compared fairly (the races of race.ts and copyRaceSpec.ts).

import { parametersOf, type ModelConfig } from './model.ts';

/**
 * The hidden size (1…maxHidden) whose model has the parameter count closest to `target`
 * (the smaller size on a tie).
 */
export function hiddenSizeFor(config: ModelConfig, target: number, maxHidden = 512): number {
  let best = 1;
  let bestGap = Infinity;
  for (let H = 1; H <= maxHidden; H++) {
    const gap = Math.abs(parametersOf({ ...config, hiddenSize: H }) - target);
    if (gap < bestGap) {
      best = H;
      bestGap = gap;
    }
  }
  return best;
}
