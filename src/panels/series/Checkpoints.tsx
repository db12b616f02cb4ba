// Named checkpoints of the series run, kept in this browser (the shared list, over the view's
// actions): those made from the same series and model can be loaded back.
import { seriesRunKey } from '../../store/series';
import {
  deleteSeriesCheckpointNamed,
  loadSeriesCheckpointNamed,
  refreshSeriesCheckpoints,
  saveSeriesCheckpointNamed,
} from '../../store/seriesCheckpoints';
import { useAppStore } from '../../store/store';
import { Checkpoints } from '../shared/Checkpoints';

export function SeriesCheckpoints() {
  const key = useAppStore((s) => (s.series.info === null ? null : seriesRunKey(s.series)));
  const all = useAppStore((s) => s.series.checkpoints);
  return (
    <Checkpoints
      id="ts-checkpoints"
      all={all}
      choice={key}
      same="seriesSame"
      refresh={refreshSeriesCheckpoints}
      save={saveSeriesCheckpointNamed}
      load={loadSeriesCheckpointNamed}
      remove={deleteSeriesCheckpointNamed}
      formClass="ts-export"
      noteClass="ts-note"
      listClass="ts-checkpoints"
    />
  );
}
