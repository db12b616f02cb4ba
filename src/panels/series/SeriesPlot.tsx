// The series with the model's predictions on the training and validation parts, the cut between
// them marked, a forecast running free with its cone of error, and the residuals y − ŷ below.
import { useTranslation } from 'react-i18next';
import { formatCount } from '../../content/format';
import { seriesUnit } from '../../store/series';
import { useAppStore } from '../../store/store';
import { LineChart } from '../../viz/LineChart';

export function SeriesPlot() {
  const { t } = useTranslation();
  const info = useAppStore((s) => s.series.info);
  const predicted = useAppStore((s) => s.series.predicted);
  const predictedStep = useAppStore((s) => s.series.predictedStep);
  const example = useAppStore((s) => s.series.forecast?.example ?? null);
  const cone = useAppStore((s) => s.series.forecast?.cone.model ?? null);
  const starts = useAppStore((s) => s.series.forecast?.starts ?? 0);
  const unit = useAppStore((s) => seriesUnit(s.series, t));
  if (info === null) return null;
  const n = info.values.length;
  const xs = Array.from({ length: n }, (_, k) => k);
  const ys = Array.from(info.values);
  const pred = predicted && predicted.length === n ? Array.from(predicted) : null;
  const residual = pred ? ys.map((y, k) => y - pred[k]!) : null;
  const cut = info.firstValidation;
  const marks = [{ x: cut, label: t('series.plot.validationMark') }];
  const xLabel = info.labels ? t('series.plot.xPosition') : 't';

  return (
    <section aria-labelledby="ts-plot">
      <h2 id="ts-plot">{t('series.plot.heading')}</h2>
      <p className="ts-note">
        {t(info.difference ? 'series.plot.noteChanges' : 'series.plot.note', {
          step: formatCount(predictedStep),
        })}
      </p>
      <LineChart
        label={t('series.plot.chart', { unit })}
        xLabel={xLabel}
        yLabel={unit}
        height={280}
        xMarks={marks}
        series={[
          {
            label: t('series.plot.series'),
            xs,
            ys,
            color: 'var(--ts-data)',
            width: 3,
            opacity: 0.35,
          },
          ...(pred
            ? [
                {
                  label: t('series.plot.prediction'),
                  xs,
                  ys: pred,
                  color: 'var(--ts-pred)',
                  width: 1.25,
                  dash: '4 2',
                },
              ]
            : []),
          ...(example && example.values.length > 0
            ? [
                {
                  label: cone
                    ? t('series.plot.freeBand', { start: example.start, starts })
                    : t('series.plot.free', { start: example.start }),
                  xs: example.values.map((_, k) => example.start + k + 1),
                  ys: [...example.values],
                  // The truth is the forecast minus its error: the error's 90 % quantile gives the
                  // band's low edge, its 10 % the high edge.
                  ...(cone
                    ? {
                        band: {
                          lo: example.values.map((v, k) => v - cone.q90[k]!),
                          hi: example.values.map((v, k) => v - cone.q10[k]!),
                        },
                      }
                    : {}),
                  color: 'var(--ts-resid)',
                  width: 2,
                },
              ]
            : []),
        ]}
      />
      {residual && (
        <LineChart
          label={t('series.plot.residuals')}
          xLabel={xLabel}
          yLabel={`y − ŷ`}
          height={180}
          xMarks={marks}
          references={[{ label: t('series.plot.zero'), y: 0 }]}
          series={[
            {
              label: t('series.plot.residual'),
              xs,
              ys: residual,
              color: 'var(--ts-resid)',
              width: 1,
            },
          ]}
        />
      )}
    </section>
  );
}
