// The Time series view's controls: the series, values or changes, the horizon, the model's cell
// size and layers, how it trains, and Train / Pause with the step count and speed.
import { useTranslation } from 'react-i18next';
import { SERIES_SOURCE_IDS, type SeriesSourceId } from '../../content/series';
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
import { FileChooser } from '../shared/FileChooser';

export function SeriesControls() {
  const { t } = useTranslation();
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
  const status = busy
    ? t('series.controls.preparing')
    : [
        t('series.controls.status', { step: formatCount(step) }),
        ...(training && speed !== null
          ? [t('series.controls.speed', { speed: formatCount(speed) })]
          : []),
        ...(parameters !== null
          ? [t('series.controls.parameters', { n: formatCount(parameters) })]
          : []),
      ].join(' · ');
  return (
    <section className="ts-controls" aria-label={t('series.controls.label')}>
      <label data-control="series">
        {t('series.controls.series')}{' '}
        <select
          value={own !== null ? OWN : s}
          onChange={(e) => {
            if (e.target.value !== OWN)
              void setSeries({ source: e.target.value as SeriesSourceId });
          }}
        >
          {SERIES_SOURCE_IDS.map((id) => (
            <option key={id} value={id}>
              {t(`series.sources.${id}.label`)}
            </option>
          ))}
          {own !== null && (
            <option value={OWN}>{t('series.controls.ownOption', { name: own.name })}</option>
          )}
        </select>
      </label>
      <label className="ts-file" data-control="own-series" title={t('series.controls.ownCsvHelp')}>
        {t('series.controls.ownCsv')}{' '}
        <FileChooser
          accept=".csv,.tsv,.txt,text/csv,text/plain"
          disabled={busy}
          onFile={(file) => void openOwnFile(file)}
        />
      </label>
      {own !== null && columns.length > 1 && (
        <label>
          {t('series.controls.column')}{' '}
          <select value={column} onChange={(e) => void setOwnColumn(e.target.value)}>
            {columns.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </label>
      )}
      <fieldset className="ts-predict" data-control="predict">
        <legend>{t('series.controls.predict')}</legend>
        <label>
          <input
            type="radio"
            name="ts-predict"
            checked={!difference}
            onChange={() => void setSeries({ difference: false })}
          />{' '}
          {t('series.controls.values')}
        </label>
        <label>
          <input
            type="radio"
            name="ts-predict"
            checked={difference}
            onChange={() => void setSeries({ difference: true })}
          />{' '}
          {t('series.controls.changes')}
        </label>
      </fieldset>
      <label title={t('series.controls.horizonHelp')} data-control="horizon">
        {t('series.controls.horizon')}{' '}
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
      <label data-control="cell">
        {t('series.controls.cell')}{' '}
        <select value={cell} onChange={(e) => void setSeries({ cell: e.target.value as CellKind })}>
          {CELL_KINDS.map((k) => (
            <option key={k} value={k}>
              {CELL_INFO[k].label}
            </option>
          ))}
        </select>
      </label>
      <label data-control="hidden">
        {t('series.controls.hidden')}{' '}
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
      <label data-control="layers">
        {t('series.controls.layers')}{' '}
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
            {t('series.controls.pause')}
          </button>
        ) : (
          <button
            type="button"
            onClick={() => void trainSeries()}
            disabled={busy || phase === 'idle' || phase === 'diverged'}
          >
            {t('series.controls.train')}
          </button>
        )}
        <span className="ts-status" aria-live="polite" data-testid="ts-step">
          {status}
        </span>
      </div>
      <SeriesSaved />
    </section>
  );
}
