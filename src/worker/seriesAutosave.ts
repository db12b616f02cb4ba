// The Time series view's autosave as the worker writes and reads it: the page sends when, what
// the run was made from and its curves; the worker adds the model file and optimizer state, and
// on a reload puts them back onto the series just loaded when it was made from the same choices.
import {
  loadSeriesAutosave,
  saveSeriesAutosave,
  type SeriesAutosave,
} from '../persist/seriesStore';
import type { SeriesAutosavePage, SeriesResumed } from './seriesProtocol';
import type { SeriesRun } from './seriesRun';

/** Writes the series run's autosave; resolves with whether it was written and the step. */
export async function autosaveSeries(
  run: SeriesRun,
  page: SeriesAutosavePage,
): Promise<{ ok: boolean; step: number }> {
  const snap = run.snapshot();
  const { curves } = page;
  const ok = await saveSeriesAutosave({
    version: 1,
    savedAt: page.savedAt,
    choice: page.choice,
    model: snap.model,
    step: snap.step,
    // Read-only arrays in the engine's type; IndexedDB stores a copy, nothing mutates them.
    optimizer: snap.optimizer as SeriesAutosave['optimizer'],
    history: {
      steps: Array.from(curves.steps),
      loss: Array.from(curves.loss),
      gradBefore: Array.from(curves.gradBefore),
      gradAfter: Array.from(curves.gradAfter),
      clipped: Array.from(curves.clipped, (c) => (c === 0 ? 0 : 1)),
      val: curves.val,
    },
  });
  return { ok, step: snap.step };
}

/**
 * Puts the autosaved run back onto the series loaded now, if it was made from `choice`; null when
 * there is none, it was made from other choices, or it does not fit (the fresh model stays).
 */
export async function resumeSeries(run: SeriesRun, choice: string): Promise<SeriesResumed | null> {
  const saved = await loadSeriesAutosave();
  if (saved === null || saved.choice !== choice || saved.step === 0) return null;
  try {
    const info = run.resume(saved);
    return { info, history: saved.history, savedAt: saved.savedAt };
  } catch {
    return null;
  }
}
