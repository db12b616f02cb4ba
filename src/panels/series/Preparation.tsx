// How the series is prepared, shown rather than hidden: the split by time, the normalisation
// from the training part only, values or changes, the horizon and the windows.
import { formatCount, formatSignificant } from '../../content/format';
import { seriesUnit } from '../../store/series';
import { useAppStore } from '../../store/store';

export function Preparation() {
  const info = useAppStore((s) => s.series.info);
  const seqLen = useAppStore((s) => s.series.seqLen);
  const batchSize = useAppStore((s) => s.series.batch);
  const unit = useAppStore((s) => seriesUnit(s.series));
  if (info === null) return null;
  const n = info.values.length;
  const at = (k: number) => info.labels?.[k] ?? `t = ${formatCount(k)}`;

  const what = info.difference ? 'changes (each value minus the one before)' : 'values';
  return (
    <section aria-labelledby="ts-prep" className="ts-prep">
      <h2 id="ts-prep">Preparation</h2>
      <ul data-testid="ts-prep">
        <li>
          {formatCount(n)} values of {unit}, from {at(0)} to {at(n - 1)}.
        </li>
        <li>
          Split by time: the model trains on the first {formatCount(info.trainCount)} {what} and is
          scored on the last {formatCount(info.valCount)}, from {at(info.firstValidation)} on.
          Validation comes strictly after training and is never shuffled across the cut.
        </li>
        <li>
          Normalised with the training part’s mean {formatSignificant(info.mean)} and scale{' '}
          {formatSignificant(info.scale)}: z = (y − {formatSignificant(info.mean)}) ÷{' '}
          {formatSignificant(info.scale)}. The validation part is not looked at.
        </li>
        <li>
          {info.difference
            ? 'The model reads the changes and predicts the next change; adding it to the last value gives the next value.'
            : `The model reads each normalised value z and predicts the one ${info.horizon} step${info.horizon === 1 ? '' : 's'} ahead.`}{' '}
          It trains on {batchSize} windows of T = {seqLen} steps at a time, each from a zero state.
        </li>
      </ul>
    </section>
  );
}
