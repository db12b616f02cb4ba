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
  type AutosaveEntry,
  type Checkpoint,
} from '../persist/trainingStore';
import { needsNewModel, settingsOf, type ConfigState } from './config';
import { updateConfig } from './engineAccess';
import { patchTraining } from './store';
import { claimRun, earlierRun, restorableRuns, sameConfig, startNewRun } from './runSlot';
import { historyFromSaved, savedCurves } from './savedCurves';
import { emptyHistory } from './training';
import {
  READ_FILE,
  SLOW,
  autosave,
  config,
  confirmDiscard,
  engine,
  guarded,
  installed,
  messageOf,
  pause,
  training,
  word,
} from './trainingController';
import { loadCorpus } from './trainingData';

/**
 * Puts back this tab's autosaved run (after a reload), or in a new tab the newest one no other
 * tab holds, when it was made with the configuration in the address: its text, model, curves and
 * timeline. Returns false when there is no such run, or when it could not be restored (a damaged
 * model file, an own text no longer stored): then the save is kept in `training.damagedSave` for
 * download, and the caller starts afresh in a new slot, leaving the save as it was. With
 * `liveSettings` (after the engine restarted) a save that differs only in settings changed live
 * (learning rate, batch, …) is restored too, and the current settings applied to it.
 */
export async function restoreAutosave({ liveSettings = false } = {}): Promise<boolean> {
  const current = config();
  const runs = await restorableRuns(
    current,
    (a, b) => sameConfig(a, b) || (liveSettings && !needsNewModel(a, b)),
  );
  for (const run of runs) {
    if (!(await claimRun(run.id))) continue; // open in another tab
    const result = await installRun(run, current);
    if (result === 'missing') continue;
    if (result === 'failed') return false;
    patchTraining({ message: word('training.message.restoredRun', { step: stepText(run.step) }) });
    return true;
  }
  await startNewRun();
  return false;
}

const stepText = (step: number) => step.toLocaleString('en-US');

/** The phase when a run was not installed: the model the view had, if any, is still there. */
const phaseWithout = () => (training().model === null ? 'idle' : 'ready');

/**
 * Puts saved run `run` into the engine and the view, with `settings` applied to it (they may
 * differ in what changes live). The worker reads, checks and installs the model and optimizer
 * state; the page gets the curves and timeline. 'missing' when the run is gone or damaged
 * (nothing changed); 'failed' when it could not be installed: the save is then kept in
 * `training.damagedSave` and this tab moves to a new slot, leaving the save as it was.
 */
async function installRun(
  run: AutosaveEntry,
  settings: ConfigState,
): Promise<'restored' | 'missing' | 'failed'> {
  patchTraining({ phase: 'loading', busy: word('training.busy.restoring') });
  try {
    await loadCorpus(run.config.corpus);
    const reply = await engine().request(
      { type: 'restoreRun', runId: run.id, settings: settingsOf(run.config) },
      READ_FILE,
    );
    if (reply.restored === null) {
      patchTraining({ phase: phaseWithout(), busy: null });
      return 'missing';
    }
    const { info, run: head } = reply.restored;
    if (!sameConfig(head.config, settings)) {
      await engine().request({ type: 'setHyper', settings: settingsOf(settings) });
    }
    installed(info, historyFromSaved(head.history), head.timeline);
    patchTraining({ savedAt: head.savedAt, savedStep: head.step });
    return 'restored';
  } catch (error) {
    await startNewRun();
    // Read on the page only now, for the learner to download as it was saved.
    const saved = await loadAutosave(run.id).catch(() => null);
    patchTraining({
      phase: phaseWithout(),
      busy: null,
      damagedSave: {
        message: word('training.message.damaged', {
          step: stepText(run.step),
          reason: messageOf(error),
          download: saved !== null ? word('training.message.canDownload') : '',
        }),
        file: saved === null ? null : JSON.stringify(saved),
      },
    });
    return 'failed';
  }
}

/**
 * Offers the newest saved run with other settings (a link opened a fresh model, and the run the
 * learner had is still saved): the view says so and can go back to it.
 */
export async function offerEarlierRun(): Promise<void> {
  const entry = await earlierRun(config());
  patchTraining({
    earlierRun:
      entry === null
        ? null
        : { id: entry.id, step: entry.step, savedAt: entry.savedAt, config: entry.config },
  });
}

/**
 * Goes back to the earlier run offered: the current run is autosaved first (so it is kept in
 * turn), then the earlier one is restored with its own settings, which the address takes.
 */
export function returnToEarlierRun(): void {
  const offer = training().earlierRun;
  if (offer === null) return;
  void guarded('training.fail.goBack', async () => {
    await pause();
    await autosave();
    if (training().saveFailed && training().step > 0)
      throw new Error(word('training.reason.notSavedFirst'));
    patchTraining({ earlierRun: null });
    if (!(await claimRun(offer.id))) throw new Error(word('training.reason.otherTab'));
    const result = await installRun(offer, offer.config);
    if (result === 'missing') throw new Error(word('training.reason.noLongerSaved'));
    if (result === 'failed') return;
    updateConfig(offer.config);
    patchTraining({
      message: word('training.message.backToEarlier', { step: stepText(offer.step) }),
    });
    await offerEarlierRun();
  });
}

export function dismissEarlierRun(): void {
  patchTraining({ earlierRun: null });
}

export async function refreshCheckpoints(): Promise<void> {
  patchTraining({ checkpoints: await listCheckpoints() });
}

export function saveNamedCheckpoint(name: string): void {
  void guarded('training.fail.saveCheckpoint', async () => {
    const t = training();
    if (t.model === null) return;
    const snap = await engine().request({ type: 'snapshot' }, SLOW);
    const c = config();
    const saved = checkpointName(name) || word('training.save.defaultName', { step: snap.step });
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
      history: savedCurves(training().history, snap.step),
      timeline: training().timeline.filter((s) => s.step <= snap.step),
    });
    if (list === null) throw new Error(word('training.reason.notStored'));
    patchTraining({
      checkpoints: list,
      message: word('training.message.savedCheckpoint', { name: saved }),
    });
  });
}

/**
 * Loads a checkpoint: its model file is checked before anything is asked or changed (a damaged
 * one leaves the text, model and run as they were); then its text, settings, model and curves.
 */
export function loadNamedCheckpoint(id: string): void {
  const failed = 'training.fail.loadCheckpoint';
  void guarded(failed, async () => {
    const c = await loadCheckpoint(id);
    if (c === null) throw new Error(word('training.reason.missing'));
    // The engine's own checks, in the worker (a big model's file is hundreds of MB of text).
    const file = new Blob([c.model]);
    const checked = (await engine().request({ type: 'checkFile', file }, READ_FILE)).key;
    confirmDiscard('training.confirm.checkpoint', () => {
      void guarded(failed, () => installCheckpoint(c, checked));
    });
  });
}

/** Installs a checkpoint whose model file the worker has checked and holds (`checked`). */
async function installCheckpoint(c: Checkpoint, checked: number): Promise<void> {
  await pause();
  const current = training().corpus === null ? null : config().corpus;
  const otherText = c.config.corpus !== current;
  let reply;
  try {
    if (otherText) await loadCorpus(c.config.corpus);
    reply = await engine().request(
      { type: 'import', json: { checked }, settings: settingsOf(c.config), step: c.meta.step },
      SLOW,
    );
  } catch (error) {
    // Put the text back, so the engine, the view and the address agree on it again.
    if (otherText && current !== null) await loadCorpus(current).catch(() => undefined);
    throw error;
  }
  updateConfig(c.config);
  const history = c.history ? historyFromSaved(c.history) : emptyHistory();
  installed(reply.info, history, c.timeline ?? []);
  patchTraining({
    message: word('training.message.loadedCheckpoint', { name: c.meta.name, step: c.meta.step }),
  });
}

export function renameNamedCheckpoint(id: string, name: string): void {
  void guarded('training.fail.rename', async () => {
    patchTraining({ checkpoints: await renameCheckpoint(id, name) });
  });
}

export function deleteNamedCheckpoint(id: string): void {
  void guarded('training.fail.delete', async () => {
    patchTraining({ checkpoints: await deleteCheckpoint(id) });
  });
}
