// Taking the series model elsewhere: its model file, which says how the inputs were prepared
// (the training part's mean and scale, values or changes, steps ahead), and a PyTorch script that
// reads the file, forecasts on a CSV in the series' units and trains further.
import { useTranslation } from 'react-i18next';
import { exportSeries } from '../../store/seriesActions';
import { useAppStore } from '../../store/store';

export function SeriesExport() {
  const { t } = useTranslation();
  const hasModel = useAppStore((s) => s.series.info !== null);
  return (
    <section aria-labelledby="ts-export">
      <h2 id="ts-export">{t('series.export.heading')}</h2>
      <div className="ts-export">
        <button type="button" disabled={!hasModel} onClick={() => void exportSeries('model')}>
          {t('series.export.model')}
        </button>
        <button type="button" disabled={!hasModel} onClick={() => void exportSeries('script')}>
          {t('series.export.script')}
        </button>
      </div>
      <p className="ts-note">{t('series.export.note')}</p>
    </section>
  );
}
