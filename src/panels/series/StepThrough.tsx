// The way from the Time series view to the Forward pass view, which steps through this model as
// it reads the first window of the validation part, gate by gate, with its equations' numbers.
import { useTranslation } from 'react-i18next';
import { SERIES_FORWARD_HREF } from '../../content/forwardSeries';
import { useAppStore } from '../../store/store';

export function SeriesStepThrough() {
  const { t } = useTranslation();
  const hasModel = useAppStore((s) => s.series.info !== null);
  if (!hasModel) return null;
  return (
    <p className="ts-note" data-testid="series-step-through">
      <a href={SERIES_FORWARD_HREF}>{t('series.stepThrough.link')}</a>
      {t('series.stepThrough.sep')}
      {t('series.stepThrough.note')}
    </p>
  );
}
