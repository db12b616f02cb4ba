// Running free: the model's forecast fed back into itself for k steps, its error against k from
// many starts in the validation part, next to the last value carried forward. At k = 1 it is the
// teacher-forced prediction the loss measures. The cone of error: the spread of the signed error
// over the starts at each k (median and 10–90 % band).
import { formatCount, formatSignificant } from '../../content/format';
import { coneNote, FORECAST_NOTE } from '../../content/series';
import { seriesUnit } from '../../store/series';
import { useAppStore } from '../../store/store';
import { LineChart } from '../../viz/LineChart';

export function Forecast() {
  const forecast = useAppStore((s) => s.series.forecast);
  const horizon = useAppStore((s) => s.series.info?.horizon ?? 1);
  const unit = useAppStore((s) => seriesUnit(s.series));
  if (horizon !== 1)
    return (
      <section aria-labelledby="ts-free">
        <h2 id="ts-free">Running free</h2>
        <p className="ts-note">
          A model that predicts {horizon} steps ahead cannot feed its output back as its next input.
          Set “Steps ahead” to 1 to forecast by running free.
        </p>
      </section>
    );
  if (forecast === null || forecast.starts === 0) return null;

  const at = (k: number) =>
    `k = ${k}: ${formatSignificant(forecast.model[k - 1]!, 3)} (last value ${formatSignificant(forecast.persistence[k - 1]!, 3)})`;
  const ks = [1, 5, 20].filter((k) => k <= forecast.ks.length);
  return (
    <section aria-labelledby="ts-free">
      <h2 id="ts-free">Running free</h2>
      <p className="ts-note">{FORECAST_NOTE}</p>
      <LineChart
        label={`Forecast error against steps ahead, ${unit}`}
        xLabel="steps ahead k"
        yLabel={`RMSE, ${unit}`}
        height={220}
        series={[
          {
            label: 'model, its own predictions fed back',
            xs: forecast.ks,
            ys: forecast.model,
            color: 'var(--ts-pred)',
          },
          {
            label: 'last value carried forward',
            xs: forecast.ks,
            ys: forecast.persistence,
            color: 'var(--ts-data)',
            dash: '5 3',
          },
        ]}
      />
      <p className="ts-note">{coneNote(forecast.starts)}</p>
      <LineChart
        label={`The cone of error: forecast minus truth against steps ahead, median and 10–90 % band over ${forecast.starts} starts, ${unit}`}
        xLabel="steps ahead k"
        yLabel={`forecast − truth, ${unit}`}
        height={220}
        references={[{ label: 'no error', y: 0 }]}
        series={[
          {
            label: 'model: median, 10–90 % band',
            xs: forecast.ks,
            ys: forecast.cone.model.median,
            band: { lo: forecast.cone.model.q10, hi: forecast.cone.model.q90 },
            color: 'var(--ts-pred)',
          },
          {
            label: 'last value: median, 10–90 % band',
            xs: forecast.ks,
            ys: forecast.cone.persistence.median,
            band: { lo: forecast.cone.persistence.q10, hi: forecast.cone.persistence.q90 },
            color: 'var(--ts-data)',
            dash: '5 3',
          },
        ]}
      />
      <p className="ts-verdict" data-testid="ts-free">
        Root mean squared error over {formatCount(forecast.starts)} starts, in {unit}:{' '}
        {ks.map(at).join('; ')}.
      </p>
    </section>
  );
}
