// Running free: the model's forecast fed back into itself for k steps, its error against k from
// many starts in the validation part, next to the last value carried forward. At k = 1 it is the
// teacher-forced prediction the loss measures. The cone of error: the spread of the signed error
// over the starts at each k (median and 10–90 % band).
import { useTranslation } from 'react-i18next';
import { formatCount, formatSignificant } from '../../content/format';
import { seriesUnit } from '../../store/series';
import { useAppStore } from '../../store/store';
import { LineChart } from '../../viz/LineChart';

export function Forecast() {
  const { t } = useTranslation();
  const forecast = useAppStore((s) => s.series.forecast);
  const horizon = useAppStore((s) => s.series.info?.horizon ?? 1);
  const unit = useAppStore((s) => seriesUnit(s.series, t));
  if (horizon !== 1)
    return (
      <section aria-labelledby="ts-free">
        <h2 id="ts-free">{t('series.forecast.heading')}</h2>
        <p className="ts-note">{t('series.forecast.cannot', { horizon })}</p>
      </section>
    );
  if (forecast === null || forecast.starts === 0) return null;

  const at = (k: number) =>
    t('series.forecast.at', {
      k,
      model: formatSignificant(forecast.model[k - 1]!, 3),
      last: formatSignificant(forecast.persistence[k - 1]!, 3),
    });
  const ks = [1, 5, 20].filter((k) => k <= forecast.ks.length);
  return (
    <section aria-labelledby="ts-free">
      <h2 id="ts-free">{t('series.forecast.heading')}</h2>
      <p className="ts-note">{t('series.forecast.note')}</p>
      <LineChart
        label={t('series.forecast.errorChart', { unit })}
        xLabel={t('series.forecast.xAxis')}
        yLabel={t('series.forecast.yRmse', { unit })}
        height={220}
        series={[
          {
            label: t('series.forecast.model'),
            xs: forecast.ks,
            ys: forecast.model,
            color: 'var(--ts-pred)',
          },
          {
            label: t('series.forecast.lastValue'),
            xs: forecast.ks,
            ys: forecast.persistence,
            color: 'var(--ts-data)',
            dash: '5 3',
          },
        ]}
      />
      <p className="ts-note">{t('series.forecast.coneNote', { starts: forecast.starts })}</p>
      <LineChart
        label={t('series.forecast.coneChart', { starts: forecast.starts, unit })}
        xLabel={t('series.forecast.xAxis')}
        yLabel={t('series.forecast.yCone', { unit })}
        height={220}
        references={[{ label: t('series.forecast.noError'), y: 0 }]}
        series={[
          {
            label: t('series.forecast.coneModel'),
            xs: forecast.ks,
            ys: forecast.cone.model.median,
            band: { lo: forecast.cone.model.q10, hi: forecast.cone.model.q90 },
            color: 'var(--ts-pred)',
          },
          {
            label: t('series.forecast.coneLast'),
            xs: forecast.ks,
            ys: forecast.cone.persistence.median,
            band: { lo: forecast.cone.persistence.q10, hi: forecast.cone.persistence.q90 },
            color: 'var(--ts-data)',
            dash: '5 3',
          },
        ]}
      />
      <p className="ts-verdict" data-testid="ts-free">
        {t('series.forecast.verdict', {
          starts: formatCount(forecast.starts),
          unit,
          list: ks.map(at).join(t('series.forecast.listSep')),
        })}
      </p>
    </section>
  );
}
