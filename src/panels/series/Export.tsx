// Taking the series model elsewhere: its model file, which says how the inputs were prepared
// (the training part's mean and scale, values or changes, steps ahead), and a PyTorch script that
// reads the file, forecasts on a CSV in the series' units and trains further.
import { exportSeries } from '../../store/seriesActions';
import { useAppStore } from '../../store/store';

export function SeriesExport() {
  const hasModel = useAppStore((s) => s.series.info !== null);
  return (
    <section aria-labelledby="ts-export">
      <h2 id="ts-export">Export</h2>
      <div className="ts-export">
        <button type="button" disabled={!hasModel} onClick={() => void exportSeries('model')}>
          Model file (.json)
        </button>
        <button type="button" disabled={!hasModel} onClick={() => void exportSeries('script')}>
          PyTorch script (.py)
        </button>
      </div>
      <p className="ts-note">
        The model file keeps PyTorch’s state_dict names and how the series was prepared: the
        training part’s mean and scale, values or changes, and how many steps ahead. The script
        rebuilds the model, normalises a CSV column the same way, gives its predictions in the
        series’ units, and can train further with the same squared error.
      </p>
    </section>
  );
}
