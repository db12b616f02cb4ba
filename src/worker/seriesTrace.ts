// The Time series view's model as the Forward pass view reads it: traced over the first window of
// the validation part (engine/tasks/seriesWindow.ts), with the series' name, column and dates,
// and what the views are told about the model. seriesRun.ts hands its current model here.

import type { Model } from '../engine/model.ts';
import type { SeriesTask } from '../engine/tasks/series.ts';
import type { SeriesValues } from '../engine/tasks/seriesSources.ts';
import { traceSeriesWindow } from '../engine/tasks/seriesWindow.ts';
import type { ModelInfo, SeriesTraced } from './protocol.ts';
import { describeModel } from './viewModels.ts';

export function seriesTraced(
  model: Model,
  task: SeriesTask,
  source: SeriesValues,
  difference: boolean,
  step: number,
): SeriesTraced & { model: ModelInfo } {
  const { trace, window } = traceSeriesWindow(
    model,
    task.prepared,
    source.values,
    task.horizon,
    difference,
  );
  const labels = source.labels;
  return {
    trace,
    window: {
      ...window,
      name: task.name,
      column: source.column,
      labels: labels === null ? null : window.actualIndex.map((i) => labels[i] ?? null),
    },
    // A series model has no vocabulary: it reads one real value per step.
    model: describeModel(model, { chars: [], index: new Map() }, step, false),
  };
}
