// The Training view's actions, the one module its panels call: start (restore or fresh), train,
// pause, step, reset, live settings and restoring after a divergence, plus the text, storage,
// export and inspection actions of the modules below, re-exported here. The building blocks
// live in trainingController.ts; nothing below imports this module.
import { updateConfig, getEngine } from './engineAccess';
import { needsNewModel, settingsOf, type ConfigState } from './config';
import { appStore, patchTraining } from './store';
import { stepRefusal } from './stepBudget';
import { truncateHistory } from './training';
import {
  SETTING_ROWS,
  settingProblem,
  type SettingRow,
  type TrainSettings,
} from '../engine/settings';
import {
  autosave,
  config,
  confirmDiscard,
  createModel,
  engine,
  evaluate,
  failure,
  follow,
  guarded,
  installed,
  pause,
  startTimers,
  training,
  word,
} from './trainingController';
import { loadCorpus } from './trainingData';
import { offerEarlierRun, refreshCheckpoints, restoreAutosave } from './trainingPersist';
import { refreshSample } from './trainingViews';

export { pause, stopTraining } from './trainingController';
export { chooseCorpus, trainOnOwnText } from './trainingData';
export {
  deleteNamedCheckpoint,
  dismissEarlierRun,
  returnToEarlierRun,
  loadNamedCheckpoint,
  renameNamedCheckpoint,
  saveNamedCheckpoint,
} from './trainingPersist';
export {
  dismissDamagedSave,
  downloadDamagedSave,
  exportLossCsv,
  exportModelFile,
  exportPytorchScript,
  importModelFile,
} from './trainingExport';
export {
  dismissTrainingMessage,
  refreshNeurons,
  refreshSample,
  refreshWeights,
  setLogSteps,
  setTemperature,
  setUnits,
} from './trainingViews';

const SAMPLE_EVERY_MS = 4000;
const AUTOSAVE_EVERY_MS = 15_000;

/**
 * Binds the Training view to the engine (once): follows progress, and restores the autosaved run
 * when it was made with the configuration in the address, else loads the text and a fresh model.
 */
export async function initTraining(): Promise<void> {
  const e = getEngine();
  if (e === null || !follow(e, (reason) => void recoverRun(reason))) return;
  void refreshCheckpoints();
  await guarded('training.fail.start', async () => {
    if (await restoreAutosave()) return;
    await loadCorpus(config().corpus);
    await createModel();
    await offerEarlierRun();
  });
}

/**
 * After the engine's worker died or hung and was replaced (it holds nothing now): the last
 * autosave back, else the text and a fresh model; either way the view says what happened.
 */
async function recoverRun(reason: string): Promise<void> {
  const reached = training().step;
  const n = (step: number) => step.toLocaleString('en-US');
  await guarded('training.fail.restoreAfterRestart', async () => {
    if (await restoreAutosave({ liveSettings: true })) {
      const at = training().step;
      const lost = reached > at ? word('training.message.reached', { step: n(reached) }) : '';
      patchTraining({
        message: word('training.message.restartedBack', { reason, step: n(at), lost }),
      });
      return;
    }
    await loadCorpus(config().corpus);
    await createModel();
    patchTraining({ message: word('training.message.restartedFresh', { reason }) });
  });
}

/**
 * Why settings are refused, in the words of the language in effect (engine/settings.ts's
 * validation, which says it in English): the first setting out of range, or null when all fit.
 */
export function settingsRefusal(s: TrainSettings): string | null {
  for (const [name, row] of SETTING_ROWS) {
    const v = s[name];
    if (settingProblem(row, v) === null) continue;
    const problem = problemText(row, v);
    return word('training.refused.sentence', {
      noun: word(`training.settings.${name}.noun`),
      problem,
    });
  }
  return null;
}

/** What is wrong with a value a row refuses, as engine/settings.ts's settingProblem puts it. */
function problemText(row: SettingRow, v: unknown): string {
  const got = typeof v === 'string' ? JSON.stringify(v) : String(v);
  if (row.kind === 'choice')
    return word('training.refused.choice', { options: row.options.join(', '), got });
  if (row.kind === 'whole')
    return word('training.refused.whole', { min: row.min, max: row.max, got });
  if (typeof v !== 'number') return word('training.refused.number', { got });
  return word('training.refused.range', { min: row.min, max: row.max, got });
}

export function answerConfirm(yes: boolean): void {
  const pending = training().confirm;
  patchTraining({ confirm: null });
  if (yes) pending?.run();
}

/**
 * Changes settings. Learning rate, clipping, sequence length, batch size and optimizer change
 * live; the text, cell, size, initialisation or seed need a new model (asked first when trained).
 * A value the engine's validation refuses changes nothing (not the form, the address or the
 * saved run) and says why; so does a live change the engine refuses.
 */
export function changeConfig(patch: Partial<ConfigState>): void {
  const before = config();
  const after = { ...before, ...patch };
  const problem = settingsRefusal(settingsOf(after));
  if (problem !== null) {
    patchTraining({ error: failure('training.fail.setting', problem) });
    return;
  }
  if (!needsNewModel(before, after)) {
    // A live change must not make the running model's steps longer than Pause can wait.
    const refusal = stepRefusal({ ...appStore.getState(), config: after });
    if (training().phase === 'running' && refusal !== null) {
      patchTraining({ error: failure('training.fail.settingWhileTraining', refusal) });
      return;
    }
    updateConfig(patch);
    void guarded('training.fail.setting', async () => {
      try {
        await engine().request({ type: 'setHyper', settings: settingsOf(after) });
      } catch (error) {
        const back = Object.fromEntries(
          Object.keys(patch).map((k) => [k, before[k as keyof ConfigState]]),
        );
        updateConfig(back as Partial<ConfigState>);
        throw error;
      }
    });
    return;
  }
  confirmDiscard('training.confirm.architecture', () => {
    void guarded('training.fail.makeModel', async () => {
      await pause();
      updateConfig(patch);
      await createModel();
    });
  });
}

export function train(): void {
  const t = training();
  if (t.phase !== 'ready' || t.model === null) return;
  if (refused()) return;
  void guarded('training.fail.train', async () => {
    await engine().request({ type: 'train' });
    patchTraining({ phase: 'running', error: null, message: null });
    const started = startTimers([
      { everyMs: SAMPLE_EVERY_MS, run: () => void refreshSample() },
      { everyMs: AUTOSAVE_EVERY_MS, run: () => void autosave() },
    ]);
    if (started) void refreshSample();
  });
}

/** One batch. */
export function step(): void {
  if (training().phase !== 'ready') return;
  if (refused()) return;
  void guarded('training.fail.step', async () => {
    await engine().request({ type: 'step' });
    await evaluate();
  });
}

/** True (and the reason shown) when one step of the configured model would take too long. */
function refused(): boolean {
  const refusal = stepRefusal(appStore.getState());
  if (refusal !== null) patchTraining({ error: refusal, message: null });
  return refusal !== null;
}

/** A fresh model with the same settings (asked first when trained). */
export function reset(): void {
  confirmDiscard('training.confirm.reset', () => {
    void guarded('training.fail.reset', async () => {
      await pause();
      await createModel();
    });
  });
}

/** Puts back the last good checkpoint after a divergence (optionally with a smaller lr). */
export function restoreLastGood(lrFactor = 1): void {
  void guarded('training.fail.restore', async () => {
    if (lrFactor !== 1) {
      const lr = Math.max(1e-6, config().lr * lrFactor);
      updateConfig({ lr: Number(lr.toPrecision(3)) });
    }
    const reply = await engine().request({ type: 'restore' });
    await engine().request({ type: 'setHyper', settings: settingsOf(config()) });
    installed(reply.info, truncateHistory(training().history, reply.info.step));
    patchTraining({
      message: word('training.message.restoredCheckpoint', {
        step: reply.info.step.toLocaleString('en-US'),
      }),
      timeline: training().timeline.filter((s) => s.step <= reply.info.step),
    });
    void autosave();
  });
}
