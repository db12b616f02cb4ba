// The Time series view's autosave as the worker writes and reads it: the page sends when, what
// the run was made from and its curves; the worker adds the model file and optimizer state, and
// on a reload puts them back onto the series just loaded when it was made from the same choices.
import {
  loadSeriesAutosave,
  loadSeriesCheckpoint,
  saveSeriesAutosave,
  saveSeriesCheckpoint,
  type SeriesAutosave,
  type SeriesCheckpointMeta,
} from '../persist/seriesStore';
import { storedCurves } from './autosave';
import type { SeriesAutosavePage, SeriesResumed } from './seriesProtocol';
import type { SeriesRun } from './seriesRun';

/** The run as stored: the page's part (when, from what, the curves) and the worker's. */
function recordOf(run: SeriesRun, page: SeriesAutosavePage): SeriesAutosave {
  const snap = run.snapshot();
  return {
    version: 1,
    savedAt: page.savedAt,
    choice: page.choice,
    model: snap.model,
    step: snap.step,
    // Read-only arrays in the engine's type; IndexedDB stores a copy, nothing mutates them.
    optimizer: snap.optimizer as SeriesAutosave['optimizer'],
    history: storedCurves(page.curves),
  };
}

/** Writes the series run's autosave; resolves with whether it was written and the step. */
export async function autosaveSeries(
  run: SeriesRun,
  page: SeriesAutosavePage,
): Promise<{ ok: boolean; step: number }> {
  const record = recordOf(run, page);
  return { ok: await saveSeriesAutosave(record), step: record.step };
}

/** Saves the run as a named checkpoint; resolves with the list (null: the browser refused). */
export function checkpointSeries(
  run: SeriesRun,
  id: string,
  name: string,
  page: SeriesAutosavePage,
): Promise<SeriesCheckpointMeta[] | null> {
  const record = recordOf(run, page);
  const meta = { id, name, step: record.step, savedAt: page.savedAt, choice: page.choice };
  return saveSeriesCheckpoint(meta, record);
}

/**
 * Puts checkpoint `id` back onto the series loaded now; it must have been made from `choice`
 * (the same series and model), else it throws and the model stays.
 */
export async function loadCheckpointInto(
  run: SeriesRun,
  id: string,
  choice: string,
): Promise<SeriesResumed> {
  const loads = run.loadCount;
  const saved = await loadSeriesCheckpoint(id);
  if (run.loadCount !== loads) throw new Error('Another series was chosen meanwhile.');
  if (saved === null) throw new Error('The checkpoint is missing or damaged.');
  if (saved.choice !== choice)
    throw new Error('The checkpoint was made from another series or model: choose those first.');
  const info = run.resume(saved);
  return { info, history: saved.history, savedAt: saved.savedAt };
}

/**
 * Puts the autosaved run back onto the series loaded now, if it was made from `choice`; null when
 * there is none, it was made from other choices, or it does not fit (the fresh model stays).
 */
export async function resumeSeries(run: SeriesRun, choice: string): Promise<SeriesResumed | null> {
  const loads = run.loadCount;
  const saved = await loadSeriesAutosave();
  // Another series loaded while the run was read: it is not this run's.
  if (run.loadCount !== loads) return null;
  if (saved === null || saved.choice !== choice || saved.step === 0) return null;
  try {
    const info = run.resume(saved);
    return { info, history: saved.history, savedAt: saved.savedAt };
  } catch {
    return null;
  }
}
