// The Time series view's named checkpoints: save the run (the worker adds the model and the
// optimizer state to the page's curves), list them, put one of the same series and model back,
// delete one. Built on the view's actions (seriesActions.ts).
import { formatCount } from '../content/format';
import { deleteSeriesCheckpoint, listSeriesCheckpoints } from '../persist/seriesStore';
import { curveBuffers, historyFromSaved, packedCurves } from './savedCurves';
import { seriesRunKey } from './series';
import {
  LOAD,
  engineOrNull,
  messageOf,
  patch,
  pauseSeries,
  refreshPredictions,
  series,
  words,
} from './seriesActions';

/** Reads the list of series checkpoints. */
export async function refreshSeriesCheckpoints(): Promise<void> {
  patch({ checkpoints: await listSeriesCheckpoints() });
}

/** Saves the run as a named checkpoint (the worker adds the model and optimizer state). */
export async function saveSeriesCheckpointNamed(name: string): Promise<void> {
  const engine = engineOrNull();
  const s = series();
  if (engine === null || s.info === null) return;
  const curves = packedCurves(s.history);
  const savedAt = Date.now();
  const step = s.history.steps.at(-1) ?? 0;
  const id = `${savedAt.toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
  try {
    const reply = await engine.request(
      {
        type: 'seriesCheckpoint',
        checkpoint: id,
        name:
          name.trim().slice(0, 200) ||
          words('series.errors.checkpointName', { step: formatCount(step) }),
        page: { savedAt, choice: seriesRunKey(s), curves },
      },
      { ...LOAD, transfer: curveBuffers(curves) },
    );
    if (reply.list === null) throw new Error(words('series.errors.notStoredCheckpoint'));
    patch({ checkpoints: reply.list, error: null });
  } catch (error) {
    patch({ error: words('series.errors.saveCheckpoint', { message: messageOf(error) }) });
  }
}

/** Puts a checkpoint of this series and model back: its model, step, optimizer state and curves. */
export async function loadSeriesCheckpointNamed(id: string): Promise<void> {
  const engine = engineOrNull();
  if (engine === null || series().info === null) return;
  if (series().phase === 'training') await pauseSeries();
  try {
    const reply = await engine.request(
      { type: 'seriesCheckpointLoad', checkpoint: id, choice: seriesRunKey(series()) },
      LOAD,
    );
    const back = reply.resumed!;
    patch({
      phase: 'ready',
      info: back.info,
      history: historyFromSaved(back.history),
      error: null,
      restoredStep: null,
    });
    await refreshPredictions();
  } catch (error) {
    patch({ error: words('series.errors.loadCheckpoint', { message: messageOf(error) }) });
  }
}

export async function deleteSeriesCheckpointNamed(id: string): Promise<void> {
  patch({ checkpoints: await deleteSeriesCheckpoint(id) });
}
