// How the series is prepared, shown rather than hidden: the split by time, the normalisation
// from the training part only, values or changes, the horizon and the windows.
import { useTranslation } from 'react-i18next';
import { formatCount, formatSignificant } from '../../content/format';
import { seriesUnit } from '../../store/series';
import { useAppStore } from '../../store/store';

export function Preparation() {
  const { t } = useTranslation();
  const info = useAppStore((s) => s.series.info);
  const seqLen = useAppStore((s) => s.series.seqLen);
  const batchSize = useAppStore((s) => s.series.batch);
  const unit = useAppStore((s) => seriesUnit(s.series, t));
  if (info === null) return null;
  const n = info.values.length;
  const at = (k: number) => info.labels?.[k] ?? `t = ${formatCount(k)}`;

  const what = info.difference ? t('series.prep.whatChanges') : t('series.prep.whatValues');
  return (
    <section aria-labelledby="ts-prep" className="ts-prep">
      <h2 id="ts-prep">{t('series.prep.heading')}</h2>
      <ul data-testid="ts-prep">
        <li>{t('series.prep.count', { n: formatCount(n), unit, from: at(0), to: at(n - 1) })}</li>
        <li>
          {t('series.prep.split', {
            train: formatCount(info.trainCount),
            what,
            val: formatCount(info.valCount),
            first: at(info.firstValidation),
          })}
        </li>
        <li>
          {t('series.prep.normalised', {
            mean: formatSignificant(info.mean),
            scale: formatSignificant(info.scale),
          })}
        </li>
        <li>
          {info.difference
            ? t('series.prep.readsChanges')
            : t('series.prep.readsValues', { count: info.horizon })}{' '}
          {t('series.prep.windows', { batch: batchSize, T: seqLen })}
        </li>
      </ul>
    </section>
  );
}
