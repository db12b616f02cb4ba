// The base of the Attention view's actions: the slice and the engine, the progress that arrives
// through one subscription per engine client (it names its run; another run's is dropped), the
// decoding shown and the scores asked of the worker, and the autosave timer while it trains.
// attentionActions.ts and attentionSaves.ts build on it.
import { formatCount } from '../content/format';
import type { EngineClient } from '../worker/client';
import type { FromWorker, ProgressBatch } from '../worker/protocol';
import { attentionChoice, withScores, type AttentionState } from './attention';
import { getEngine } from './engineAccess';
import { curveBuffers, packedCurves } from './savedCurves';
import { appStore, patchSlice } from './store';
import { appendProgress } from './training';
import { reasonOf } from './engineWords';
import { say, type MessageKey, type MessageVars } from './messages';

/** Generating a task's 20,000 pairs and a model takes longer than the default time. */
export const LOAD = { timeoutMs: 30_000 };
/** While training, the curves follow at most this often (ms)… */
export const PATCH_EVERY_MS = 400;
/** …the decoding shown… */
export const DECODE_EVERY_MS = 1000;
/** …and the scores by input length (the worker's last validation). */
export const SCORE_EVERY_MS = 2500;
/** The longest own input decoded. */
export const MAX_OWN_INPUT = 60;

export const attention = (): AttentionState => appStore.getState().attention;
export const patch = (p: Partial<AttentionState>) => patchSlice('attention', p);

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

export function engineOrNull(): EngineClient | null {
  const engine = getEngine();
  if (engine !== null) listen(engine);
  return engine;
}

/** A message of the Attention view in the language in effect. */
export const attentionWord = (key: MessageKey, vars?: MessageVars): string =>
  say(appStore.getState(), key, vars);

export function messageOf(error: unknown): string {
  return reasonOf(error);
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
          error: attentionWord('attention.errors.diverged', {
            step: formatCount(batch.firstStep + batch.loss.length - 1),
          }),
        }
      : !batch.running && a.phase === 'training'
        ? { phase: 'ready' }
        : {}),
  });
  if (!batch.running) stopAutosaving();
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
    patch({ error: attentionWord('attention.errors.decode', { reason: messageOf(error) }) });
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

/** How often a training run is autosaved. */
export const AUTOSAVE_EVERY_MS = 15_000;

/** The autosave timer while the run trains (one per page). */
const autosaver: { timer: ReturnType<typeof setInterval> | null } = { timer: null };

export function startAutosaving(): void {
  stopAutosaving();
  autosaver.timer = setInterval(() => void autosaveAttention(), AUTOSAVE_EVERY_MS);
}

export function stopAutosaving(): void {
  if (autosaver.timer !== null) clearInterval(autosaver.timer);
  autosaver.timer = null;
}

/** Autosaves the run in this browser (the worker adds the model and the optimizer's state). */
export async function autosaveAttention(): Promise<void> {
  const engine = engineOrNull();
  const a = attention();
  const step = a.history.steps.at(-1) ?? 0;
  if (engine === null || a.info === null || a.phase === 'diverged' || step === 0) return;
  const curves = packedCurves(a.history);
  const savedAt = Date.now();
  try {
    const reply = await engine.request(
      { type: 'attentionAutosave', page: { savedAt, choice: attentionChoice(a), curves } },
      { ...LOAD, transfer: curveBuffers(curves) },
    );
    if (reply.ok) patch({ saved: { at: savedAt, step: reply.step } });
  } catch {
    // Best effort: the next one tries again.
  }
}
