// The Time series view's autosave and checkpoints as the worker writes and reads them: the
// generic saved run (savedRunIo.ts) over the view's own records.
import { SERIES_RUNS, type SeriesCheckpointMeta } from '../persist/seriesStore';
import {
  autosaveRunTo,
  checkpointRunTo,
  loadCheckpointFrom,
  resumeRunFrom,
  type SavePage,
} from './savedRunIo';
import type { SeriesResumed } from './seriesProtocol';
import type { SeriesRun } from './seriesRun';

/** Writes the series run's autosave; resolves with whether it was written and the step. */
export function autosaveSeries(
  run: SeriesRun,
  page: SavePage,
): Promise<{ ok: boolean; step: number }> {
  return autosaveRunTo(SERIES_RUNS, run, page);
}

/** Saves the run as a named checkpoint; resolves with the list (null: the browser refused). */
export function checkpointSeries(
  run: SeriesRun,
  id: string,
  name: string,
  page: SavePage,
): Promise<SeriesCheckpointMeta[] | null> {
  return checkpointRunTo(SERIES_RUNS, run, id, name, page);
}

/** Puts checkpoint `id` back onto the series loaded now (made from `choice`, else it throws). */
export function loadCheckpointInto(
  run: SeriesRun,
  id: string,
  choice: string,
): Promise<SeriesResumed> {
  return loadCheckpointFrom(SERIES_RUNS, run, id, choice, 'series or model');
}

/** Puts the autosaved run back onto the series loaded now, if it was made from `choice`. */
export function resumeSeries(run: SeriesRun, choice: string): Promise<SeriesResumed | null> {
  return resumeRunFrom(SERIES_RUNS, run, choice);
}
