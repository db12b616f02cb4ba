// Side-effecting actions of the Training view that run a model: start (restore or fresh), create,
// train, pause, step, reset, live settings, divergence and restore, and the throttled progress
// from the engine. It owns the live run's state; the sibling modules (trainingData, trainingPersist,
// trainingExport, trainingViews) use its helpers and are re-exported here for the components.
import type { EngineClient } from '../worker/client';
import type { FromWorker, ModelInfo, ProgressBatch } from '../worker/protocol';
import { getEngine, updateConfig } from './actions';
import { needsNewModel, settingsOf, type ConfigState } from './config';
import { appStore, patchTraining } from './store';
import {
  appendProgress,
  divergenceOf,
  emptyHistory,
  truncateHistory,
  type TrainingState,
} from './training';
import { loadCorpus } from './trainingData';
import { autosave, refreshCheckpoints, restoreAutosave } from './trainingPersist';
import { refreshSample } from './trainingViews';

export { MAX_UPLOAD_BYTES, chooseCorpus, readTextFile, trainOnOwnText } from './trainingData';
export {
  autosave,
  deleteNamedCheckpoint,
  loadNamedCheckpoint,
  renameNamedCheckpoint,
  saveNamedCheckpoint,
} from './trainingPersist';
export {
  MAX_MODEL_BYTES,
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
/** Long requests (a 1 MB text, a big model file) get more time than the default. */
export const SLOW = { timeoutMs: 60_000 };

// ---- helpers the sibling modules share ----------------------------------------------------

export const training = (): TrainingState => appStore.getState().training;
export const config = (): ConfigState => appStore.getState().config;

// The live run's timers and subscription (one app, one run).
interface Runtime {
  engine: EngineClient;
  unsubscribe: () => void;
  sampleTimer: ReturnType<typeof setInterval> | null;
  saveTimer: ReturnType<typeof setInterval> | null;
  frame: number | null;
}
let runtime: Runtime | null = null;

/** The engine the live run follows (else the app's); throws when there is none. */
export function engine(): EngineClient {
  const e = runtime?.engine ?? getEngine();
  if (e === null) throw new Error('The engine is not running.');
  return e;
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Runs an action, putting any failure in `training.error`. */
export async function guarded(what: string, fn: () => Promise<void>): Promise<void> {
  try {
    await fn();
  } catch (error) {
    patchTraining({ error: `${what}: ${messageOf(error)}`, busy: null });
  }
}

// ---- start ------------------------------------------------------------------------------

/**
 * Binds the Training view to the engine (once): follows progress, and restores the autosaved run
 * when it was made with the configuration in the address, else loads the text and a fresh model.
 */
export async function initTraining(): Promise<void> {
  const e = getEngine();
  if (e === null || runtime?.engine === e) return;
  runtime?.unsubscribe();
  runtime = {
    engine: e,
    unsubscribe: e.subscribe(onMessage),
    sampleTimer: null,
    saveTimer: null,
    frame: null,
  };
  void refreshCheckpoints();
  await guarded('Could not start', async () => {
    if (await restoreAutosave()) return;
    await loadCorpus(config().corpus);
    await createModel();
  });
}

/** Stops following the engine (tests, and when the app shuts down). */
export function stopTraining(): void {
  if (runtime === null) return;
  runtime.unsubscribe();
  stopTimers();
  if (progressTimer !== null) clearTimeout(progressTimer);
  progressTimer = null;
  pendingProgress = null;
  runtime = null;
}

// ---- engine messages --------------------------------------------------------------------

function onMessage(message: FromWorker): void {
  if (message.type === 'progress') onProgress(message.batch);
  else if (message.type === 'error' && message.id === null && message.source === 'training') {
    stopTimers();
    patchTraining({ phase: 'ready', error: message.message });
  }
}

/** How often growing curves reach the store (and so the charts) while training runs. */
const PROGRESS_EVERY_MS = 250;
let lastProgressPatch = 0;
let progressTimer: ReturnType<typeof setTimeout> | null = null;
let pendingProgress: Partial<TrainingState> | null = null;

/**
 * Appends a progress batch to the history at once, but lets the charts know at most every
 * PROGRESS_EVERY_MS (the worker posts up to ten batches a second); a diverged or stopped run is
 * reported immediately and says why.
 */
export function onProgress(b: ProgressBatch): void {
  const t = training();
  appendProgress(t.history, b);
  const n = b.loss.length;
  const patch: Partial<TrainingState> = {
    step: b.firstStep + n - 1,
    speed: {
      charsPerSecond: b.charsPerSecond,
      stepsPerSecond: b.stepsPerSecond,
      epoch: b.epoch,
      fps: t.speed.fps,
    },
    dLdhNorm: b.dLdhNorm,
  };
  if (b.samples) patch.timeline = [...t.timeline, ...b.samples];
  let urgent = b.samples !== undefined || b.val !== undefined;
  if (b.diverged) {
    const c = config();
    patch.divergence = divergenceOf(t.history, b, c.lr, c.clipMode);
    patch.phase = 'diverged';
    stopTimers();
    urgent = true;
  } else if (!b.running && t.phase === 'running') {
    patch.phase = 'ready';
    stopTimers();
    urgent = true;
  }
  const now = Date.now();
  if (urgent || now - lastProgressPatch >= PROGRESS_EVERY_MS) {
    if (progressTimer !== null) clearTimeout(progressTimer);
    progressTimer = null;
    lastProgressPatch = now;
    patchTraining({ ...patch, version: training().version + 1 });
    return;
  }
  // Keep the latest numbers; the curves are already appended and show on the next patch.
  pendingProgress = patch;
  progressTimer ??= setTimeout(() => {
    progressTimer = null;
    lastProgressPatch = Date.now();
    const pending = pendingProgress;
    pendingProgress = null;
    if (pending) patchTraining({ ...pending, version: training().version + 1 });
  }, PROGRESS_EVERY_MS);
}

// ---- model and run ----------------------------------------------------------------------

/** Asks first when a trained model would be discarded; runs `fn` at once otherwise. */
export function confirmDiscard(action: string, fn: () => void): void {
  const t = training();
  if (t.model === null || t.step === 0) {
    fn();
    return;
  }
  patchTraining({
    confirm: {
      message: `${action} starts a new model. The current one (trained for ${t.step.toLocaleString('en-US')} steps) will be discarded unless you save a checkpoint first.`,
      confirmLabel: 'Discard and continue',
      run: fn,
    },
  });
}

export function answerConfirm(yes: boolean): void {
  const pending = training().confirm;
  patchTraining({ confirm: null });
  if (yes) pending?.run();
}

/** A fresh model for the current text and configuration; the curves start again. */
export async function createModel(): Promise<void> {
  const reply = await engine().request({ type: 'create', settings: settingsOf(config()) });
  installed(reply.info, emptyHistory(), []);
  patchTraining({ message: null });
  void autosave();
}

/** Shows a model the engine now holds, with the given curves; the old model's views are cleared. */
export function installed(
  info: ModelInfo,
  history = training().history,
  timeline = training().timeline,
): void {
  stopTimers();
  patchTraining({
    phase: 'ready',
    busy: null,
    model: info,
    step: info.step,
    history,
    version: training().version + 1,
    timeline,
    divergence: null,
    error: null,
    sample: info.step === 0 ? null : training().sample,
    weights: null,
    neurons: null,
  });
}

/**
 * Changes settings. Learning rate, clipping, sequence length, batch size and optimizer change
 * live; the text, cell, size, initialisation or seed need a new model (asked first when trained).
 */
export function changeConfig(patch: Partial<ConfigState>): void {
  const before = config();
  const after = { ...before, ...patch };
  if (!needsNewModel(before, after)) {
    updateConfig(patch);
    void guarded('Could not change the setting', async () => {
      await engine().request({ type: 'setHyper', settings: settingsOf(after) });
    });
    return;
  }
  confirmDiscard('Changing the architecture', () => {
    void guarded('Could not make the model', async () => {
      await pause();
      updateConfig(patch);
      await createModel();
    });
  });
}

export function train(): void {
  const t = training();
  if (t.phase !== 'ready' || t.model === null) return;
  void guarded('Could not train', async () => {
    await engine().request({ type: 'train' });
    patchTraining({ phase: 'running', error: null, message: null });
    startTimers();
  });
}

export async function pause(): Promise<void> {
  if (training().phase !== 'running') return;
  stopTimers();
  await guarded('Could not pause', async () => {
    const ack = await engine().request({ type: 'pause' });
    patchTraining({ phase: 'ready', step: ack.step });
    await evaluate();
    await autosave();
  });
}

/** One batch. */
export function step(): void {
  if (training().phase !== 'ready') return;
  void guarded('Could not step', async () => {
    await engine().request({ type: 'step' });
    await evaluate();
  });
}

/** A fresh model with the same settings (asked first when trained). */
export function reset(): void {
  confirmDiscard('Reset', () => {
    void guarded('Could not reset', async () => {
      await pause();
      await createModel();
    });
  });
}

/** Measures the validation loss now and adds it to the curve. */
async function evaluate(): Promise<void> {
  const reply = await engine().request({ type: 'evaluate', maxChars: 4000 });
  const t = training();
  const last = t.history.val.at(-1);
  if (last === undefined || last.step < t.step)
    t.history.val.push({ step: t.step, loss: reply.loss });
  patchTraining({ version: training().version + 1 });
}

/** Puts back the last good checkpoint after a divergence (optionally with a smaller lr). */
export function restoreLastGood(lrFactor = 1): void {
  void guarded('Could not restore', async () => {
    if (lrFactor !== 1) {
      const lr = Math.max(1e-6, config().lr * lrFactor);
      updateConfig({ lr: Number(lr.toPrecision(3)) });
    }
    const reply = await engine().request({ type: 'restore' });
    await engine().request({ type: 'setHyper', settings: settingsOf(config()) });
    installed(reply.info, truncateHistory(training().history, reply.info.step));
    patchTraining({
      message: `Restored the checkpoint from step ${reply.info.step.toLocaleString('en-US')}.`,
      timeline: training().timeline.filter((s) => s.step <= reply.info.step),
    });
    void autosave();
  });
}

// ---- timers ---------------------------------------------------------------------------------

function startTimers(): void {
  stopTimers();
  if (runtime === null) return;
  void refreshSample();
  runtime.sampleTimer = setInterval(() => void refreshSample(), SAMPLE_EVERY_MS);
  runtime.saveTimer = setInterval(() => void autosave(), AUTOSAVE_EVERY_MS);
  startFps();
}

function stopTimers(): void {
  if (runtime === null) return;
  if (runtime.sampleTimer !== null) clearInterval(runtime.sampleTimer);
  if (runtime.saveTimer !== null) clearInterval(runtime.saveTimer);
  runtime.sampleTimer = null;
  runtime.saveTimer = null;
  if (runtime.frame !== null && typeof cancelAnimationFrame === 'function')
    cancelAnimationFrame(runtime.frame);
  runtime.frame = null;
}

/** The page's frame rate while training, measured over one-second windows. */
function startFps(): void {
  if (runtime === null || typeof requestAnimationFrame !== 'function') return;
  const r = runtime;
  let frames = 0;
  let since = performance.now();
  const tick = (now: number) => {
    frames++;
    if (now - since >= 1000) {
      const t = training();
      patchTraining({ speed: { ...t.speed, fps: (frames * 1000) / (now - since) } });
      frames = 0;
      since = now;
    }
    r.frame = requestAnimationFrame(tick);
  };
  r.frame = requestAnimationFrame(tick);
}
