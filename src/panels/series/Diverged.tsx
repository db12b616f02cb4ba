// After a divergence: the way back to the last good model, with the same or a smaller learning
// rate. The message itself is the view's alert.
import { useTranslation } from 'react-i18next';
import { formatCount } from '../../content/format';
import { restoreSeriesLastGood } from '../../store/seriesActions';
import { useAppStore } from '../../store/store';

export function SeriesDiverged() {
  const { t } = useTranslation();
  const diverged = useAppStore((s) => s.series.phase === 'diverged');
  const step = useAppStore((s) => s.series.lastGoodStep);
  const lr = useAppStore((s) => s.series.lr);
  if (!diverged) return null;
  return (
    <p className="ts-diverged">
      <button type="button" onClick={() => void restoreSeriesLastGood()}>
        {t('series.diverged.restore', { step: formatCount(step) })}
      </button>{' '}
      <button type="button" onClick={() => void restoreSeriesLastGood(0.1)}>
        {t('series.diverged.restoreSmaller', {
          lr: String(lr),
          smaller: String(Number((lr * 0.1).toPrecision(3))),
        })}
      </button>
    </p>
  );
}
