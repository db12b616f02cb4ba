// The Time series view: a measured or synthetic series, prepared in plain sight (split by time,
// normalised on the training part), a model trained live in the worker with squared error, its
// loss against the baselines every forecaster must beat, and its predictions drawn on the series.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { lossTex, lossTexWords, MSE_TEX, stepTex } from '../content/series';
import { CELL_INFO } from '../engine/cell';
import { leaveSeries, loadSeries, restoreOwnSeries } from '../store/seriesActions';
import { seriesChoice } from '../store/series';
import { useAppStore } from '../store/store';
import { Equation } from '../viz/Equation';
import { SeriesControls } from './series/Controls';
import { SeriesCheckpoints } from './series/Checkpoints';
import { SeriesExport } from './series/Export';
import { SeriesDiverged } from './series/Diverged';
import { Forecast } from './series/Forecast';
import { Hidden } from './series/Hidden';
import { SeriesLoss } from './series/Loss';
import { Preparation } from './series/Preparation';
import { SeriesPlot } from './series/SeriesPlot';
import { SeriesStepThrough } from './series/StepThrough';
import '../styles/series.css';

export function SeriesPanel() {
  const { t } = useTranslation();
  const source = useAppStore((s) => s.series.source);
  const cell = useAppStore((s) => s.series.cell);
  const choice = useAppStore((s) => seriesChoice(s.series));
  const error = useAppStore((s) => s.series.error);
  const ownName = useAppStore((s) => s.series.own?.name ?? null);
  const info = useAppStore((s) => s.series.info);
  const lastVal = useAppStore((s) => s.series.history.val.at(-1) ?? null);

  // The first load after the page opened puts the autosaved run back if it fits the choices.
  const first = useRef(true);
  useEffect(() => {
    void loadSeries({ resume: first.current });
    first.current = false;
  }, [choice]);
  useEffect(() => {
    void restoreOwnSeries();
    return leaveSeries;
  }, []);

  return (
    <div className="ts">
      <p className="ts-intro">
        {t('series.intro')}{' '}
        {ownName !== null
          ? t('series.ownNote', { name: ownName })
          : t(`series.sources.${source}.note`)}
      </p>
      <SeriesControls />
      {error !== null && (
        <p className="ts-error" role="alert">
          {error}
        </p>
      )}
      <SeriesDiverged />
      <Preparation />
      <SeriesLoss />
      <SeriesPlot />
      <Forecast />
      <Hidden />
      <SeriesStepThrough />
      <SeriesCheckpoints />
      <SeriesExport />
      <section aria-labelledby="ts-loss-eq">
        <h2 id="ts-loss-eq">{t('series.equations.heading')}</h2>
        {info !== null && (
          <Equation
            tex={stepTex({
              cell: CELL_INFO[cell].label,
              mean: info.mean,
              scale: info.scale,
              horizon: info.horizon,
              difference: info.difference,
            })}
            display
          />
        )}
        <Equation tex={MSE_TEX} display />
        {info !== null && lastVal !== null && (
          <Equation
            tex={lossTex(
              lastVal.loss,
              info.baselines.find((b) => b.key === 'persistence')?.value ?? NaN,
              lastVal.step,
              lossTexWords(t),
            )}
            display
          />
        )}
        <p className="ts-note">{t('series.equations.mseNote')}</p>
        <p className="ts-note">{t('series.equations.whySquared')}</p>
      </section>
    </div>
  );
}
