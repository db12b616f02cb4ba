// Actions of the Attention view: choose the task and the model (store, address, worker), train,
// pause and step the encoder–decoder, decode the example shown and score the held-out pairs, and
// put the worker's replies and progress into the `attention` slice. Progress arrives through one
// subscription per engine client and names its run; another run's is dropped.
import { formatCount } from '../content/format';
import type { EngineClient } from '../worker/client';
import type { FromWorker, ProgressBatch } from '../worker/protocol';
import { attentionSettings, taskLengths, withScores, type AttentionState } from './attention';
import { download } from './download';
import { getEngine, writeAddress } from './engineAccess';
import { appStore, patchSlice } from './store';
import { appendProgress, emptyHistory, truncateHistory, type TrainingHistory } from './training';

/** Generating a task's 20,000 pairs and a model takes longer than the default time. */
const LOAD = { timeoutMs: 30_000 };
/** While training, the curves follow at most this often (ms)… */
export const PATCH_EVERY_MS = 400;
/** …the decoding shown… */
export const DECODE_EVERY_MS = 1000;
/** …and the scores by input length (the worker's last validation). */
export const SCORE_EVERY_MS = 2500;
/** The longest own input decoded. */
export const MAX_OWN_INPUT = 60;

export const attention = (): AttentionState => appStore.getState().attention;
const patch = (p: Partial<AttentionState>) => patchSlice('attention', p);

/** The page's bookkeeping: engines listened to, the requests in flight and when they were sent. */
const page = {
  subscribed: new WeakSet<EngineClient>(),
  /** Progress not yet in the store, and when the store last took some. */
  pending: [] as ProgressBatch[],
  patchedAt: -Infinity,
  decoding: false,
  decodeAgain: false,
  decodedAt: -Infinity,
  scoring: false,
  scoredAt: -Infinity,
};

function listen(engine: EngineClient): void {
  if (page.subscribed.has(engine)) return;
  page.subscribed.add(engine);
  engine.subscribe((message: FromWorker) => {
    if (message.type === 'attentionProgress') onProgress(message.batch, message.run);
  });
}

function engineOrNull(): EngineClient | null {
  const engine = getEngine();
  if (engine !== null) listen(engine);
  return engine;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function onProgress(batch: ProgressBatch, run: number): void {
  const a = attention();
  if (a.info === null || a.info.run !== run) return;
  page.pending.push(batch);
  // The curves redraw at most every PATCH_EVERY_MS; a stop, a divergence or a score at once.
  const now = performance.now();
  if (batch.running && !batch.diverged && !batch.val && now - page.patchedAt < PATCH_EVERY_MS)
    return;
  page.patchedAt = now;
  const batches = page.pending.splice(0);
  const history = appendProgress(a.history, ...batches);
  const speed = batch.stepsPerSecond;
  patch({
    history,
    kept: { ...a.kept, [run]: history },
    // Smoothed: a batch that held a validation runs slower.
    stepsPerSecond: !batch.running
      ? a.stepsPerSecond
      : a.stepsPerSecond === null
        ? speed
        : 0.7 * a.stepsPerSecond + 0.3 * speed,
    lastGoodStep: batch.lastGoodStep,
    ...(batch.diverged
      ? {
          phase: 'diverged',
          error: `Training diverged at step ${formatCount(batch.firstStep + batch.loss.length - 1)}: the loss left every sensible range. Training paused; the last good model is kept.`,
        }
      : !batch.running && a.phase === 'training'
        ? { phase: 'ready' }
        : {}),
  });
  if (!batch.running || now - page.decodedAt >= DECODE_EVERY_MS) void refreshDecoded();
  if (!batch.running || (batch.val && now - page.scoredAt >= SCORE_EVERY_MS)) void refreshScores();
}

/** The input decoded: the learner's own, or the chosen held-out example. */
export function shownInput(a: AttentionState): string | null {
  if (a.own !== null) return a.own;
  const examples = a.info?.examples ?? [];
  return (examples[Math.min(a.example, examples.length - 1)] ?? null)?.input ?? null;
}

/**
 * Asks the worker to decode the input shown, one request at a time: one asked for meanwhile
 * follows when the first returns.
 */
export async function refreshDecoded(): Promise<void> {
  const engine = engineOrNull();
  const input = shownInput(attention());
  if (engine === null || input === null) return;
  if (page.decoding) {
    page.decodeAgain = true;
    return;
  }
  page.decoding = true;
  page.decodedAt = performance.now();
  try {
    const { decoded } = await engine.request({ type: 'attentionDecode', input });
    const a = attention();
    if (decoded.run === a.info?.run && decoded.input === shownInput(a)) patch({ decoded });
  } catch (error) {
    patch({ error: `Could not decode: ${messageOf(error)}` });
  } finally {
    page.decoding = false;
  }
  if (page.decodeAgain) {
    page.decodeAgain = false;
    await refreshDecoded();
  }
}

/** Scores the held-out pairs (exact match by input length) for the length chart. */
export async function refreshScores(): Promise<void> {
  const engine = engineOrNull();
  const info = attention().info;
  if (engine === null || info === null || page.scoring) return;
  page.scoring = true;
  page.scoredAt = performance.now();
  try {
    const { scores } = await engine.request({ type: 'attentionScore' });
    const a = attention();
    if (a.info?.run === info.run)
      patch({ scores, compare: withScores(a.compare, info.settings, scores) });
  } catch {
    // The next validation point asks again.
  } finally {
    page.scoring = false;
  }
}

/**
 * Sets up the run the view's choices name in the worker: a fresh one, or one kept from before
 * with the same choices (its curves come back with it).
 */
export async function loadAttention({ fresh = false } = {}): Promise<boolean> {
  const engine = engineOrNull();
  if (engine === null) return false;
  const before = attention();
  patch({ phase: 'loading', error: null });
  try {
    const { info } = await engine.request(
      { type: 'attentionLoad', settings: attentionSettings(before), fresh },
      LOAD,
    );
    const a = attention();
    const history: TrainingHistory = (!fresh && a.kept[info.run]) || emptyHistory();
    // The worker keeps four runs; the curves of those it dropped go too.
    const kept = Object.fromEntries(
      Object.entries({ ...a.kept, [info.run]: history })
        .map(([run, h]) => [Number(run), h] as const)
        .sort((x, y) => y[0] - x[0])
        .slice(0, 4),
    );
    const same = a.info?.run === info.run;
    patch({
      phase: 'ready',
      info,
      history,
      kept,
      lastGoodStep: info.lastGoodStep,
      stepsPerSecond: same ? a.stepsPerSecond : null,
      decoded: same ? a.decoded : null,
      scores: same ? a.scores : null,
      example: Math.min(a.example, Math.max(0, info.examples.length - 1)),
    });
    await Promise.all([refreshDecoded(), refreshScores()]);
    return true;
  } catch (error) {
    patch({ phase: attention().info === null ? 'idle' : 'ready', error: messageOf(error) });
    return false;
  }
}

export async function trainAttention(): Promise<void> {
  const engine = engineOrNull();
  const a = attention();
  if (engine === null || a.info === null || a.phase === 'diverged' || a.phase === 'training')
    return;
  patch({ phase: 'training', error: null });
  try {
    await engine.request({ type: 'attentionTrain' });
  } catch (error) {
    patch({ phase: 'ready', error: messageOf(error) });
  }
}

export async function pauseAttention(): Promise<void> {
  const engine = engineOrNull();
  if (engine === null || attention().info === null) return;
  try {
    await engine.request({ type: 'attentionPause' });
    if (attention().phase === 'training') patch({ phase: 'ready' });
    await Promise.all([refreshDecoded(), refreshScores()]);
  } catch (error) {
    patch({ error: messageOf(error) });
  }
}

/** One training step by hand (paused): the decoding and the scores follow. */
export async function stepAttention(): Promise<void> {
  const engine = engineOrNull();
  const a = attention();
  if (engine === null || a.info === null || a.phase !== 'ready') return;
  try {
    await engine.request({ type: 'attentionStep' });
    await refreshDecoded();
  } catch (error) {
    patch({ error: messageOf(error) });
  }
}

/** After a divergence: back to the last good model (the curves are cut at its step). */
export async function restoreAttentionLastGood(): Promise<void> {
  const engine = engineOrNull();
  if (engine === null || attention().info === null) return;
  try {
    const { info } = await engine.request({ type: 'attentionRestoreLastGood' });
    const a = attention();
    const history = truncateHistory(a.history, info.step);
    patch({ info, phase: 'ready', error: null, history, kept: { ...a.kept, [info.run]: history } });
    await Promise.all([refreshDecoded(), refreshScores()]);
  } catch (error) {
    patch({ error: messageOf(error) });
  }
}

/** The choices that make a run: the panel loads it when they change. */
export type AttentionChoices = Partial<
  Pick<
    AttentionState,
    'task' | 'minLength' | 'maxLength' | 'attention' | 'cell' | 'hidden' | 'bidirectional'
  >
>;

/** Changes the task or the model (and the address); a running model pauses first. */
export async function setAttentionChoice(change: AttentionChoices): Promise<void> {
  if (attention().phase === 'training') await pauseAttention();
  // Dot attention compares states of one size: the encoder then reads one way.
  if (change.attention === 'dot') change = { ...change, bidirectional: false };
  const next = { ...attention(), ...change };
  const lengths =
    change.task !== undefined && change.task !== attention().task
      ? taskLengths(next.task, undefined, undefined)
      : taskLengths(next.task, next.minLength, next.maxLength);
  patch({
    ...change,
    ...lengths,
    ...(change.task !== undefined ? { example: 0, own: null, row: null } : {}),
  });
  writeAddress();
}

/** Shows another held-out example (and leaves the own input). */
export function selectExample(example: number): void {
  patch({ example, own: null, row: null });
  writeAddress();
  void refreshDecoded();
}

/** Shows one output step in detail. */
export function selectRow(row: number | null): void {
  patch({ row });
  writeAddress();
}

/**
 * Decodes the learner's own input; returns the reason it cannot (a character the model never
 * reads, empty, too long), or null when it is decoded.
 */
export function setOwnInput(text: string): string | null {
  const a = attention();
  if (a.info === null) return 'The model is not ready yet.';
  const input = text.trim();
  if (input === '') return 'Type an input first.';
  if (Array.from(input).length > MAX_OWN_INPUT)
    return `At most ${MAX_OWN_INPUT} characters, please.`;
  const known = new Set(a.info.inputChars);
  const unknown = [...new Set(Array.from(input).filter((c) => !known.has(c)))];
  if (unknown.length > 0)
    return `The model never reads ${unknown.map((c) => `“${c}”`).join(', ')}. It knows: ${a.info.inputChars.join(' ')}`;
  patch({ own: input, row: null });
  void refreshDecoded();
  return null;
}

/** Back to the held-out example. */
export function clearOwnInput(): void {
  patch({ own: null, row: null });
  void refreshDecoded();
}

/** Downloads the model file or the PyTorch script: unrolled-attention-dates-additive-gru-step700.json. */
export async function exportAttention(what: 'model' | 'script'): Promise<void> {
  const engine = engineOrNull();
  const a = attention();
  if (engine === null || a.info === null) return;
  try {
    const reply = await engine.request({ type: 'attentionExport' });
    const base = `unrolled-attention-${a.task}-${a.attention}-${a.cell}-step${reply.step}`;
    if (what === 'model') download(`${base}.json`, reply.json, 'application/json');
    else download(`${base}.py`, reply.script, 'text/x-python');
  } catch (error) {
    patch({ error: `Could not export: ${messageOf(error)}` });
  }
}

/** The view is being left: a running model stops. */
export function leaveAttention(): void {
  if (attention().phase === 'training') void pauseAttention();
}
