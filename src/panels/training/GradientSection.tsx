// Gradient health: global norm per step before and after clipping, the share clipped, and
// ‖dL/dh_t‖ across the latest chunk per layer.
import { memo, useDeferredValue } from 'react';
import { LESSON } from '../../content/training';
import { useAppStore } from '../../store/store';
import { clippedShare, type TrainingState } from '../../store/training';
import { ChartFrame } from '../../viz/ChartFrame';
import { LineChart } from '../../viz/LineChart';

const LAYER_COLORS = ['var(--accent)', 'var(--val)', 'var(--ok)', 'var(--muted)'];

export function GradientSection() {
  // Deferred, like the loss chart: redraws happen in an interruptible render.
  const history = useDeferredValue(useAppStore((s) => s.training.history));
  const dLdh = useDeferredValue(useAppStore((s) => s.training.dLdhNorm));
  const logSteps = useAppStore((s) => s.training.logSteps);
  return <GradientView history={history} dLdh={dLdh} logSteps={logSteps} />;
}

interface GradientViewProps {
  history: TrainingState['history'];
  dLdh: TrainingState['dLdhNorm'];
  logSteps: boolean;
}

const GradientView = memo(function GradientView({ history, dLdh, logSteps }: GradientViewProps) {
  const share = clippedShare(history);
  return (
    <section className="train-section" aria-labelledby="grad-heading">
      <h2 id="grad-heading">Gradient health</h2>
      <p className="lesson">{LESSON.gradients}</p>
      <div className="chart-grid">
        <ChartFrame
          title="Global gradient norm"
          name="gradient-norm"
          caption={`${(share * 100).toFixed(1)} % of ${history.steps.length.toLocaleString('en-US')} steps clipped.`}
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
                color: 'var(--val)',
                width: 1,
              },
              {
                label: 'after clipping',
                xs: history.steps,
                ys: history.gradAfter,
                color: 'var(--accent)',
                width: 1,
              },
            ]}
          />
        </ChartFrame>
        <ChartFrame
          title="‖dL/dh_t‖ across the latest chunk"
          name="dldh"
          caption="Early steps of the chunk receive gradient from every later step; a falling curve towards t = 0 is a vanishing gradient."
          data={{
            caption: '‖dL/dh_t‖ per step t of the latest batch, per layer',
            columns: ['t', ...dLdh.map((_, l) => `layer ${l}`)],
            rows: () => (dLdh[0] ?? []).map((_, t) => [t, ...dLdh.map((layer) => layer[t] ?? NaN)]),
          }}
        >
          <LineChart
            label="Norm of dL/dh_t across the chunk for each layer (log scale)"
            xLabel="t (step within the chunk)"
            yLabel="‖dL/dh_t‖ (log)"
            logY
            height={200}
            series={dLdh.map((layer, l) => ({
              label: `layer ${l}`,
              xs: layer.map((_, t) => t),
              ys: layer,
              color: LAYER_COLORS[l % LAYER_COLORS.length]!,
            }))}
          />
        </ChartFrame>
      </div>
    </section>
  );
});
