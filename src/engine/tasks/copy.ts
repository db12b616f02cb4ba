// The copy task: lines of a letter, K fillers and the same letter again ("a.........a\n"). Only the
// last letter of a line needs memory, K + 1 steps back, so it is where vanilla RNNs fail and gated
// cells succeed. A character task with one more metric: the accuracy at the recall position.

import { finalState, type StackState } from '../bptt.ts';
import type { Model } from '../model.ts';
import { Problem } from '../problem.ts';
import { forwardModel } from '../network.ts';
import { createCharTask, type CharTask } from './chars.ts';
import { COPY_FILLER, COPY_LETTERS, copyDelay, taskText, type TaskId } from './generated.ts';
import type { Metric } from './task.ts';

/** A copy task over the generated text `copy{K}`. */
export function createCopyTask(id: TaskId): CharTask {
  const K = copyDelay(id);
  if (K === null) throw new Problem('run.notCopyTask', { name: id });
  const base = createCharTask(id, taskText(id));
  const filler = base.vocab.index.get(COPY_FILLER)!;
  const newline = base.vocab.index.get('\n')!;
  return {
    ...base,
    kind: 'copy',
    metrics(model: Model, maxPositions: number): Metric[] {
      const value = recallAccuracy(model, base.val, maxPositions, (cur, next) => {
        return cur === filler && next !== filler && next !== newline;
      });
      const chance = 1 / COPY_LETTERS.length;
      return [{ key: 'recall', label: `recall after ${K} steps`, value, chance }];
    },
  };
}

/**
 * The fraction of positions t (ids[t], ids[t + 1] satisfying `scored`) where the model's most
 * likely next character is ids[t + 1], reading ids from a zero state in chunks with the state
 * carried; at most maxPositions predictions. NaN when no position is scored.
 */
export function recallAccuracy(
  model: Model,
  ids: Int32Array,
  maxPositions: number,
  scored: (current: number, next: number) => boolean,
): number {
  const T = 100;
  const n = Math.min(ids.length - 1, maxPositions);
  const V = model.config.outputSize;
  let state: StackState | null = null;
  let hits = 0;
  let count = 0;
  for (let s = 0; s < n; s += T) {
    const len = Math.min(T, n - s);
    const input = ids.slice(s, s + len);
    const targets = ids.slice(s + 1, s + len + 1);
    const pass = forwardModel(
      model,
      { T: len, B: 1, input: { kind: 'onehot', ids: input }, targets },
      state,
    );
    state = finalState(pass.stack);
    for (let t = 0; t < len; t++) {
      if (!scored(input[t]!, targets[t]!)) continue;
      const y = pass.outputs[t]!;
      let best = 0;
      for (let k = 1; k < V; k++) if (y[k]! > y[best]!) best = k;
      if (best === targets[t]) hits++;
      count++;
    }
  }
  return count > 0 ? hits / count : NaN;
}
