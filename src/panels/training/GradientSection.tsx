// Gradient health: global norm per step before and after clipping, the share clipped, and across
// the latest chunk per layer ‖dL/dh_t‖ (every later loss) beside ‖∂ℓ_T/∂h_t‖ (the last one alone).
import { memo, useDeferredValue } from 'react';
import { DLDH_TEXT, LESSON } from '../../content/training';
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
  const share = clippedShare(history);
  return (
    <section className="train-section" aria-labelledby="grad-heading">
      <h2 id="grad-heading">Gradient health</h2>
      <p className="lesson">{LESSON.gradients}</p>
      <div className="chart-grid">
        <ChartFrame
          title="Global gradient norm"
          name="gradient-norm"
          caption={`${(share * 100).toFixed(1)} % of ${formatCount(history.steps.length)} steps clipped.`}
          data={{
            caption: 'Gradient norm per step',
            columns: ['step', 'before clipping', 'after clipping', 'clipped'],
            rows: () =>
              history.steps.map((s, i) => [
                s,
                history.gradBefore[i]!,
                history.gradAfter[i]!,
                history.clipped[i] ? 'yes' : 'no',
              ]),
          }}
        >
          <LineChart
            label="Global gradient norm per step, before and after clipping (log scale)"
            xLabel="step"
            yLabel="‖g‖ (log)"
            logX={logSteps}
            logY
            height={200}
            series={[
              {
                label: 'before clipping',
                xs: history.steps,
                ys: history.gradBefore,
                color: SERIES_COLORS.beforeClipping,
                width: 1,
              },
              {
                label: 'after clipping',
                xs: history.steps,
                ys: history.gradAfter,
                color: SERIES_COLORS.afterClipping,
                width: 1,
              },
            ]}
          />
        </ChartFrame>
        <ChartFrame
          title={DLDH_TEXT.title}
          name="dldh"
          caption={DLDH_TEXT.caption}
          data={{
            caption: '‖dL/dh_t‖ and ‖∂ℓ_T/∂h_t‖ per step t of the latest batch, per layer',
            columns: [
              't',
              ...dLdh.map((_, l) => DLDH_TEXT.total(l)),
              ...last.map((_, l) => DLDH_TEXT.last(l)),
            ],
            rows: () =>
              (dLdh[0] ?? []).map((_, t) => [
                t,
                ...dLdh.map((layer) => layer[t] ?? NaN),
                ...last.map((layer) => layer[t] ?? NaN),
              ]),
          }}
        >
          <LineChart
            label="Norms of dL/dh_t and of the last step's ∂ℓ_T/∂h_t across the chunk for each layer (log scale)"
            xLabel="t (step within the chunk)"
            yLabel="norm (log)"
            logY
            height={200}
            series={[
              ...dLdh.map((layer, l) => ({
                label: DLDH_TEXT.total(l),
                xs: layer.map((_, t) => t),
                ys: layer,
                color: layerColor(l),
              })),
              ...last.map((layer, l) => ({
                label: DLDH_TEXT.last(l),
                xs: layer.map((_, t) => t),
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
