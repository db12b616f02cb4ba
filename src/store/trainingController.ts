// The bottom of the Training view's actions. It holds the run controller, the one object with the
// live run's handles on the world (the engine it follows, its timers, progress not yet shown), and
// the building blocks every other training module uses: reading and patching the `training`
// slice, guarded engine calls, the progress stream, installing or creating a model, pausing, the
// validation loss and the autosave. trainingData, trainingPersist, trainingExport and
// trainingViews sit on top of it; trainingActions, which the panels call, on top of them all.
import { EngineRestartedError, type EngineClient, type EngineEvent } from '../worker/client';
import type { FromWorker, ModelInfo, ProgressBatch } from '../worker/protocol';
import { settingsOf, type ConfigState } from './config';
import { getEngine } from './engineAccess';
import { say, type MessageKey, type MessageVars } from './messages';
import { saveTarget } from './runSlot';
import { appStore, patchTraining } from './store';
import {
  addValidation,
  appendProgress,
  divergenceOf,
  emptyHistory,
  epochAt,
  type TrainingState,
} from './training';
import { curveBuffers, packedCurves } from './savedCurves';
import { reasonOf, replyReason } from './engineWords';
import { selectLocale } from './selectors';

/** Long requests (a 1 MB text, a big model file) get more time than the default. */
export const SLOW = { timeoutMs: 60_000 };
/** Reading and checking a model file: the largest takes the worker tens of seconds. */
export const READ_FILE = { timeoutMs: 300_000 };
/** How often growing curves reach the store (and so the charts) while training runs. */
const PROGRESS_EVERY_MS = 250;

export const training = (): TrainingState => appStore.getState().training;
export const config = (): ConfigState => appStore.getState().config;
/** A message of the Training view in the language in effect (written when it is made). */
export const word = (key: MessageKey, vars?: MessageVars): string =>
  say(appStore.getState(), key, vars);

/** The live run's handles outside the store (one app, one run). */
interface RunController {
  /** The engine the run follows (null until `follow`), and how to stop following it. */
  engine: EngineClient | null;
  unsubscribe: (() => void) | null;
  /** Repeating work while training runs (samples, autosave) and the frame-rate meter. */
  timers: ReturnType<typeof setInterval>[];
  frame: number | null;
  /** Progress received but not yet in the store, when it was last shown, the timer to show it. */
  pending: ProgressBatch[];
  shownAt: number;
  showTimer: ReturnType<typeof setTimeout> | null;
}

const run: RunController = {
  engine: null,
  unsubscribe: null,
  timers: [],
  frame: null,
  pending: [],
  shownAt: 0,
  showTimer: null,
};

/**
 * Follows an engine's progress and training failures; false when it already does. When its
 * worker is replaced, the run stops at once and `afterRestart` is called to put it back.
 */
export function follow(
  e: EngineClient,
  afterRestart: (reason: string) => void = () => {},
): boolean {
  if (run.engine === e) return false;
  run.unsubscribe?.();
  run.engine = e;
  const stopMessages = e.subscribe(onMessage);
  const stopEvents = e.onEvent((event) => onEngineEvent(event, afterRestart));
  run.unsubscribe = () => {
    stopMessages();
    stopEvents();
  };
  return true;
}

/** A replaced worker holds nothing: no timers, no progress, the view loading until restored. */
function onEngineEvent(event: EngineEvent, afterRestart: (reason: string) => void): void {
  if (event.type === 'recovered') return;
  stopTimers();
  dropProgress();
  if (event.type === 'restarted') {
    patchTraining({ phase: 'loading', busy: word('training.busy.restarting') });
    afterRestart(event.reason);
  } else {
    patchTraining({
      phase: 'idle',
      busy: null,
      error: word('training.message.engineStopped', { reason: event.reason }),
    });
  }
}

/** Stops following the engine (tests, and when the app shuts down). */
export function stopTraining(): void {
  if (run.engine === null) return;
  run.unsubscribe?.();
  stopTimers();
  dropProgress();
  run.engine = null;
  run.unsubscribe = null;
}

/** The engine the live run follows (else the app's); throws when there is none. */
export function engine(): EngineClient {
  const e = run.engine ?? getEngine();
  if (e === null) throw new Error(word('training.reason.noEngine'));
  return e;
}

/** The run at `step`: the step and the epoch it means for the current text and settings. */
export function atStep(step: number): Pick<TrainingState, 'step' | 'speed'> {
  const c = config();
  const epoch = epochAt(step, training().corpus?.trainChars ?? null, c.batchSize, c.seqLen);
  return { step, speed: { ...training().speed, epoch } };
}

export function messageOf(error: unknown): string {
  return reasonOf(error);
}

/** A failure as the view says it: what was going on (a `training.fail` key), then why. */
export function failure(what: MessageKey, error: unknown): string {
  return word('training.failed', { what: word(what), reason: messageOf(error) });
}

/**
 * Runs an action, putting any failure in `training.error` after what was going on (`what`, a
 * `training.fail` key). A failure while loading ends the loading: the view is ready again with the
 * model it holds (idle without one), never locked.
 */
export async function guarded(what: MessageKey, fn: () => Promise<void>): Promise<void> {
  try {
    await fn();
  } catch (error) {
    // The engine was replaced mid-request: the run's restore (onEngineEvent) speaks for it.
    if (error instanceof EngineRestartedError) return;
    const patch: Partial<TrainingState> = { error: failure(what, error), busy: null };
    if (training().phase === 'loading') patch.phase = training().model === null ? 'idle' : 'ready';
    patchTraining(patch);
  }
}

// ---- progress -----------------------------------------------------------------------------

function onMessage(message: FromWorker): void {
  if (message.type === 'progress') receiveProgress(message.batch);
  else if (message.type === 'error' && message.id === null && message.source === 'training') {
    stopTimers();
    patchTraining({
      phase: 'ready',
      error: replyReason(selectLocale(appStore.getState()), message),
    });
  }
}

/**
 * Keeps a progress batch and shows what has arrived at most every PROGRESS_EVERY_MS (the worker
 * posts up to ten batches a second); samples, a validation loss, a divergence or a stop are
 * shown at once.
 */
function receiveProgress(b: ProgressBatch): void {
  run.pending.push(b);
  const stopped = b.diverged || (!b.running && training().phase === 'running');
  if (stopped) stopTimers();
  const urgent = stopped || b.samples !== undefined || b.val !== undefined;
  if (urgent || Date.now() - run.shownAt >= PROGRESS_EVERY_MS) showProgress();
  else run.showTimer ??= setTimeout(showProgress, PROGRESS_EVERY_MS);
}

/** Puts the progress received so far into the store: a new history and the latest figures. */
function showProgress(): void {
  const batches = run.pending;
  dropProgress();
  run.shownAt = Date.now();
  const b = batches.at(-1);
  if (b === undefined) return;
  const t = training();
  const history = appendProgress(t.history, ...batches);
  const samples = batches.flatMap((x) => x.samples ?? []);
  const now = atStep(b.firstStep + b.loss.length - 1);
  const patch: Partial<TrainingState> = {
    history,
    step: now.step,
    speed: {
      ...now.speed,
      charsPerSecond: b.charsPerSecond,
      stepsPerSecond: b.stepsPerSecond,
    },
    dLdhNorm: b.dLdhNorm,
    lastStepNorm: b.lastStepNorm ?? [],
  };
  const flops = batches.filter((x) => x.flopsPerSecond !== undefined).at(-1)?.flopsPerSecond;
  if (flops !== undefined) patch.flopsPerSecond = flops;
  if (samples.length > 0) patch.timeline = [...t.timeline, ...samples];
  if (b.diverged) {
    const c = config();
    patch.divergence = divergenceOf(history, b, c.lr, c.clipMode);
    patch.phase = 'diverged';
  } else if (!b.running && t.phase === 'running') {
    patch.phase = 'ready';
  }
  patchTraining(patch);
}

/** Forgets progress not yet shown (it belongs to a model that is being replaced). */
function dropProgress(): void {
  if (run.showTimer !== null) clearTimeout(run.showTimer);
  run.showTimer = null;
  run.pending = [];
}

// ---- timers -------------------------------------------------------------------------------

/**
 * Starts repeating work for a running run, and the frame-rate meter; false (and nothing started)
 * when no engine is followed.
 */
export function startTimers(tasks: readonly { everyMs: number; run: () => void }[]): boolean {
  stopTimers();
  if (run.engine === null) return false;
  run.timers = tasks.map((task) => setInterval(task.run, task.everyMs));
  startFps();
  return true;
}

function stopTimers(): void {
  for (const timer of run.timers) clearInterval(timer);
  run.timers = [];
  if (run.frame !== null && typeof cancelAnimationFrame === 'function')
    cancelAnimationFrame(run.frame);
  run.frame = null;
}

/** The page's frame rate while training, measured over one-second windows. */
function startFps(): void {
  if (typeof requestAnimationFrame !== 'function') return;
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
    run.frame = requestAnimationFrame(tick);
  };
  run.frame = requestAnimationFrame(tick);
}

// ---- the model ----------------------------------------------------------------------------

/**
 * Asks first when a trained model would be discarded; runs `fn` at once otherwise. `action` is
 * what would discard it (a `training.confirm` key).
 */
export function confirmDiscard(action: MessageKey, fn: () => void): void {
  const t = training();
  if (t.model === null || t.step === 0) {
    fn();
    return;
  }
  patchTraining({
    confirm: {
      message: word('training.confirm.discard', {
        action: word(action),
        steps: t.step.toLocaleString('en-US'),
      }),
      confirmLabel: word('training.confirm.discardLabel'),
      run: fn,
    },
  });
}

/** Shows a model the engine now holds, with the given curves; the old model's views are cleared. */
export function installed(
  info: ModelInfo,
  history = training().history,
  timeline = training().timeline,
): void {
  stopTimers();
  dropProgress();
  patchTraining({
    phase: 'ready',
    busy: null,
    model: info,
    ...atStep(info.step),
    history,
    timeline,
    divergence: null,
    error: null,
    sample: info.step === 0 ? null : training().sample,
    weights: null,
    neurons: null,
  });
}

/** A fresh model for the current text and configuration; the curves start again. */
export async function createModel(): Promise<void> {
  const reply = await engine().request({ type: 'create', settings: settingsOf(config()) });
  installed(reply.info, emptyHistory(), []);
  patchTraining({ message: null });
  void autosave();
}

/**
 * Pauses: says so at once, while the engine finishes the step in progress (steps over
 * MAX_STEP_SECONDS are refused, so that is soon), then the validation loss and an autosave.
 */
export async function pause(): Promise<void> {
  if (training().phase !== 'running') return;
  stopTimers();
  patchTraining({ busy: word('training.busy.pausing') });
  await guarded('training.fail.pause', async () => {
    const ack = await engine().request({ type: 'pause' });
    patchTraining({ phase: 'ready', busy: null, ...atStep(ack.step) });
    await evaluate();
    await autosave();
  });
}

/** Measures the validation loss now and adds it to the curve. */
export async function evaluate(): Promise<void> {
  const reply = await engine().request({ type: 'evaluate', maxChars: 4000 });
  showProgress();
  const t = training();
  patchTraining({ history: addValidation(t.history, { step: t.step, loss: reply.loss }) });
}

/**
 * Saves the run (model, settings, curves, timeline) to this tab's slot; skipped after a
 * divergence. The worker adds the model and optimizer state and writes the save itself.
 */
export async function autosave(): Promise<void> {
  const t = training();
  if (t.model === null || t.phase === 'diverged' || t.phase === 'loading') return;
  try {
    const { runId, live } = await saveTarget();
    const savedAt = Date.now();
    const curves = packedCurves(t.history);
    const reply = await engine().request(
      {
        type: 'autosave',
        runId,
        live: [...live],
        page: { version: 1, savedAt, config: config(), curves, timeline: [...t.timeline] },
      },
      { ...SLOW, transfer: curveBuffers(curves) },
    );
    patchTraining(
      reply.ok ? { savedAt, savedStep: reply.step, saveFailed: false } : { saveFailed: true },
    );
  } catch {
    // Autosave is best effort: the next one tries again.
  }
}
