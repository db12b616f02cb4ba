// A view's own run saved and put back by the worker (the Time series and Attention views): the
// page sends when, what the run was made from and its curves; the worker adds the model file and
// the optimizer's state, and puts them back onto the run loaded now when it was made from the same
// choices. Which view's records is the `store` passed (persist/seriesStore.ts `savedRuns`).
import type { OptimizerState } from '../engine/optim';
import { Problem } from '../engine/problem';
import type { CheckpointMeta, SavedRun, SavedRuns } from '../persist/seriesStore';
import { storedCurves } from './autosave';
import type { SeriesAutosavePage } from './seriesProtocol';

/** What the page sends with a save: when, what the run was made from, its curves. */
export type SavePage = SeriesAutosavePage;

/** A run the worker can save and put back. */
export interface SavableRun<Info> {
  snapshot(): { model: string; step: number; optimizer: OptimizerState | null };
  /** Installs a saved model (and optimizer state) at its step; throws if it does not fit. */
  resume(saved: SavedRun): Info;
  /** Counts the loads: a read that spans a new load is not the new run's. */
  readonly loadCount: number;
}

/** A run put back, with its curves and when it was saved. */
export interface Resumed<Info> {
  info: Info;
  history: SavedRun['history'];
  savedAt: number;
}

function recordOf<I>(run: SavableRun<I>, page: SavePage): SavedRun {
  const snap = run.snapshot();
  return {
    version: 1,
    savedAt: page.savedAt,
    choice: page.choice,
    model: snap.model,
    step: snap.step,
    // Read-only arrays in the engine's type; IndexedDB stores a copy, nothing mutates them.
    optimizer: snap.optimizer as SavedRun['optimizer'],
    history: storedCurves(page.curves),
  };
}

/** Writes the run's autosave; resolves with whether it was written and the step. */
export async function autosaveRunTo<I>(
  store: SavedRuns,
  run: SavableRun<I>,
  page: SavePage,
): Promise<{ ok: boolean; step: number }> {
  const record = recordOf(run, page);
  return { ok: await store.saveAutosave(record), step: record.step };
}

/** Saves the run as a named checkpoint; resolves with the list (null: the browser refused). */
export function checkpointRunTo<I>(
  store: SavedRuns,
  run: SavableRun<I>,
  id: string,
  name: string,
  page: SavePage,
): Promise<CheckpointMeta[] | null> {
  const record = recordOf(run, page);
  const meta = { id, name, step: record.step, savedAt: page.savedAt, choice: page.choice };
  return store.saveCheckpoint(meta, record);
}

/** What else a view's run may have been made from, in words (each with its own problems). */
export type RunChoices = 'series or model' | 'task or model';

const CHOSEN_MEANWHILE = {
  'series or model': 'run.otherSeriesChosen',
  'task or model': 'run.otherTaskChosen',
} as const satisfies Record<RunChoices, string>;

const MADE_FROM_OTHER = {
  'series or model': 'run.checkpointOtherSeries',
  'task or model': 'run.checkpointOtherTask',
} as const satisfies Record<RunChoices, string>;

/**
 * Puts checkpoint `id` back onto the run loaded now; it must have been made from `choice`, else
 * it throws (a problem) and the model stays.
 */
export async function loadCheckpointFrom<I>(
  store: SavedRuns,
  run: SavableRun<I>,
  id: string,
  choice: string,
  /** What else it may have been made from, in words ("series or model"). */
  other: RunChoices,
): Promise<Resumed<I>> {
  const loads = run.loadCount;
  const saved = await store.loadCheckpoint(id);
  if (run.loadCount !== loads) throw new Problem(CHOSEN_MEANWHILE[other]);
  if (saved === null) throw new Problem('run.checkpointMissing');
  if (saved.choice !== choice) throw new Problem(MADE_FROM_OTHER[other]);
  const info = run.resume(saved);
  return { info, history: saved.history, savedAt: saved.savedAt };
}

/**
 * Puts the autosaved run back onto the run loaded now, if it was made from `choice`; null when
 * there is none, it was made from other choices, or it does not fit (the fresh model stays).
 */
export async function resumeRunFrom<I>(
  store: SavedRuns,
  run: SavableRun<I>,
  choice: string,
): Promise<Resumed<I> | null> {
  const loads = run.loadCount;
  const saved = await store.loadAutosave();
  // Another run loaded while the save was read: it is not this run's.
  if (run.loadCount !== loads) return null;
  if (saved === null || saved.choice !== choice || saved.step === 0) return null;
  try {
    const info = run.resume(saved);
    return { info, history: saved.history, savedAt: saved.savedAt };
  } catch {
    return null;
  }
}
