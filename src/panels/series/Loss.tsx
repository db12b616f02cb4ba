// The loss over training against the baselines: the last value (persistence), the value one
// season back and AR(p), as lines, the way the character view draws unigram and bigram.
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatCount, formatSignificant } from '../../content/format';
import { persistenceVerdict } from '../../content/series';
import type { Baseline } from '../../engine/tasks/task';
import { restoreBestSeries } from '../../store/seriesActions';
import { useAppStore } from '../../store/store';
import { LineChart } from '../../viz/LineChart';

/** A baseline's name (the engine's, in English) in the language of `t`, long or short. */
function baselineName(t: TFunction, b: Baseline, short: boolean): string {
  switch (b.key) {
    case 'persistence':
    case 'lastChange':
      return short ? t(`series.baselineShort.${b.key}`) : t(`series.baselines.${b.key}`);
    case 'seasonal':
      return short
        ? t('series.baselineShort.seasonal')
        : t('series.baselines.seasonal', { season: /\((\d+)\)/.exec(b.label)?.[1] ?? '?' });
    default:
      return b.label;
  }
}

export function SeriesLoss() {
  const { t } = useTranslation();
  const info = useAppStore((s) => s.series.info);
  const history = useAppStore((s) => s.series.history);
  if (info === null) return null;
  const persistence = info.baselines.find((b) => b.key === 'persistence')?.value ?? NaN;
  const last = history.val.at(-1);
  const best = history.val.reduce<{ step: number; loss: number } | null>(
    (b, p) => (Number.isFinite(p.loss) && (b === null || p.loss < b.loss) ? p : b),
    null,
  );
  return (
    <section aria-labelledby="ts-loss">
      <h2 id="ts-loss">{t('series.loss.heading')}</h2>
      <LineChart
        label={t('series.loss.chart')}
        xLabel={t('series.loss.xAxis')}
        yLabel={t('series.loss.yAxis')}
        logY
        series={[
          {
            label: t('series.loss.training'),
            xs: history.steps,
            ys: history.smooth,
            color: 'var(--ts-train)',
          },
          {
            label: t('series.loss.validation'),
            xs: history.val.map((p) => p.step),
            ys: history.val.map((p) => p.loss),
            color: 'var(--ts-val)',
            dots: true,
          },
        ]}
        references={info.baselines.map((b) => ({
          label: baselineName(t, b, true),
          y: b.value,
        }))}
      />
      {best !== null && last !== undefined && best.step < last.step && (
        <p className="ts-best" data-testid="ts-best">
          {t('series.loss.best', {
            loss: String(Number(best.loss.toPrecision(3))),
            step: formatCount(best.step),
          })}{' '}
          <button type="button" onClick={() => void restoreBestSeries()}>
            {t('series.loss.goBack')}
          </button>
        </p>
      )}
      <p className="ts-verdict" data-testid="ts-val">
        {last === undefined
          ? t('series.loss.baselinesLine', {
              list: info.baselines
                .map((b) =>
                  t('series.loss.baseline', {
                    name: baselineName(t, b, false),
                    value: formatSignificant(b.value, 3),
                  }),
                )
                .join(t('series.loss.listSep')),
            })
          : t('series.loss.valLine', {
              loss: formatSignificant(last.loss, 3),
              step: formatCount(last.step),
              verdict: persistenceVerdict(last.loss, persistence, t),
            })}
      </p>
    </section>
  );
}
