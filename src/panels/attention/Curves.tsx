// The run's curves: the training loss (smoothed) and the held-out loss, and the held-out exact
// match and characters right over the steps.
import { useTranslation } from 'react-i18next';
import { useDeferredValue } from 'react';
import { formatCount, formatPercent } from '../../content/format';
import { useAppStore } from '../../store/store';
import type { ValPoint } from '../../store/training';
import { LineChart } from '../../viz/LineChart';

function metric(points: readonly ValPoint[], key: string): number[] {
  return points.map((p) => p.metrics?.find((m) => m.key === key)?.value ?? NaN);
}

export function AttentionCurves() {
  const { t } = useTranslation();
  // Redrawn in a deferred render, which React splits so that typing and keys stay quick.
  const history = useDeferredValue(useAppStore((s) => s.attention.history));
  const hasRun = useAppStore((s) => s.attention.info !== null);
  if (!hasRun) return null;
  const last = history.val.at(-1);
  const steps = history.val.map((p) => p.step);
  return (
    <section aria-labelledby="at-curves-h">
      <h2 id="at-curves-h">{t('attention.curves.heading')}</h2>
      <div className="at-charts">
        <LineChart
          label={t('attention.curves.loss')}
          xLabel={t('attention.curves.step')}
          yLabel={t('attention.curves.lossAxis')}
          logY
          series={[
            {
              label: t('attention.curves.training'),
              xs: history.steps,
              ys: history.smooth,
              color: 'var(--at-train)',
            },
            {
              label: t('attention.curves.heldOut'),
              xs: steps,
              ys: history.val.map((p) => p.loss),
              color: 'var(--at-val)',
              dots: true,
            },
          ]}
        />
        <LineChart
          label={t('attention.curves.scores')}
          xLabel={t('attention.curves.step')}
          yLabel={t('attention.curves.share')}
          yDomain={[0, 1]}
          series={[
            {
              label: t('attention.curves.exact'),
              xs: steps,
              ys: metric(history.val, 'exact'),
              color: 'var(--at-exact)',
            },
            {
              label: t('attention.curves.chars'),
              xs: steps,
              ys: metric(history.val, 'perChar'),
              color: 'var(--at-chars)',
              dash: '5 3',
            },
          ]}
        />
      </div>
      <p className="at-verdict" data-testid="at-val">
        {last === undefined
          ? t('attention.curves.none')
          : t('attention.curves.verdict', {
              step: formatCount(last.step),
              exact: formatPercent(metric([last], 'exact')[0]),
              chars: formatPercent(metric([last], 'perChar')[0]),
            })}
      </p>
    </section>
  );
}
