// How the Time series view's model trains: learning rate, window length T and batch size B.
// They change live (the model, its step and curves stay) and are kept in the address.
import { useTranslation } from 'react-i18next';
import { SERIES_LIMITS } from '../../store/series';
import { setSeriesTraining } from '../../store/seriesActions';
import { useAppStore } from '../../store/store';

const RATES = [0.0003, 0.001, 0.003, 0.01, 0.03, 0.1];
const BATCHES = [1, 4, 8, 16, 32, 64, 128];

/** The options of a menu: the usual ones and the current value (from an address). */
const withCurrent = (options: readonly number[], value: number) =>
  [...new Set([...options, value])].sort((a, b) => a - b);

export function SeriesTrainingSettings() {
  const { t } = useTranslation();
  const lr = useAppStore((s) => s.series.lr);
  const seqLen = useAppStore((s) => s.series.seqLen);
  const batch = useAppStore((s) => s.series.batch);
  const { seqLen: T } = SERIES_LIMITS;
  return (
    <>
      <label title={t('series.controls.lrHelp')} data-control="lr">
        {t('series.controls.lr')}{' '}
        <select value={lr} onChange={(e) => void setSeriesTraining({ lr: Number(e.target.value) })}>
          {withCurrent(RATES, lr).map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </label>
      <label title={t('series.controls.seqLenHelp')} data-control="seq">
        {t('series.controls.seqLen')}{' '}
        <input
          type="number"
          min={T.min}
          max={T.max}
          value={seqLen}
          onChange={(e) => {
            const t = Number(e.target.value);
            if (Number.isInteger(t) && t >= T.min && t <= T.max)
              void setSeriesTraining({ seqLen: t });
          }}
        />
      </label>
      <label title={t('series.controls.batchHelp')} data-control="batch">
        {t('series.controls.batch')}{' '}
        <select
          value={batch}
          onChange={(e) => void setSeriesTraining({ batch: Number(e.target.value) })}
        >
          {withCurrent(BATCHES, batch).map((b) => (
            <option key={b} value={b}>
              {b}
            </option>
          ))}
        </select>
      </label>
    </>
  );
}
