// Actions of the Attention view: choose the task and the model (store, address, worker), set up,
// train, pause and step the encoder–decoder, go back after a divergence, decode the learner's own
// input, export. Built on attentionBase.ts (the engine, progress, decoding, scores, autosave).
import { attentionSettings, taskLengths, type AttentionState } from './attention';
import {
  attention,
  engineOrNull,
  LOAD,
  attentionWord,
  messageOf,
  patch,
  refreshDecoded,
  refreshScores,
  shownInput,
  startAutosaving,
  stopAutosaving,
  autosaveAttention,
  MAX_OWN_INPUT,
} from './attentionBase';
import { resumeAttention } from './attentionSaves';
import { download } from './download';
import { writeAddress } from './engineAccess';
import { emptyHistory, truncateHistory, type TrainingHistory } from './training';

export { attention, MAX_OWN_INPUT, refreshDecoded, shownInput };

/**
 * Sets up the run the view's choices name in the worker: a fresh one, or one kept from before
 * with the same choices (its curves come back with it). With `resume` (the view's first load
 * after the page opened), the autosaved run comes back if it was made from the same choices.
 */
export async function loadAttention({ fresh = false, resume = false } = {}): Promise<boolean> {
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
    // The worker keeps four runs; the page keeps the curves of the last eight.
    const kept = Object.fromEntries(
      Object.entries({ ...a.kept, [info.run]: history })
        .map(([run, h]) => [Number(run), h] as const)
        .sort((x, y) => y[0] - x[0])
        .slice(0, 8),
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
      ...(same ? {} : { saved: null, restoredStep: null }),
    });
    if (resume && info.step === 0) await resumeAttention();
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
  patch({ phase: 'training', error: null, restoredStep: null });
  try {
    await engine.request({ type: 'attentionTrain' });
    // Paused (or diverged) while the request was on its way: nothing to autosave on a timer.
    if (attention().phase === 'training') startAutosaving();
  } catch (error) {
    patch({ phase: 'ready', error: messageOf(error) });
  }
}

export async function pauseAttention(): Promise<void> {
  const engine = engineOrNull();
  if (engine === null || attention().info === null) return;
  stopAutosaving();
  try {
    await engine.request({ type: 'attentionPause' });
    if (attention().phase === 'training') patch({ phase: 'ready' });
    await Promise.all([refreshDecoded(), refreshScores(), autosaveAttention()]);
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
  if (a.info === null) return attentionWord('attention.own.notReady');
  const input = text.trim();
  if (input === '') return attentionWord('attention.own.empty');
  if (Array.from(input).length > MAX_OWN_INPUT)
    return attentionWord('attention.own.tooLong', { max: MAX_OWN_INPUT });
  const known = new Set(a.info.inputChars);
  const unknown = [...new Set(Array.from(input).filter((c) => !known.has(c)))];
  if (unknown.length > 0)
    return attentionWord('attention.own.unknown', {
      chars: unknown.map((c) => `“${c}”`).join(', '),
      known: a.info.inputChars.join(' '),
    });
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
    patch({ error: attentionWord('attention.errors.export', { reason: messageOf(error) }) });
  }
}

/** The view is being left: a running model stops. */
export function leaveAttention(): void {
  if (attention().phase === 'training') void pauseAttention();
}
