// Gradient health: global norm per step before and after clipping, the share clipped, and across
// the latest chunk per layer ‖dL/dh_t‖ (every later loss) beside ‖∂ℓ_T/∂h_t‖ (the last one alone).
import { memo, useDeferredValue } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store/store';
import { clippedShare, type TrainingState } from '../../store/training';
import { ChartFrame } from '../../viz/ChartFrame';
import { layerColor, SERIES_COLORS } from '../../viz/colors';
import { LineChart } from '../../viz/LineChart';
import { formatCount } from '../../content/format';

export function GradientSection() {
  // Deferred, like the loss chart: redraws happen in an interruptible render.
  const history = useDeferredValue(useAppStore((s) => s.training.history));
  const dLdh = useDeferredValue(useAppStore((s) => s.training.dLdhNorm));
  const last = useDeferredValue(useAppStore((s) => s.training.lastStepNorm));
  const logSteps = useAppStore((s) => s.training.logSteps);
  return <GradientView history={history} dLdh={dLdh} last={last} logSteps={logSteps} />;
}

interface GradientViewProps {
  history: TrainingState['history'];
  dLdh: TrainingState['dLdhNorm'];
  last: TrainingState['lastStepNorm'];
  logSteps: boolean;
}

const GradientView = memo(function GradientView({
  history,
  dLdh,
  last,
  logSteps,
}: GradientViewProps) {
  const { t } = useTranslation();
  const share = clippedShare(history);
  const total = (layer: number) => t('training.gradients.total', { layer });
  const lastOnly = (layer: number) => t('training.gradients.last', { layer });
  const before = t('training.gradients.before');
  const after = t('training.gradients.after');
  return (
    <section className="train-section" aria-labelledby="grad-heading">
      <h2 id="grad-heading">{t('training.gradients.heading')}</h2>
      <p className="lesson">{t('training.gradients.lesson')}</p>
      <div className="chart-grid">
        <ChartFrame
          title={t('training.gradients.normTitle')}
          name="gradient-norm"
          caption={t('training.gradients.clippedShare', {
            share: (share * 100).toFixed(1),
            steps: formatCount(history.steps.length),
          })}
          data={{
            caption: t('training.gradients.normCaption'),
            columns: [t('training.gradients.step'), before, after, t('training.gradients.clipped')],
            rows: () =>
              history.steps.map((s, i) => [
                s,
                history.gradBefore[i]!,
                history.gradAfter[i]!,
                history.clipped[i] ? t('training.gradients.yes') : t('training.gradients.no'),
              ]),
          }}
        >
          <LineChart
            label={t('training.gradients.normLabel')}
            xLabel={t('training.gradients.step')}
            yLabel={t('training.gradients.normAxis')}
            logX={logSteps}
            logY
            height={200}
            series={[
              {
                label: before,
                xs: history.steps,
                ys: history.gradBefore,
                color: SERIES_COLORS.beforeClipping,
                width: 1,
              },
              {
                label: after,
                xs: history.steps,
                ys: history.gradAfter,
                color: SERIES_COLORS.afterClipping,
                width: 1,
              },
            ]}
          />
        </ChartFrame>
        <ChartFrame
          title={t('training.gradients.dldhTitle')}
          name="dldh"
          caption={t('training.gradients.dldhCaption')}
          data={{
            caption: t('training.gradients.dldhData'),
            columns: ['t', ...dLdh.map((_, l) => total(l)), ...last.map((_, l) => lastOnly(l))],
            rows: () =>
              (dLdh[0] ?? []).map((_, k) => [
                k,
                ...dLdh.map((layer) => layer[k] ?? NaN),
                ...last.map((layer) => layer[k] ?? NaN),
              ]),
          }}
        >
          <LineChart
            label={t('training.gradients.dldhLabel')}
            xLabel={t('training.gradients.dldhX')}
            yLabel={t('training.gradients.dldhY')}
            logY
            height={200}
            series={[
              ...dLdh.map((layer, l) => ({
                label: total(l),
                xs: layer.map((_, k) => k),
                ys: layer,
                color: layerColor(l),
              })),
              ...last.map((layer, l) => ({
                label: lastOnly(l),
                xs: layer.map((_, k) => k),
                ys: layer,
                color: layerColor(l),
                dash: '5 3',
              })),
            ]}
          />
        </ChartFrame>
      </div>
    </section>
  );
});
