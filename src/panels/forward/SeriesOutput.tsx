// A series model's output at the current step: the head's normalised prediction x̂, the same in
// the series' units ŷ next to the value y that came, and the squared error. Every number is the
// engine's (the trace's output and loss, the worker's window); nothing is recomputed here.
import { formatValue } from '../../content/format';
import { formatSeriesValue } from '../../content/forwardSeries';
import { useAppStore } from '../../store/store';
import { seriesStepOf } from './derive';
import { selectResult, useDetailStep } from './select';

export function SeriesOutput() {
  const result = useAppStore(selectResult);
  const { t } = useDetailStep();
  const step = result === null ? null : seriesStepOf(result, t);
  const read = result?.series;
  if (result === null || step === null || read === undefined) return null;
  const ahead = `t+${String(read.horizon)}`;
  return (
    <section className="fwd-output" aria-labelledby="fwd-output-h">
      <h2 id="fwd-output-h">The prediction</h2>
      <p className="fwd-lede">
        After reading x<sub>t</sub> = {formatValue(step.x)}{' '}
        {read.difference ? '(the change to' : '(the value'} y<sub>t</sub> ={' '}
        {formatSeriesValue(step.read)}, normalised) the linear head gives x̂<sub>{ahead}</sub> ={' '}
        <strong data-value="xhat">{formatValue(step.xHat)}</strong>, which is a prediction of{' '}
        {read.difference ? 'the next change' : 'the value'} in normalised units.
      </p>
      <dl className="fwd-series-out">
        <div>
          <dt>
            Prediction ŷ<sub>{ahead}</sub>
          </dt>
          <dd data-value="yhat">{formatSeriesValue(step.predicted)}</dd>
        </div>
        <div>
          <dt>
            Actual y<sub>{ahead}</sub>
            {step.label !== null ? ` (${step.label})` : ''}
          </dt>
          <dd data-value="y">{formatSeriesValue(step.actual)}</dd>
        </div>
      </dl>
      <p className="fwd-loss" data-sym="loss">
        Loss at this step: ℓ<sub>t</sub> = (x̂<sub>{ahead}</sub> − x<sub>{ahead}</sub>)² = (
        {formatValue(step.xHat)} − {formatValue(step.target)})² ={' '}
        <strong data-value="loss">{formatValue(step.loss)}</strong>, in normalised units. Mean over
        the window: {formatValue(result.trace.loss)}.
      </p>
    </section>
  );
}
