// The Time series view: a measured or synthetic series, prepared in plain sight (split by time,
// normalised on the training part), a model trained live in the worker with squared error, its
// loss against the baselines every forecaster must beat, and its predictions drawn on the series.
import { useEffect } from 'react';
import { MSE_NOTE, MSE_TEX, SERIES_SOURCES, WHY_SQUARED } from '../content/series';
import { leaveSeries, loadSeries } from '../store/seriesActions';
import { useAppStore } from '../store/store';
import { Equation } from '../viz/Equation';
import { SeriesControls } from './series/Controls';
import { SeriesExport } from './series/Export';
import { Forecast } from './series/Forecast';
import { SeriesLoss } from './series/Loss';
import { Preparation } from './series/Preparation';
import { SeriesPlot } from './series/SeriesPlot';
import '../styles/series.css';

export function SeriesPanel() {
  const source = useAppStore((s) => s.series.source);
  const difference = useAppStore((s) => s.series.difference);
  const horizon = useAppStore((s) => s.series.horizon);
  const cell = useAppStore((s) => s.series.cell);
  const hidden = useAppStore((s) => s.series.hidden);
  const error = useAppStore((s) => s.series.error);
  const ownName = useAppStore((s) => s.series.own?.name ?? null);

  useEffect(() => {
    void loadSeries();
  }, [source, difference, horizon, cell, hidden]);
  useEffect(() => leaveSeries, []);

  return (
    <div className="ts">
      <p className="ts-intro">
        The other classic use of a recurrent network: read a measured series one value at a time and
        predict what comes next. The output is a number, not a choice among characters, so the loss
        is the squared error.{' '}
        {ownName !== null
          ? `Your file ${ownName} is read in this browser only; nothing is sent anywhere.`
          : SERIES_SOURCES[source].note}
      </p>
      <SeriesControls />
      {error !== null && (
        <p className="ts-error" role="alert">
          {error}
        </p>
      )}
      <Preparation />
      <SeriesLoss />
      <SeriesPlot />
      <Forecast />
      <SeriesExport />
      <section aria-labelledby="ts-loss-eq">
        <h2 id="ts-loss-eq">The loss</h2>
        <Equation tex={MSE_TEX} display />
        <p className="ts-note">{MSE_NOTE}</p>
        <p className="ts-note">{WHY_SQUARED}</p>
      </section>
    </div>
  );
}
