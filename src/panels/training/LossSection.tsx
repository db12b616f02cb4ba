// The loss curve: smoothed training loss, validation loss and the baselines, in nats or bits
// per character, on a linear or log step axis.
import { Fragment, memo, useDeferredValue } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Metric } from '../../engine/tasks/task';
import { useAppStore } from '../../store/store';
import type { TrainingHistory, TrainingState } from '../../store/training';
import { setLogSteps, setUnits } from '../../store/trainingActions';
import { ChartFrame } from '../../viz/ChartFrame';
import { SERIES_COLORS } from '../../viz/colors';
import { LineChart } from '../../viz/LineChart';
import { formatCount, formatPercent } from '../../content/format';

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
  const { t } = useTranslation();
  const k = units === 'bits' ? 1 / Math.LN2 : 1;
  const scale = (ys: readonly number[]) => ys.map((y) => y * k);
  const val = history.val;
  const refs = baselines
    ? [
        {
          label: t('training.loss.uniform', { value: (baselines.uniform * k).toFixed(2) }),
          y: baselines.uniform * k,
        },
        {
          label: t('training.loss.unigram', { value: (baselines.unigram * k).toFixed(2) }),
          y: baselines.unigram * k,
        },
        {
          label: t('training.loss.bigram', { value: (baselines.bigram * k).toFixed(2) }),
          y: baselines.bigram * k,
        },
      ]
    : [];
  const lastVal = val.at(-1);
  const unit = t(units === 'bits' ? 'training.loss.bitsUnit' : 'training.loss.natsUnit');
  const step = t('training.loss.step');
  return (
    <section className="train-section" aria-labelledby="loss-heading">
      <h2 id="loss-heading">{t('training.loss.heading')}</h2>
      <p className="lesson">{t('training.loss.lesson')}</p>
      <ChartFrame
        title={t('training.loss.title')}
        name="loss"
        controls={
          <div className="toggles">
            <label>
              <input
                type="checkbox"
                checked={units === 'bits'}
                onChange={(e) => setUnits(e.target.checked ? 'bits' : 'nats')}
              />{' '}
              {t('training.loss.bits')}
            </label>
            <label>
              <input
                type="checkbox"
                checked={logSteps}
                onChange={(e) => setLogSteps(e.target.checked)}
              />{' '}
              {t('training.loss.logSteps')}
            </label>
          </div>
        }
        caption={
          <>
            <span data-testid="val-loss">
              {lastVal
                ? t('training.loss.val', {
                    loss: (lastVal.loss * k).toFixed(3),
                    unit,
                    step: formatCount(lastVal.step),
                  })
                : t('training.loss.noVal')}
            </span>
            {lastVal?.metrics?.map((m) => (
              <Fragment key={m.key}>
                {' '}
                <span data-testid={`val-${m.key}`}>{metricSentence(t, m)}</span>
              </Fragment>
            ))}
          </>
        }
        data={{
          caption: t('training.loss.dataCaption', { unit }),
          columns: [
            step,
            t('training.loss.lossColumn'),
            t('training.loss.smoothedColumn'),
            t('training.loss.validationColumn'),
            ...metricKeys(val),
          ],
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
          label={t('training.loss.label', { unit })}
          xLabel={step}
          yLabel={unit}
          logX={logSteps}
          references={refs}
          series={[
            {
              label: t('training.loss.perStep'),
              xs: history.steps,
              ys: scale(history.loss),
              color: SERIES_COLORS.loss,
              opacity: 0.25,
              width: 1,
            },
            {
              label: t('training.loss.smoothed'),
              xs: history.steps,
              ys: scale(history.smooth),
              color: SERIES_COLORS.loss,
              width: 2,
            },
            {
              label: t('training.loss.validation'),
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

/**
 * A validation metric as the caption says it: "Recall after 20 steps: 64.0 % on validation
 * (guessing: 3.8 %).". A metric the messages do not name keeps the engine's label.
 */
function metricSentence(t: TFunction, m: Metric): string {
  const steps = /\d+/.exec(m.label)?.[0];
  const label =
    m.key === 'recall' && steps !== undefined
      ? t('training.loss.recall', { steps })
      : m.label.charAt(0).toUpperCase() + m.label.slice(1);
  const chance =
    m.chance !== undefined ? t('training.loss.chance', { value: formatPercent(m.chance) }) : '';
  return t('training.loss.metric', { label, value: formatPercent(m.value), chance });
}
