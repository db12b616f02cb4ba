// The loss curve: smoothed training loss, validation loss and the baselines, in nats or bits
// per character, on a linear or log step axis.
import { Fragment, memo, useDeferredValue } from 'react';
import { LESSON, metricSentence } from '../../content/training';
import { useAppStore } from '../../store/store';
import type { TrainingHistory, TrainingState } from '../../store/training';
import { setLogSteps, setUnits } from '../../store/trainingActions';
import { ChartFrame } from '../../viz/ChartFrame';
import { SERIES_COLORS } from '../../viz/colors';
import { LineChart } from '../../viz/LineChart';
import { formatCount } from '../../content/format';

export function LossSection() {
  // A new history at most four times a second while training. Deferring it lets React redraw
  // the chart in an interruptible render, so a long history never blocks the page.
  const history = useDeferredValue(useAppStore((s) => s.training.history));
  const baselines = useAppStore((s) => s.training.corpus?.baselines ?? null);
  const units = useAppStore((s) => s.training.units);
  const logSteps = useAppStore((s) => s.training.logSteps);
  return <LossView history={history} baselines={baselines} units={units} logSteps={logSteps} />;
}

interface LossViewProps {
  history: TrainingState['history'];
  baselines: NonNullable<TrainingState['corpus']>['baselines'] | null;
  units: TrainingState['units'];
  logSteps: boolean;
}

const LossView = memo(function LossView({ history, baselines, units, logSteps }: LossViewProps) {
  const k = units === 'bits' ? 1 / Math.LN2 : 1;
  const scale = (ys: readonly number[]) => ys.map((y) => y * k);
  const val = history.val;
  const refs = baselines
    ? [
        { label: `uniform ${(baselines.uniform * k).toFixed(2)}`, y: baselines.uniform * k },
        { label: `unigram ${(baselines.unigram * k).toFixed(2)}`, y: baselines.unigram * k },
        { label: `bigram ${(baselines.bigram * k).toFixed(2)}`, y: baselines.bigram * k },
      ]
    : [];
  const lastVal = val.at(-1);
  const unit = units === 'bits' ? 'bits/char' : 'nats/char';
  return (
    <section className="train-section" aria-labelledby="loss-heading">
      <h2 id="loss-heading">Loss</h2>
      <p className="lesson">{LESSON.loss}</p>
      <ChartFrame
        title="Training and validation loss"
        name="loss"
        controls={
          <div className="toggles">
            <label>
              <input
                type="checkbox"
                checked={units === 'bits'}
                onChange={(e) => setUnits(e.target.checked ? 'bits' : 'nats')}
              />{' '}
              bits per character
            </label>
            <label>
              <input
                type="checkbox"
                checked={logSteps}
                onChange={(e) => setLogSteps(e.target.checked)}
              />{' '}
              log step axis
            </label>
          </div>
        }
        caption={
          <>
            <span data-testid="val-loss">
              {lastVal
                ? `Validation loss ${(lastVal.loss * k).toFixed(3)} ${unit} at step ${formatCount(lastVal.step)}.`
                : 'Validation loss is measured every few seconds while training.'}
            </span>
            {lastVal?.metrics?.map((m) => (
              <Fragment key={m.key}>
                {' '}
                <span data-testid={`val-${m.key}`}>{metricSentence(m)}</span>
              </Fragment>
            ))}
          </>
        }
        data={{
          caption: `Loss per step (${unit})`,
          columns: ['step', 'loss', 'smoothed', 'validation', ...metricKeys(val)],
          rows: () =>
            history.steps.map((s, i) => {
              const point = val.find((p) => p.step === s);
              return [
                s,
                history.loss[i]! * k,
                history.smooth[i]! * k,
                point?.loss ?? '',
                ...metricKeys(val).map(
                  (key) => point?.metrics?.find((m) => m.key === key)?.value ?? '',
                ),
              ];
            }),
        }}
      >
        <LineChart
          label={`Loss in ${unit} against training step`}
          xLabel="step"
          yLabel={unit}
          logX={logSteps}
          references={refs}
          series={[
            {
              label: 'training (per step)',
              xs: history.steps,
              ys: scale(history.loss),
              color: SERIES_COLORS.loss,
              opacity: 0.25,
              width: 1,
            },
            {
              label: 'training (smoothed)',
              xs: history.steps,
              ys: scale(history.smooth),
              color: SERIES_COLORS.loss,
              width: 2,
            },
            {
              label: 'validation',
              xs: val.map((p) => p.step),
              ys: scale(val.map((p) => p.loss)),
              color: SERIES_COLORS.validation,
              dots: true,
            },
          ]}
        />
      </ChartFrame>
    </section>
  );
});

/** The metric keys the validation points carry (e.g. the copy task's `recall`). */
function metricKeys(val: TrainingHistory['val']): string[] {
  return [...new Set(val.flatMap((p) => (p.metrics ?? []).map((m) => m.key)))];
}
