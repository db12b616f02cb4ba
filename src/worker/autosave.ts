// The autosave as the worker writes it: the page sends its part (settings, curves, timeline, the
// run's slot) and the worker adds the model file and optimizer state it holds. Those are the
// large parts; writing them here, and reading them back on a restore, keeps their copying,
// checking and storing off the page's thread.
import type { TrainSettings } from '../engine/settings';
import {
  loadAutosave,
  saveAutosave,
  type Autosave,
  type StoredHistory,
} from '../persist/trainingStore';
import type { AutosavePage, ModelInfo, PackedCurves, SavedRunHead } from './protocol';
import type { EngineSession } from './session';

/** Writes run `runId`'s autosave; resolves with whether it was written and the model's step. */
export async function autosaveRun(
  session: EngineSession,
  runId: string,
  live: readonly string[],
  page: AutosavePage,
): Promise<{ ok: boolean; step: number }> {
  const snap = session.snapshot();
  const { curves, ...rest } = page;
  const save: Autosave = {
    ...rest,
    model: snap.json,
    step: snap.step,
    // Read-only arrays in the engine's type; IndexedDB stores a copy, nothing mutates them.
    optimizer: snap.optimizer as Autosave['optimizer'],
    history: storedCurves(curves),
  };
  return { ok: await saveAutosave(save, runId, new Set(live)), step: snap.step };
}

/** Curves as the page sent them (typed arrays) as IndexedDB keeps them (plain arrays). */
export function storedCurves(curves: PackedCurves): StoredHistory {
  return {
    steps: Array.from(curves.steps),
    loss: Array.from(curves.loss),
    gradBefore: Array.from(curves.gradBefore),
    gradAfter: Array.from(curves.gradAfter),
    clipped: Array.from(curves.clipped, (c) => (c === 0 ? 0 : 1)),
    val: curves.val,
  };
}

/**
 * Reads run `runId`'s autosave, checks it and installs its model and optimizer state with
 * `settings`; resolves with the model and the rest of the run for the page, or null when the run
 * is missing or damaged. Rejects when its model will not load (the session's model then stays).
 */
export async function restoreRun(
  session: EngineSession,
  runId: string,
  settings: TrainSettings,
): Promise<{ info: ModelInfo; run: SavedRunHead } | null> {
  const saved = await loadAutosave(runId);
  if (saved === null) return null;
  const info = session.importModel(saved.model, settings, saved.step, saved.optimizer ?? null);
  const { savedAt, step, config, history, timeline } = saved;
  return { info, run: { savedAt, step, config, history, timeline } };
}
