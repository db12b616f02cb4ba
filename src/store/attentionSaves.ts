// The Attention view's saved runs: the autosave put back after a reload, and named checkpoints
// (save the run, list them, put one of the same choices back, delete one). The worker adds the
// model and the optimizer's state to the page's curves, and reads them back itself.
import { formatCount } from '../content/format';
import { ATTENTION_RUNS } from '../persist/seriesStore';
import { attentionChoice } from './attention';
import {
  attention,
  engineOrNull,
  LOAD,
  attentionWord,
  messageOf,
  patch,
  refreshDecoded,
  refreshScores,
} from './attentionBase';
import { curveBuffers, historyFromSaved, packedCurves } from './savedCurves';
import type { AttentionInfo } from './attention';
import type { StoredHistory } from '../persist/trainingStore';

/** A run the worker put back: its info, curves and when it was saved. */
function installResumed(back: { info: AttentionInfo; history: StoredHistory; savedAt: number }) {
  const history = historyFromSaved(back.history);
  patch({
    phase: 'ready',
    info: back.info,
    history,
    kept: { ...attention().kept, [back.info.run]: history },
    lastGoodStep: back.info.lastGoodStep,
    saved: { at: back.savedAt, step: back.info.step },
    error: null,
  });
}

/** Puts the autosaved run back onto the run loaded now, if it was made from the same choices. */
export async function resumeAttention(): Promise<void> {
  const engine = engineOrNull();
  if (engine === null || attention().info === null) return;
  try {
    const { resumed } = await engine.request(
      { type: 'attentionResume', choice: attentionChoice(attention()) },
      LOAD,
    );
    if (resumed === null) return;
    installResumed(resumed);
    patch({ restoredStep: resumed.info.step });
  } catch {
    // A save that cannot be read leaves the fresh run.
  }
}

/** Reads the list of the view's checkpoints. */
export async function refreshAttentionCheckpoints(): Promise<void> {
  patch({ checkpoints: await ATTENTION_RUNS.listCheckpoints() });
}

/** Saves the run as a named checkpoint (the worker adds the model and optimizer state). */
export async function saveAttentionCheckpoint(name: string): Promise<void> {
  const engine = engineOrNull();
  const a = attention();
  if (engine === null || a.info === null) return;
  const curves = packedCurves(a.history);
  const savedAt = Date.now();
  const step = a.history.steps.at(-1) ?? 0;
  const id = `${savedAt.toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
  try {
    const reply = await engine.request(
      {
        type: 'attentionCheckpoint',
        checkpoint: id,
        name: name.trim().slice(0, 200) || `Step ${formatCount(step)}`,
        page: { savedAt, choice: attentionChoice(a), curves },
      },
      { ...LOAD, transfer: curveBuffers(curves) },
    );
    if (reply.list === null) throw new Error('this browser would not store it');
    patch({ checkpoints: reply.list, error: null });
  } catch (error) {
    patch({ error: attentionWord('attention.errors.save', { reason: messageOf(error) }) });
  }
}

/** Puts a checkpoint of these choices back: its model, step, optimizer state and curves. */
export async function loadAttentionCheckpoint(id: string): Promise<void> {
  const engine = engineOrNull();
  if (engine === null || attention().info === null || attention().phase === 'training') return;
  try {
    const reply = await engine.request(
      { type: 'attentionCheckpointLoad', checkpoint: id, choice: attentionChoice(attention()) },
      LOAD,
    );
    installResumed(reply.resumed!);
    patch({ restoredStep: null });
    await Promise.all([refreshDecoded(), refreshScores()]);
  } catch (error) {
    patch({ error: attentionWord('attention.errors.load', { reason: messageOf(error) }) });
  }
}

export async function deleteAttentionCheckpoint(id: string): Promise<void> {
  patch({ checkpoints: await ATTENTION_RUNS.deleteCheckpoint(id) });
}
