// Actions of the Time series view: choose a series and a model (store, address, worker), train and
// pause it, and put the worker's replies and progress into the `series` slice. The progress
// arrives through one subscription per engine client; a validation point asks for new predictions.
import { formatCount } from '../content/format';
import { SERIES_SOURCES, type SynthParam } from '../content/series';
import { DEFAULT_SETTINGS, type TrainSettings } from '../engine/settings';
import type { SeriesSpec } from '../engine/tasks/seriesSources';
import type { EngineClient } from '../worker/client';
import type { FromWorker, ProgressBatch } from '../worker/protocol';
import { loadOwnSeries as readStoredOwn, saveOwnSeries } from '../persist/trainingStore';
import { download } from './download';
import { boundWindow, getEngine, writeAddress } from './engineAccess';
import {
  MAX_OWN_CSV_BYTES,
  SERIES_LIMITS,
  seriesChoice,
  seriesRunKey,
  type SERIES_CHOICES,
  type SERIES_TRAINING,
  type SeriesState,
} from './series';
import { reasonOf } from './engineWords';
import { say, type MessageKey, type MessageVars } from './messages';
import { appStore, patchSlice } from './store';
import { curveBuffers, historyFromSaved, packedCurves } from './savedCurves';
import { appendProgress, emptyHistory, truncateHistory } from './training';

/** Loading a series builds its baselines (AR fits) and a model: more than the default time. */
export const LOAD = { timeoutMs: 30_000 };
/** The length of the synthetic series. */
const SYNTHETIC_LENGTH = 1000;

export const series = (): SeriesState => appStore.getState().series;
export const patch = (p: Partial<SeriesState>) => patchSlice('series', p);
/** A message of the view's store in the language in effect. */
export const words = (key: MessageKey, vars?: MessageVars) => say(appStore.getState(), key, vars);

/** The training settings of the view's model: the view's choices, the rest the app's defaults. */
export function seriesSettings(
  s: Pick<SeriesState, 'cell' | 'hidden' | 'layers' | 'lr' | 'seqLen' | 'batch'>,
): TrainSettings {
  return {
    ...DEFAULT_SETTINGS,
    cell: s.cell,
    hiddenSize: s.hidden,
    numLayers: s.layers,
    lr: s.lr,
    seqLen: s.seqLen,
    batchSize: s.batch,
  };
}

/**
 * Changes how the model trains (learning rate, window length, batch size), live: the model, its
 * step and curves stay. A value the engine refuses changes nothing and says why.
 */
export async function setSeriesTraining(
  change: Partial<Pick<SeriesState, (typeof SERIES_TRAINING)[number]>>,
): Promise<void> {
  const before = series();
  const mine = ++trainingChanges.count;
  patch(change);
  writeAddress();
  const engine = engineOrNull();
  if (engine === null || before.info === null) return;
  try {
    await engine.request({ type: 'seriesSetHyper', settings: seriesSettings(series()) });
    patch({ error: null });
  } catch (error) {
    // A newer change has been sent since: it stands (the worker holds the settings it last took).
    if (mine !== trainingChanges.count) return;
    const back = Object.fromEntries(
      Object.keys(change).map((k) => [k, before[k as keyof typeof change]]),
    );
    patch({ ...back, error: words('series.errors.setting', { message: messageOf(error) }) });
    writeAddress();
  }
}

/** Counts the live changes of the training settings, so a refusal undoes only the latest. */
const trainingChanges = { count: 0 };

/** An error's text, the engine client's own reasons in the language in effect. */
export const messageOf = (error: unknown) => reasonOf(error);

/** Where the chosen series comes from: a shipped file (fetched) or a synthetic series. */
async function specOf(s: SeriesState): Promise<SeriesSpec> {
  if (s.own !== null)
    return {
      kind: 'csv',
      name: s.own.name,
      text: s.own.text,
      ...(s.own.column !== null ? { column: s.own.column } : {}),
    };
  const text = SERIES_SOURCES[s.source];
  const name = text.label;
  if (text.file) {
    const response = await fetch(`./data/series/${text.file.name}`);
    if (!response.ok) throw new Error(words('series.errors.fetch', { status: response.status }));
    return { kind: 'csv', name, text: await response.text(), column: text.file.column };
  }
  const p = s.synth;
  switch (s.source) {
    case 'logistic':
      return { kind: 'logistic', name, n: SYNTHETIC_LENGTH, r: p.r };
    case 'mackeyGlass':
      return { kind: 'mackeyGlass', name, n: SYNTHETIC_LENGTH, tau: p.tau };
    default:
      return {
        kind: 'sines',
        name,
        n: SYNTHETIC_LENGTH,
        periods: [p.period1, p.period2],
        amplitudes: [1, p.amplitude2],
        trend: p.trend,
        noise: p.noise,
        seed: p.seed,
      };
  }
}

const subscribed = new WeakSet<EngineClient>();

function listen(engine: EngineClient): void {
  if (subscribed.has(engine)) return;
  subscribed.add(engine);
  engine.subscribe((message: FromWorker) => {
    if (message.type === 'seriesProgress') onProgress(message.batch);
  });
}

function onProgress(batch: ProgressBatch): void {
  const s = series();
  if (s.info === null) return;
  patch({
    history: appendProgress(s.history, batch),
    stepsPerSecond: batch.running ? batch.stepsPerSecond : s.stepsPerSecond,
    lastGoodStep: batch.lastGoodStep,
    ...(batch.diverged
      ? {
          phase: 'diverged',
          error: words('series.errors.diverged', {
            step: formatCount(batch.firstStep + batch.loss.length - 1),
          }),
        }
      : !batch.running && s.phase === 'training'
        ? { phase: 'ready' }
        : {}),
  });
  if (!batch.running) stopAutosaving();
  if (batch.val || !batch.running) void refreshPredictions();
}

export function engineOrNull(): EngineClient | null {
  const engine = getEngine();
  if (engine !== null) listen(engine);
  return engine;
}

function fail(error: unknown, phase: SeriesState['phase']): void {
  patch({ phase, error: messageOf(error) });
}

/**
 * Reads and prepares the chosen series in the worker, with a fresh model; false if refused. With
 * `resume` (the view's first load after a reload), the autosaved run comes back if it was made
 * from the same choices.
 */
export async function loadSeries({ resume = false } = {}): Promise<boolean> {
  const engine = engineOrNull();
  if (engine === null) return false;
  const s = series();
  patch({ phase: 'loading', error: null });
  try {
    const spec = await specOf(s);
    const prep = {
      horizon: s.horizon,
      difference: s.difference,
      season: SERIES_SOURCES[s.source].season,
      valFraction: 0.2,
    };
    const reply = await engine.request(
      { type: 'seriesLoad', spec, prep, settings: seriesSettings(s) },
      LOAD,
    );
    const back = resume
      ? (await engine.request({ type: 'seriesResume', choice: seriesRunKey(s) }, LOAD)).resumed
      : null;
    patch({
      phase: 'ready',
      info: back?.info ?? reply.info,
      history: back === null ? emptyHistory() : historyFromSaved(back.history),
      predicted: null,
      forecast: null,
      states: null,
      stepsPerSecond: null,
      saved: back === null ? null : { at: back.savedAt, step: back.info.step },
      restoredStep: back?.info.step ?? null,
    });
    await refreshPredictions();
    return true;
  } catch (error) {
    fail(error, series().info === null ? 'idle' : 'ready');
    return false;
  }
}

/** How often a training series run is autosaved. */
const AUTOSAVE_EVERY_MS = 15_000;

/** The timer of the series run's autosave while it trains (one per page). */
const autosaver: { timer: ReturnType<typeof setInterval> | null } = { timer: null };

function stopAutosaving(): void {
  if (autosaver.timer !== null) clearInterval(autosaver.timer);
  autosaver.timer = null;
}

/**
 * Autosaves the series run: the page sends its curves and what the run was made from, the worker
 * adds the model and optimizer state. A diverged or untrained run is not saved over the last one.
 */
export async function autosaveSeries(): Promise<void> {
  const engine = engineOrNull();
  const s = series();
  const step = s.history.steps.at(-1) ?? 0;
  if (engine === null || s.info === null || s.phase === 'diverged' || step === 0) return;
  const curves = packedCurves(s.history);
  const savedAt = Date.now();
  try {
    const reply = await engine.request(
      { type: 'seriesAutosave', page: { savedAt, choice: seriesRunKey(s), curves } },
      { ...LOAD, transfer: curveBuffers(curves) },
    );
    if (reply.ok) patch({ saved: { at: savedAt, step: reply.step } });
  } catch {
    // Best effort: the next one tries again.
  }
}

/**
 * Counts the choices of what the view shows (an own file read, a series picked from the menu): a
 * read of an own file that a later choice overtook while it waited leaves that choice alone.
 */
let choices = 0;

/**
 * Reads the learner's own CSV (column: the first all-numeric one, or `column`). A file the
 * worker refuses leaves the series shown as it was, with the reason.
 */
export async function loadOwnSeries(
  file: { name: string; text: string },
  column: string | null = null,
  { resume = false } = {},
): Promise<void> {
  const choice = ++choices;
  const overtaken = () => choice !== choices;
  const before = series().own;
  if (series().phase === 'training') await pauseSeries();
  const own = { name: file.name, text: file.text, column };
  // Stored and marked as this tab's before it is shown, so a reload right after still finds it.
  const stored = await saveOwnSeries(own);
  if (overtaken()) return;
  patch({ own });
  setOwnInTab(stored);
  const loaded = await loadSeries({ resume });
  if (overtaken()) return;
  if (!loaded) {
    const error = series().error;
    patch({
      own: before,
      error: words('series.errors.ownFailed', {
        name: file.name,
        error: error ?? words('series.errors.unreadable'),
      }),
    });
    setOwnInTab(before !== null);
    if (before !== null) await saveOwnSeries(before);
    return;
  }
  if (!stored) patch({ error: words('series.errors.notStored') });
}

/** The key in sessionStorage that says this tab shows the own file (the file is in IndexedDB). */
const OWN_IN_TAB = 'unrolled-own-series';

function setOwnInTab(on: boolean): void {
  try {
    const store = boundWindow()?.sessionStorage;
    if (on) store?.setItem(OWN_IN_TAB, '1');
    else store?.removeItem(OWN_IN_TAB);
  } catch {
    // Storage off: a reload shows the series in the address.
  }
}

function ownInTab(): boolean {
  try {
    return boundWindow()?.sessionStorage.getItem(OWN_IN_TAB) === '1';
  } catch {
    return false;
  }
}

/** After a reload: the own file this tab showed comes back (from IndexedDB). */
export async function restoreOwnSeries(): Promise<void> {
  if (series().own !== null || !ownInTab()) return;
  const stored = await readStoredOwn();
  if (stored === null) {
    setOwnInTab(false);
    return;
  }
  await loadOwnSeries(stored, stored.column, { resume: true });
}

/** Reads an own CSV file the learner chose; a file too large is refused before it is read. */
export async function openOwnFile(file: File): Promise<void> {
  if (file.size > MAX_OWN_CSV_BYTES) {
    const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
    patch({
      error: words('series.errors.tooLarge', {
        name: file.name,
        size: mb(file.size),
        max: mb(MAX_OWN_CSV_BYTES),
      }),
    });
    return;
  }
  await loadOwnSeries({ name: file.name, text: await file.text() });
}

/** Reads another column of the own CSV. */
export function setOwnColumn(column: string): Promise<void> {
  const own = series().own;
  return own === null ? Promise.resolve() : loadOwnSeries(own, column);
}

/** Asks the worker for the model's predictions of the whole series. */
export async function refreshPredictions(): Promise<void> {
  const engine = engineOrNull();
  if (engine === null || series().info === null) return;
  try {
    const reply = await engine.request({ type: 'seriesPredict' });
    patch({
      predicted: reply.predicted,
      predictedStep: reply.step,
      forecast: reply.forecast,
      states: reply.hidden,
    });
  } catch {
    // The next validation point asks again.
  }
}

export async function trainSeries(): Promise<void> {
  const engine = engineOrNull();
  // A diverged model trains again only once it is restored.
  if (engine === null || series().info === null || series().phase === 'diverged') return;
  patch({ phase: 'training', error: null, restoredStep: null });
  try {
    await engine.request({ type: 'seriesTrain' });
    stopAutosaving();
    // Paused (or diverged) while the request was on its way: nothing to autosave on a timer.
    if (series().phase === 'training')
      autosaver.timer = setInterval(() => void autosaveSeries(), AUTOSAVE_EVERY_MS);
  } catch (error) {
    fail(error, 'ready');
  }
}

export async function pauseSeries(): Promise<void> {
  const engine = engineOrNull();
  if (engine === null) return;
  stopAutosaving();
  try {
    await engine.request({ type: 'seriesPause' });
    if (series().phase === 'training') patch({ phase: 'ready' });
    await autosaveSeries();
    await refreshPredictions();
  } catch (error) {
    fail(error, 'ready');
  }
}

/**
 * Changes the series, its preparation or the model, and the address. The panel loads the new
 * choice (as it does for an address typed in); leaving an own file for the series it replaced
 * changes none of those, so that load is done here.
 */
export async function setSeries(
  change: Partial<Pick<SeriesState, (typeof SERIES_CHOICES)[number]>>,
): Promise<void> {
  if (change.source !== undefined) choices += 1;
  if (series().phase === 'training') await pauseSeries();
  const before = series();
  const next = { ...change };
  // A new series takes its own default for values or changes; changes are one step ahead.
  if (change.source !== undefined && change.difference === undefined)
    next.difference = SERIES_SOURCES[change.source].difference;
  // Choosing a series from the menu leaves the own file.
  if (change.source !== undefined) {
    Object.assign(next, { own: null });
    setOwnInTab(false);
  }
  if (next.difference === true) next.horizon = 1;
  patch(next);
  writeAddress();
  if (before.own !== null && seriesChoice(before) === seriesChoice(series())) await loadSeries();
}

/**
 * Goes back to the model with the lowest validation loss so far (early stopping): the curves are
 * cut at its step and training goes on from there.
 */
export async function restoreBestSeries(): Promise<void> {
  const engine = engineOrNull();
  if (engine === null || series().info === null) return;
  if (series().phase === 'training') await pauseSeries();
  try {
    const reply = await engine.request({ type: 'seriesRestoreBest' });
    patch({
      info: reply.info,
      phase: 'ready',
      history: truncateHistory(series().history, reply.info.step),
      error: null,
    });
    await refreshPredictions();
  } catch (error) {
    fail(error, 'ready');
  }
}

/**
 * After a divergence: back to the last good model (kept every 50 steps) at its step, the curves
 * cut there; with `lrFactor`, the learning rate is scaled too (a smaller one, to try again).
 */
export async function restoreSeriesLastGood(lrFactor = 1): Promise<void> {
  const engine = engineOrNull();
  if (engine === null || series().info === null) return;
  try {
    const reply = await engine.request({ type: 'seriesRestoreLastGood' });
    patch({
      info: reply.info,
      phase: 'ready',
      history: truncateHistory(series().history, reply.info.step),
      error: null,
    });
    if (lrFactor !== 1) {
      const lr = Number(Math.max(SERIES_LIMITS.lr.min, series().lr * lrFactor).toPrecision(3));
      await setSeriesTraining({ lr });
    }
    await refreshPredictions();
  } catch (error) {
    fail(error, 'diverged');
  }
}

/** Changes one parameter of the synthetic series (a new series and model). */
export function setSynth(param: SynthParam, value: number): Promise<void> {
  return setSeries({ synth: { ...series().synth, [param]: value } });
}

/** The view is being left: a running model stops. */
export function leaveSeries(): void {
  if (series().phase === 'training') void pauseSeries();
}

/** A file-name part: lower case letters, digits and dashes ("My data.csv" → "my-data"). */
function fileNamePart(name: string): string {
  const part = name
    .replace(/\.[^.]*$/, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return part === '' ? 'series' : part;
}

/**
 * Downloads the series model's file (with how its inputs are prepared) or a PyTorch script that
 * reads it, named after the series, the cell and the step: unrolled-series-co2-lstm-step300.json.
 */
export async function exportSeries(what: 'model' | 'script'): Promise<void> {
  const engine = engineOrNull();
  const s = series();
  if (engine === null || s.info === null) return;
  try {
    const reply = await engine.request({ type: 'seriesExport' });
    const source = s.own !== null ? fileNamePart(s.own.name) : s.source;
    const base = `unrolled-series-${source}-${s.cell}-step${reply.step}`;
    if (what === 'model') download(`${base}.json`, reply.json, 'application/json');
    else download(`${base}.py`, reply.script, 'text/x-python');
  } catch (error) {
    patch({ error: words('series.errors.export', { message: messageOf(error) }) });
  }
}
