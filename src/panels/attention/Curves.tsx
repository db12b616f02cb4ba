// The run's curves: the training loss (smoothed) and the held-out loss, and the held-out exact
// match and characters right over the steps.
import { useDeferredValue } from 'react';
import { formatCount, formatPercent } from '../../content/format';
import { useAppStore } from '../../store/store';
import type { ValPoint } from '../../store/training';
import { LineChart } from '../../viz/LineChart';

function metric(points: readonly ValPoint[], key: string): number[] {
  return points.map((p) => p.metrics?.find((m) => m.key === key)?.value ?? NaN);
}

export function AttentionCurves() {
  // Redrawn in a deferred render, which React splits so that typing and keys stay quick.
  const history = useDeferredValue(useAppStore((s) => s.attention.history));
  const hasRun = useAppStore((s) => s.attention.info !== null);
  if (!hasRun) return null;
  const last = history.val.at(-1);
  const steps = history.val.map((p) => p.step);
  return (
    <section aria-labelledby="at-curves-h">
      <h2 id="at-curves-h">Learning</h2>
      <div className="at-charts">
        <LineChart
          label="Training and held-out loss per output character"
          xLabel="step"
          yLabel="loss (nats/char)"
          logY
          series={[
            {
              label: 'training (smoothed)',
              xs: history.steps,
              ys: history.smooth,
              color: 'var(--at-train)',
            },
            {
              label: 'held out',
              xs: steps,
              ys: history.val.map((p) => p.loss),
              color: 'var(--at-val)',
              dots: true,
            },
          ]}
        />
        <LineChart
          label="Held-out exact match and characters right"
          xLabel="step"
          yLabel="share right"
          yDomain={[0, 1]}
          series={[
            {
              label: 'exact match',
              xs: steps,
              ys: metric(history.val, 'exact'),
              color: 'var(--at-exact)',
            },
            {
              label: 'characters',
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
          ? 'Press Train: the held-out scores appear here every few seconds.'
          : `At step ${formatCount(last.step)}: ${formatPercent(metric([last], 'exact')[0])} of held-out inputs exactly right, ${formatPercent(metric([last], 'perChar')[0])} of their characters.`}
      </p>
    </section>
  );
}
