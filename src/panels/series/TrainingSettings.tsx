// How the Time series view's model trains: learning rate, window length T and batch size B.
// They change live (the model, its step and curves stay) and are kept in the address.
import { SERIES_LIMITS } from '../../store/series';
import { setSeriesTraining } from '../../store/seriesActions';
import { useAppStore } from '../../store/store';

const RATES = [0.0003, 0.001, 0.003, 0.01, 0.03, 0.1];
const BATCHES = [1, 4, 8, 16, 32, 64, 128];

/** The options of a menu: the usual ones and the current value (from an address). */
const withCurrent = (options: readonly number[], value: number) =>
  [...new Set([...options, value])].sort((a, b) => a - b);

export function SeriesTrainingSettings() {
  const lr = useAppStore((s) => s.series.lr);
  const seqLen = useAppStore((s) => s.series.seqLen);
  const batch = useAppStore((s) => s.series.batch);
  const { seqLen: T } = SERIES_LIMITS;
  return (
    <>
      <label title="The step size of each update (Adam). Changes live; a smaller one overfits later.">
        Learning rate{' '}
        <select value={lr} onChange={(e) => void setSeriesTraining({ lr: Number(e.target.value) })}>
          {withCurrent(RATES, lr).map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </label>
      <label title="How many steps each training window unrolls, each from a zero state. Changes live.">
        Window T{' '}
        <input
          type="number"
          min={T.min}
          max={T.max}
          value={seqLen}
          onChange={(e) => {
            const t = Number(e.target.value);
            if (Number.isInteger(t) && t >= T.min && t <= T.max)
              void setSeriesTraining({ seqLen: t });
          }}
        />
      </label>
      <label title="Windows per step; the loss is their mean. Changes live.">
        Batch{' '}
        <select
          value={batch}
          onChange={(e) => void setSeriesTraining({ batch: Number(e.target.value) })}
        >
          {withCurrent(BATCHES, batch).map((b) => (
            <option key={b} value={b}>
              {b}
            </option>
          ))}
        </select>
      </label>
    </>
  );
}
