// The curves of a saved run or checkpoint as IndexedDB keeps them (the plain arrays without the
// smoothed curve, which is recomputed on load), and back. Pure functions, tested without React.
import type { PackedCurves } from '../worker/protocol';
import { appendProgress, emptyHistory, type TrainingHistory, type ValPoint } from './training';

/** The curves as stored with a saved run or checkpoint (the smoothed curve is recomputed). */
export interface SavedCurves {
  steps: number[];
  loss: number[];
  gradBefore: number[];
  gradAfter: number[];
  clipped: (0 | 1)[];
  val: ValPoint[];
}

/** The curves up to and including `step`, as stored. */
export function savedCurves(h: TrainingHistory, step: number): SavedCurves {
  const k = h.steps.findIndex((s) => s > step);
  const n = k === -1 ? h.steps.length : k;
  return {
    steps: h.steps.slice(0, n),
    loss: h.loss.slice(0, n),
    gradBefore: h.gradBefore.slice(0, n),
    gradAfter: h.gradAfter.slice(0, n),
    clipped: h.clipped.slice(0, n).map((c) => (c ? 1 : 0)),
    val: h.val.filter((p) => p.step <= step),
  };
}

/** Stored curves as a history (the smoothed curve recomputed). */
export function historyFromSaved(c: Readonly<SavedCurves>): TrainingHistory {
  const curves = appendProgress(emptyHistory(), {
    firstStep: c.steps[0] ?? 1,
    loss: Float64Array.from(c.loss),
    gradNormBefore: Float64Array.from(c.gradBefore),
    gradNormAfter: Float64Array.from(c.gradAfter),
    clipped: Uint8Array.from(c.clipped),
    charsPerSecond: 0,
    stepsPerSecond: 0,
    epoch: 0,
    dLdhNorm: [],
    diverged: false,
    lastGoodStep: 0,
    running: false,
  });
  return { ...curves, val: c.val };
}

/** The curves as the autosave request carries them: typed arrays, moved to the worker, not copied. */
export function packedCurves(h: TrainingHistory): PackedCurves {
  return {
    steps: Float64Array.from(h.steps),
    loss: Float64Array.from(h.loss),
    gradBefore: Float64Array.from(h.gradBefore),
    gradAfter: Float64Array.from(h.gradAfter),
    clipped: Uint8Array.from(h.clipped, (c) => (c ? 1 : 0)),
    val: h.val.map((p) => ({ ...p })),
  };
}

/** The buffers of packed curves, for the transfer list. */
export function curveBuffers(c: PackedCurves): ArrayBuffer[] {
  return [c.steps, c.loss, c.gradBefore, c.gradAfter, c.clipped].map(
    (a) => a.buffer as ArrayBuffer,
  );
}
