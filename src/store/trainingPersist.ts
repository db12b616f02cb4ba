// Side-effecting actions of the Training view that keep runs across visits: restoring the
// autosave on start (when the address has the same configuration; the controller writes it) and
// named checkpoints in IndexedDB. Failures land in `training.error`.
import {
  checkpointName,
  deleteCheckpoint,
  listCheckpoints,
  loadAutosave,
  loadCheckpoint,
  renameCheckpoint,
  saveCheckpoint,
  type StoredHistory,
} from '../persist/trainingStore';
import { settingsOf, type ConfigState } from './config';
import { updateConfig } from './engineAccess';
import { patchTraining } from './store';
import { appendProgress, emptyHistory, type TrainingHistory } from './training';
import {
  SLOW,
  config,
  confirmDiscard,
  engine,
  guarded,
  installed,
  messageOf,
  pause,
  training,
} from './trainingController';
import { loadCorpus } from './trainingData';

/**
 * Puts back the autosaved run when it was made with the configuration in the address: its text,
 * model, curves and timeline. Returns false when there is no such run, or when it could not be
 * restored (a damaged model file, an own text no longer stored): then the save is kept in
 * `training.damagedSave` for download, and the caller starts afresh.
 */
export async function restoreAutosave(): Promise<boolean> {
  const saved = await loadAutosave();
  if (!saved || !sameConfig(saved.config, config())) return false;
  patchTraining({ phase: 'loading', busy: 'Restoring your last run…' });
  try {
    await loadCorpus(saved.config.corpus);
    const reply = await engine().request(
      {
        type: 'import',
        json: saved.model,
        settings: settingsOf(saved.config),
        step: saved.step,
        optimizer: saved.optimizer ?? null,
      },
      SLOW,
    );
    installed(reply.info, historyOf(saved.history), saved.timeline);
  } catch (error) {
    const step = saved.step.toLocaleString('en-US');
    patchTraining({
      phase: 'idle',
      busy: null,
      damagedSave: {
        message: `Your last run (step ${step}) could not be restored: ${messageOf(error)}. You can download it as it was saved.`,
        file: JSON.stringify(saved),
      },
    });
    return false;
  }
  patchTraining({
    savedAt: saved.savedAt,
    message: `Restored your run at step ${saved.step.toLocaleString('en-US')}.`,
  });
  return true;
}

/** Stored curves as the view's history (the smoothed curve recomputed). */
export function historyOf(h: StoredHistory): TrainingHistory {
  const curves = appendProgress(emptyHistory(), {
    firstStep: h.steps[0] ?? 1,
    loss: Float64Array.from(h.loss),
    gradNormBefore: Float64Array.from(h.gradBefore),
    gradNormAfter: Float64Array.from(h.gradAfter),
    clipped: Uint8Array.from(h.clipped),
    charsPerSecond: 0,
    stepsPerSecond: 0,
    epoch: 0,
    dLdhNorm: [],
    diverged: false,
    lastGoodStep: 0,
    running: false,
  });
  return { ...curves, val: h.val };
}

function sameConfig(a: ConfigState, b: ConfigState): boolean {
  return (Object.keys(a) as (keyof ConfigState)[]).every((k) => a[k] === b[k]);
}

export async function refreshCheckpoints(): Promise<void> {
  patchTraining({ checkpoints: await listCheckpoints() });
}

export function saveNamedCheckpoint(name: string): void {
  void guarded('Could not save the checkpoint', async () => {
    const t = training();
    if (t.model === null) return;
    const snap = await engine().request({ type: 'snapshot' }, SLOW);
    const c = config();
    const saved = checkpointName(name) || `Step ${snap.step}`;
    const list = await saveCheckpoint({
      meta: {
        id: `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`,
        name: saved,
        step: snap.step,
        savedAt: Date.now(),
        corpus: c.corpus,
        cell: c.cell,
        hiddenSize: c.hiddenSize,
        numLayers: c.numLayers,
      },
      config: c,
      model: snap.json,
    });
    if (list === null) throw new Error('the browser would not store it');
    patchTraining({ checkpoints: list, message: `Saved checkpoint “${saved}”.` });
  });
}

export function loadNamedCheckpoint(id: string): void {
  confirmDiscard('Loading a checkpoint', () => {
    void guarded('Could not load the checkpoint', async () => {
      const c = await loadCheckpoint(id);
      if (c === null) throw new Error('it is missing or damaged');
      await pause();
      if (c.config.corpus !== config().corpus || training().corpus === null)
        await loadCorpus(c.config.corpus);
      const reply = await engine().request(
        { type: 'import', json: c.model, settings: settingsOf(c.config), step: c.meta.step },
        SLOW,
      );
      updateConfig(c.config);
      installed(reply.info, emptyHistory(), []);
      patchTraining({ message: `Loaded checkpoint “${c.meta.name}” (step ${c.meta.step}).` });
    });
  });
}

export function renameNamedCheckpoint(id: string, name: string): void {
  void guarded('Could not rename', async () => {
    patchTraining({ checkpoints: await renameCheckpoint(id, name) });
  });
}

export function deleteNamedCheckpoint(id: string): void {
  void guarded('Could not delete', async () => {
    patchTraining({ checkpoints: await deleteCheckpoint(id) });
  });
}
