// Side-effecting actions of the Training view that keep runs across visits: the autosave (written
// while training and restored on start when the address has the same configuration) and named
// checkpoints in IndexedDB. Autosave is best effort; other failures land in `training.error`.
import {
  type Autosave,
  deleteCheckpoint,
  listCheckpoints,
  loadAutosave,
  loadCheckpoint,
  renameCheckpoint,
  saveAutosave,
  saveCheckpoint,
} from '../persist/trainingStore';
import { updateConfig } from './actions';
import { settingsOf, type ConfigState } from './config';
import { patchTraining } from './store';
import { appendProgress, emptyHistory } from './training';
import {
  SLOW,
  config,
  confirmDiscard,
  engine,
  guarded,
  installed,
  pause,
  training,
} from './trainingActions';
import { loadCorpus } from './trainingData';

/**
 * Puts back the autosaved run when it was made with the configuration in the address: its text,
 * model, curves and timeline. Returns false (and changes nothing) when there is no such run.
 */
export async function restoreAutosave(): Promise<boolean> {
  const saved = await loadAutosave();
  if (!saved || !sameConfig(saved.config, config())) return false;
  patchTraining({ phase: 'loading', busy: 'Restoring your last run…' });
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
  const history = emptyHistory();
  appendProgress(history, {
    firstStep: saved.history.steps[0] ?? 1,
    loss: Float64Array.from(saved.history.loss),
    gradNormBefore: Float64Array.from(saved.history.gradBefore),
    gradNormAfter: Float64Array.from(saved.history.gradAfter),
    clipped: Uint8Array.from(saved.history.clipped),
    charsPerSecond: 0,
    stepsPerSecond: 0,
    epoch: 0,
    dLdhNorm: [],
    diverged: false,
    lastGoodStep: 0,
    running: false,
  });
  history.val = saved.history.val;
  patchTraining({
    phase: 'ready',
    busy: null,
    model: reply.info,
    step: reply.info.step,
    history,
    version: training().version + 1,
    timeline: saved.timeline,
    savedAt: saved.savedAt,
    message: `Restored your run at step ${reply.info.step.toLocaleString('en-US')}.`,
  });
  return true;
}

function sameConfig(a: ConfigState, b: ConfigState): boolean {
  return (Object.keys(a) as (keyof ConfigState)[]).every((k) => a[k] === b[k]);
}

/** Saves the run (model, settings, curves, timeline) to IndexedDB; skipped after a divergence. */
export async function autosave(): Promise<void> {
  const t = training();
  if (t.model === null || t.phase === 'diverged' || t.phase === 'loading') return;
  try {
    const snap = await engine().request({ type: 'snapshot' }, SLOW);
    const h = training().history;
    const savedAt = Date.now();
    const ok = await saveAutosave({
      version: 1,
      savedAt,
      config: config(),
      model: snap.json,
      step: snap.step,
      // Read-only arrays in the engine's type; IndexedDB stores a copy, nothing mutates them.
      optimizer: snap.optimizer as Autosave['optimizer'],
      history: {
        steps: h.steps.filter((s) => s <= snap.step),
        loss: h.loss.slice(0, countUpTo(h.steps, snap.step)),
        gradBefore: h.gradBefore.slice(0, countUpTo(h.steps, snap.step)),
        gradAfter: h.gradAfter.slice(0, countUpTo(h.steps, snap.step)),
        clipped: h.clipped.slice(0, countUpTo(h.steps, snap.step)).map((c) => (c ? 1 : 0)),
        val: h.val.filter((p) => p.step <= snap.step),
      },
      timeline: training().timeline,
    });
    if (ok) patchTraining({ savedAt });
  } catch {
    // Autosave is best effort: the next one tries again.
  }
}

function countUpTo(steps: number[], step: number): number {
  const k = steps.findIndex((s) => s > step);
  return k === -1 ? steps.length : k;
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
    const list = await saveCheckpoint({
      meta: {
        id: `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`,
        name: name.trim() || `Step ${snap.step}`,
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
    patchTraining({ checkpoints: list, message: `Saved checkpoint “${name}”.` });
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
