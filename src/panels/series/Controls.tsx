// The Time series view's controls: the series, values or changes, the horizon, the model's cell
// size and layers, how it trains, and Train / Pause with the step count and speed.
import { SERIES_SOURCE_IDS, SERIES_SOURCES, type SeriesSourceId } from '../../content/series';
import { formatCount } from '../../content/format';
import { CELL_INFO, CELL_KINDS, type CellKind } from '../../engine/cell';
import { SERIES_LIMITS } from '../../store/series';
import {
  openOwnFile,
  pauseSeries,
  setOwnColumn,
  setSeries,
  trainSeries,
} from '../../store/seriesActions';

/** The menu's value for the learner's own file. */
const OWN = 'own';
/** Before a series is loaded (a constant: a new array would be a new store value each render). */
const NO_COLUMNS: readonly string[] = [];
import { useAppStore } from '../../store/store';
import { SynthSliders } from './SynthSliders';
import { SeriesTrainingSettings } from './TrainingSettings';
import { SeriesSaved } from './Saved';

export function SeriesControls() {
  const s = useAppStore((st) => st.series.source);
  const difference = useAppStore((st) => st.series.difference);
  const horizon = useAppStore((st) => st.series.horizon);
  const cell = useAppStore((st) => st.series.cell);
  const hidden = useAppStore((st) => st.series.hidden);
  const layers = useAppStore((st) => st.series.layers);
  const phase = useAppStore((st) => st.series.phase);
  const step = useAppStore((st) => st.series.history.steps.at(-1) ?? 0);
  const speed = useAppStore((st) => st.series.stepsPerSecond);
  const parameters = useAppStore((st) => st.series.info?.parameters ?? null);
  const own = useAppStore((st) => st.series.own);
  const columns = useAppStore((st) => st.series.info?.columns ?? NO_COLUMNS);
  const column = useAppStore((st) => st.series.info?.column ?? '');
  const training = phase === 'training';
  const busy = phase === 'loading';
  return (
    <section className="ts-controls" aria-label="Series and model">
      <label>
        Series{' '}
        <select
          value={own !== null ? OWN : s}
          onChange={(e) => {
            if (e.target.value !== OWN)
              void setSeries({ source: e.target.value as SeriesSourceId });
          }}
        >
          {SERIES_SOURCE_IDS.map((id) => (
            <option key={id} value={id}>
              {SERIES_SOURCES[id].label}
            </option>
          ))}
          {own !== null && <option value={OWN}>Your file: {own.name}</option>}
        </select>
      </label>
      <label className="ts-file" title="A CSV text file with a header row and a numeric column">
        Your own CSV{' '}
        <input
          type="file"
          accept=".csv,.tsv,.txt,text/csv,text/plain"
          disabled={busy}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void openOwnFile(file);
          }}
        />
      </label>
      {own !== null && columns.length > 1 && (
        <label>
          Column{' '}
          <select value={column} onChange={(e) => void setOwnColumn(e.target.value)}>
            {columns.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </label>
      )}
      <fieldset className="ts-predict">
        <legend>Predict</legend>
        <label>
          <input
            type="radio"
            name="ts-predict"
            checked={!difference}
            onChange={() => void setSeries({ difference: false })}
          />{' '}
          the values
        </label>
        <label>
          <input
            type="radio"
            name="ts-predict"
            checked={difference}
            onChange={() => void setSeries({ difference: true })}
          />{' '}
          the changes
        </label>
      </fieldset>
      <label title="How many steps ahead the model predicts (changes: one step only)">
        Steps ahead{' '}
        <input
          type="number"
          min={SERIES_LIMITS.horizon.min}
          max={SERIES_LIMITS.horizon.max}
          value={horizon}
          disabled={difference}
          onChange={(e) => {
            const h = Number(e.target.value);
            if (Number.isInteger(h) && h >= 1 && h <= SERIES_LIMITS.horizon.max)
              void setSeries({ horizon: h });
          }}
        />
      </label>
      <label>
        Cell{' '}
        <select value={cell} onChange={(e) => void setSeries({ cell: e.target.value as CellKind })}>
          {CELL_KINDS.map((k) => (
            <option key={k} value={k}>
              {CELL_INFO[k].label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Hidden size{' '}
        <select value={hidden} onChange={(e) => void setSeries({ hidden: Number(e.target.value) })}>
          {[...new Set([8, 16, 32, 64, 128, hidden])]
            .sort((a, b) => a - b)
            .map((h) => (
              <option key={h} value={h}>
                {h}
              </option>
            ))}
        </select>
      </label>
      <label>
        Layers{' '}
        <select value={layers} onChange={(e) => void setSeries({ layers: Number(e.target.value) })}>
          {Array.from({ length: SERIES_LIMITS.layers.max }, (_, k) => k + 1).map((l) => (
            <option key={l} value={l}>
              {l}
            </option>
          ))}
        </select>
      </label>
      <SeriesTrainingSettings />
      <SynthSliders />
      <div className="ts-run">
        {training ? (
          <button type="button" onClick={() => void pauseSeries()}>
            Pause
          </button>
        ) : (
          <button
            type="button"
            onClick={() => void trainSeries()}
            disabled={busy || phase === 'idle' || phase === 'diverged'}
          >
            Train
          </button>
        )}
        <span className="ts-status" aria-live="polite" data-testid="ts-step">
          {busy
            ? 'Preparing the series…'
            : `Step ${formatCount(step)}${
                training && speed !== null ? ` · ${formatCount(speed)} steps/s` : ''
              }${parameters !== null ? ` · ${formatCount(parameters)} parameters` : ''}`}
        </span>
      </div>
      <SeriesSaved />
    </section>
  );
}
