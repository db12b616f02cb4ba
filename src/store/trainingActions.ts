// Side-effecting actions of the Training view: loading texts, creating and training models,
// live settings, divergence and restore, samples, autosave and checkpoints, import and export.
// Components call these; they talk to the engine through getEngine() and keep the `training`
// slice up to date. A failure lands in `training.error` (or `corpusError`), never as a throw.
import { CORPUS_FILES, corpusLabel } from '../content/corpora';
import { pytorchScript } from '../engine/pytorch';
import {
  deleteCheckpoint,
  listCheckpoints,
  loadAutosave,
  loadCheckpoint,
  loadOwnText,
  renameCheckpoint,
  saveAutosave,
  saveCheckpoint,
  saveOwnText,
} from '../persist/trainingStore';
import type { EngineClient } from '../worker/client';
import type { FromWorker, ModelInfo, ProgressBatch } from '../worker/protocol';
import { getEngine, updateConfig } from './actions';
import { needsNewModel, settingsOf, type ConfigState, type CorpusId } from './config';
import { appStore, patchTraining } from './store';
import {
  appendProgress,
  divergenceOf,
  emptyHistory,
  historyCsv,
  truncateHistory,
  type TrainingState,
} from './training';

/** Largest file accepted for upload, in bytes. */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
/** Largest model file accepted for import, in bytes. */
export const MAX_MODEL_BYTES = 100 * 1024 * 1024;
const SAMPLE_EVERY_MS = 4000;
const AUTOSAVE_EVERY_MS = 15_000;
const SAMPLE_CHARS = 240;
/** Long requests (a 1 MB text, a big model file) get more time than the default. */
const SLOW = { timeoutMs: 60_000 };

const training = (): TrainingState => appStore.getState().training;
const config = (): ConfigState => appStore.getState().config;

// The live run's timers and subscription (one app, one run).
interface Runtime {
  engine: EngineClient;
  unsubscribe: () => void;
  sampleTimer: ReturnType<typeof setInterval> | null;
  saveTimer: ReturnType<typeof setInterval> | null;
  frame: number | null;
}
let runtime: Runtime | null = null;

function engine(): EngineClient {
  const e = runtime?.engine ?? getEngine();
  if (e === null) throw new Error('The engine is not running.');
  return e;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Runs an action, putting any failure in `training.error`. */
async function guarded(what: string, fn: () => Promise<void>): Promise<void> {
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
    const saved = await loadAutosave();
    if (saved && sameConfig(saved.config, config())) {
      patchTraining({ phase: 'loading', busy: 'Restoring your last run…' });
      await loadCorpus(saved.config.corpus);
      const reply = await engine().request(
        { type: 'import', json: saved.model, settings: settingsOf(saved.config), step: saved.step },
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
      return;
    }
    await loadCorpus(config().corpus);
    await createModel();
  });
}

function sameConfig(a: ConfigState, b: ConfigState): boolean {
  return (Object.keys(a) as (keyof ConfigState)[]).every((k) => a[k] === b[k]);
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
  else if (
    message.type === 'error' &&
    message.id === null &&
    message.message.startsWith('Training stopped')
  ) {
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

// ---- text ---------------------------------------------------------------------------------

/** Installs a built-in or generated text (or the stored own text) in the engine. */
async function loadCorpus(id: CorpusId): Promise<void> {
  patchTraining({ phase: 'loading', busy: `Loading ${corpusLabel(id)}…`, corpusError: null });
  let info;
  const file = CORPUS_FILES[id as keyof typeof CORPUS_FILES] as string | undefined;
  if (file !== undefined) {
    const response = await fetch(`./corpora/${file}`);
    if (!response.ok) throw new Error(`could not fetch ${file} (HTTP ${response.status})`);
    const text = await response.text();
    info = (await engine().request({ type: 'setCorpus', name: id, text }, SLOW)).info;
  } else if (id === 'own') {
    const text = await loadOwnText();
    if (text === null) throw new Error('your own text is no longer stored; upload it again');
    info = (await engine().request({ type: 'setCorpus', name: 'own', text }, SLOW)).info;
  } else {
    info = (await engine().request({ type: 'setTask', name: id }, SLOW)).info;
  }
  patchTraining({ corpus: info, busy: null });
}

/** Asks first when a trained model would be discarded; runs `fn` at once otherwise. */
function confirmDiscard(action: string, fn: () => void): void {
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

/** Switches to another text (asking before a trained model is discarded). */
export function chooseCorpus(id: CorpusId): void {
  if (id === config().corpus && training().corpus !== null) return;
  confirmDiscard('Training on another text', () => {
    void guarded('Could not load the text', async () => {
      await pause();
      await loadCorpus(id);
      updateConfig({ corpus: id });
      await createModel();
    });
  });
}

/**
 * Reads an uploaded file as UTF-8 text; throws with a message a learner can act on for a file
 * that is too big or not valid UTF-8.
 */
export async function readTextFile(file: Blob & { name?: string }): Promise<string> {
  if (file.size > MAX_UPLOAD_BYTES) {
    const mb = (file.size / 1024 / 1024).toFixed(1);
    throw new Error(`The file is too big (${mb} MB); the limit is 5 MB.`);
  }
  const bytes = await file.arrayBuffer();
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new Error(
      'The file is not valid UTF-8 text. Save it as UTF-8 (or plain text) and try again.',
    );
  }
}

/** Trains on the learner's own text (pasted, or read from a file). A rejected text changes nothing. */
export function trainOnOwnText(source: string | Blob): void {
  patchTraining({ corpusError: null });
  void (async () => {
    let text: string;
    try {
      text = typeof source === 'string' ? source : await readTextFile(source);
    } catch (error) {
      patchTraining({ corpusError: messageOf(error) });
      return;
    }
    confirmDiscard('Training on your own text', () => {
      void (async () => {
        try {
          const info = (await engine().request({ type: 'setCorpus', name: 'own', text }, SLOW))
            .info;
          patchTraining({ corpus: info, corpusError: null });
        } catch (error) {
          // The engine rejected the text before touching anything: the model and run go on.
          patchTraining({ corpusError: messageOf(error) });
          return;
        }
        await guarded('Could not start on your text', async () => {
          await pause();
          await saveOwnText(text);
          updateConfig({ corpus: 'own' });
          await createModel();
        });
      })();
    });
  })();
}

// ---- model and run ----------------------------------------------------------------------

/** A fresh model for the current text and configuration; the curves start again. */
async function createModel(): Promise<void> {
  const reply = await engine().request({ type: 'create', settings: settingsOf(config()) });
  installed(reply.info, emptyHistory(), []);
  patchTraining({ message: null });
  void autosave();
}

function installed(info: ModelInfo, history = training().history, timeline = training().timeline) {
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

// ---- samples, views -------------------------------------------------------------------

export function setTemperature(temperature: number): void {
  patchTraining({ temperature });
}

/** A fresh sample at the chosen temperature. */
export async function refreshSample(): Promise<void> {
  const t = training();
  if (t.model === null) return;
  const vocab = t.model.vocab;
  await guarded('Could not sample', async () => {
    const reply = await engine().request({
      type: 'sample',
      request: {
        prime: vocab.includes('\n') ? '\n' : '',
        length: SAMPLE_CHARS,
        temperature: t.temperature,
        seed: (Date.now() >>> 0) % 1_000_000,
      },
    });
    patchTraining({
      sample: { step: training().step, text: reply.text, temperature: t.temperature },
    });
  });
}

export async function refreshWeights(): Promise<void> {
  if (training().model === null) return;
  await guarded('Could not read the weights', async () => {
    const reply = await engine().request({ type: 'weights' });
    patchTraining({ weights: reply.weights });
  });
}

export async function refreshNeurons(layer: number): Promise<void> {
  if (training().model === null) return;
  await guarded('Could not read the neurons', async () => {
    const reply = await engine().request({ type: 'neurons', layer, chars: 600 });
    patchTraining({ neurons: reply.neurons });
  });
}

export function setUnits(units: 'nats' | 'bits'): void {
  patchTraining({ units });
}

export function setLogSteps(logSteps: boolean): void {
  patchTraining({ logSteps });
}

export function dismissTrainingMessage(): void {
  patchTraining({ error: null, message: null, corpusError: null });
}

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

// ---- persistence --------------------------------------------------------------------------

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

async function refreshCheckpoints(): Promise<void> {
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

// ---- import and export ------------------------------------------------------------------

function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function exportModelFile(): void {
  void guarded('Could not export', async () => {
    const reply = await engine().request({ type: 'export' }, SLOW);
    const c = config();
    download(
      `unrolled-${c.cell}-${c.corpus}-step${training().step}.json`,
      reply.json,
      'application/json',
    );
  });
}

export function exportPytorchScript(): void {
  const m = training().model;
  if (m === null) return;
  void guarded('Could not write the script', async () => {
    const script = pytorchScript({
      cell: m.cell,
      nonlinearity: m.nonlinearity,
      hiddenSize: m.hiddenSize,
      numLayers: m.numLayers,
      vocab: m.vocab,
    });
    download('continue_in_pytorch.py', script, 'text/x-python');
    return Promise.resolve();
  });
}

export function exportLossCsv(): void {
  download(`unrolled-loss-step${training().step}.csv`, historyCsv(training().history), 'text/csv');
}

/** Loads a model file; a file that fails any check leaves the current model as it was. */
export function importModelFile(file: Blob): void {
  void (async () => {
    let json: string;
    try {
      if (file.size > MAX_MODEL_BYTES) throw new Error('The file is too big for a model file.');
      json = await file.text();
    } catch (error) {
      patchTraining({ error: `Could not import: ${messageOf(error)}` });
      return;
    }
    confirmDiscard('Importing a model', () => {
      void guarded('Could not import the model (your current model is unchanged)', async () => {
        const reply = await engine().request(
          { type: 'import', json, settings: settingsOf(config()) },
          SLOW,
        );
        await pause();
        const m = reply.info;
        updateConfig({
          cell: m.cell,
          hiddenSize: m.hiddenSize,
          numLayers: m.numLayers,
          nonlinearity: m.nonlinearity === 'relu' ? 'relu' : 'tanh',
        });
        installed(m, emptyHistory(), []);
        patchTraining({
          message: m.trainable
            ? 'Imported the model.'
            : 'Imported the model. Its characters differ from this text, so it can be inspected but not trained here.',
        });
      });
    });
  })();
}
