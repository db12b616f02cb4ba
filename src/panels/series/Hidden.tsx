// Inside the model: the top layer's hidden state h_t over the last positions of the series, one
// row per unit, one column per step (the same windows the predictions are made with).
import { useTranslation } from 'react-i18next';
import { formatCount } from '../../content/format';
import { useAppStore } from '../../store/store';
import { WeightsHeatmap } from '../../viz/WeightsHeatmap';

const BLOCKS = ['h'] as const;

export function Hidden() {
  const { t } = useTranslation();
  const hidden = useAppStore((s) => s.series.states);
  const labels = useAppStore((s) => s.series.info?.labels ?? null);
  const step = useAppStore((s) => s.series.predictedStep);
  if (hidden === null || hidden.count === 0) return null;
  const names = Array.from({ length: hidden.count }, (_, k) => {
    const at = hidden.from + k;
    return labels?.[at] ?? `t = ${formatCount(at)}`;
  });
  return (
    <section aria-labelledby="ts-hidden">
      <h2 id="ts-hidden">{t('series.hidden.heading')}</h2>
      <p className="ts-note">{t('series.hidden.note')}</p>
      <WeightsHeatmap
        data={hidden.data}
        rows={hidden.units}
        cols={hidden.count}
        blocks={BLOCKS}
        label={t('series.hidden.chart', {
          n: formatCount(hidden.count),
          step: formatCount(step),
        })}
        rowLabel={t('series.hidden.rows')}
        colLabel={t('series.hidden.cols', { from: names[0]!, to: names.at(-1)! })}
        colNames={names}
        blockName={null}
        valueName={t('series.hidden.value')}
      />
    </section>
  );
}
