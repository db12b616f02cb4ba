// The loss over training against the baselines: the last value (persistence), the value one
// season back and AR(p), as lines, the way the character view draws unigram and bigram.
import { formatCount, formatSignificant } from '../../content/format';
import { BASELINE_SHORT, bestSentence, persistenceVerdict } from '../../content/series';
import { restoreBestSeries } from '../../store/seriesActions';
import { useAppStore } from '../../store/store';
import { LineChart } from '../../viz/LineChart';

export function SeriesLoss() {
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
      <h2 id="ts-loss">Loss</h2>
      <LineChart
        label="Training and validation mean squared error against the baselines"
        xLabel="step"
        yLabel="MSE (normalised)"
        logY
        series={[
          {
            label: 'training (smoothed)',
            xs: history.steps,
            ys: history.smooth,
            color: 'var(--ts-train)',
          },
          {
            label: 'validation',
            xs: history.val.map((p) => p.step),
            ys: history.val.map((p) => p.loss),
            color: 'var(--ts-val)',
            dots: true,
          },
        ]}
        references={info.baselines.map((b) => ({
          label: BASELINE_SHORT[b.key] ?? b.label,
          y: b.value,
        }))}
      />
      {best !== null && last !== undefined && best.step < last.step && (
        <p className="ts-best" data-testid="ts-best">
          {bestSentence(best.loss, best.step)}{' '}
          <button type="button" onClick={() => void restoreBestSeries()}>
            Go back to that model
          </button>
        </p>
      )}
      <p className="ts-verdict" data-testid="ts-val">
        {last === undefined
          ? `Baselines on validation: ${info.baselines
              .map((b) => `${b.label} ${formatSignificant(b.value, 3)}`)
              .join(', ')}. Press Train.`
          : `Validation MSE ${formatSignificant(last.loss, 3)} at step ${formatCount(last.step)}. ${persistenceVerdict(last.loss, persistence)}`}
      </p>
    </section>
  );
}
