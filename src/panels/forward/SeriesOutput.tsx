// A series model's output at the current step: the head's normalised prediction x̂, the same in
// the series' units ŷ next to the value y that came, and the squared error. Every number is the
// engine's (the trace's output and loss, the worker's window); nothing is recomputed here.
import { formatValue } from '../../content/format';
import { formatSeriesValue } from '../../content/forwardSeries';
import { useAppStore } from '../../store/store';
import { seriesStepOf } from './derive';
import { selectResult, useDetailStep } from './select';
import { withSubscripts } from './subscripts';
import { useWords } from './words';

export function SeriesOutput() {
  const { tr } = useWords();
  const result = useAppStore(selectResult);
  const { t } = useDetailStep();
  const step = result === null ? null : seriesStepOf(result, t);
  const read = result?.series;
  if (result === null || step === null || read === undefined) return null;
  const ahead = `t+${String(read.horizon)}`;
  return (
    <section className="fwd-output" aria-labelledby="fwd-output-h">
      <h2 id="fwd-output-h">{tr('forward.series.heading')}</h2>
      <p className="fwd-lede">
        {withSubscripts(
          tr(read.difference ? 'forward.series.ledeChange' : 'forward.series.ledeValue', {
            x: formatValue(step.x),
            y: formatSeriesValue(step.read),
            sub: `_{${ahead}}`,
          }),
        )}
        <strong data-value="xhat">{formatValue(step.xHat)}</strong>
        {tr(read.difference ? 'forward.series.tailChange' : 'forward.series.tailValue')}
      </p>
      <dl className="fwd-series-out">
        <div>
          <dt>
            {tr('forward.series.prediction')}
            <sub>{ahead}</sub>
          </dt>
          <dd data-value="yhat">{formatSeriesValue(step.predicted)}</dd>
        </div>
        <div>
          <dt>
            {tr('forward.series.actual')}
            <sub>{ahead}</sub>
            {step.label !== null ? ` (${step.label})` : ''}
          </dt>
          <dd data-value="y">{formatSeriesValue(step.actual)}</dd>
        </div>
      </dl>
      <p className="fwd-loss" data-sym="loss">
        {withSubscripts(
          tr('forward.series.loss', {
            sub: `_{${ahead}}`,
            xhat: formatValue(step.xHat),
            target: formatValue(step.target),
          }),
        )}
        <strong data-value="loss">{formatValue(step.loss)}</strong>
        {tr('forward.series.lossTail', { mean: formatValue(result.trace.loss) })}
      </p>
    </section>
  );
}
