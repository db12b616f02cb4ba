// The end of the Gradient flow view: a plain RNN and an LSTM with the same parameter budget race
// on the copy task, live in the worker, their validation recall and loss drawn as they learn.
// Reads the `race` part of the gradients slice; the charts take props.
import { useEffect } from 'react';
import { raceStatus, racerLabel } from '../../content/race';
import { formatCount, formatSignificant } from '../../content/format';
import { CELL_INFO } from '../../engine/cell';
import { COPY_RACE, COPY_RACE_CHANCE, copyRaceTask, copyRacers } from '../../engine/copyRaceSpec';
import { copyDelay } from '../../engine/tasks/generated';
import { leaveRace, pauseRace, resetRace, startRace } from '../../store/raceActions';
import { useAppStore } from '../../store/store';
import { ChartFrame } from '../../viz/ChartFrame';
import { LineChart, type Series } from '../../viz/LineChart';
import { useGradientWords } from './locale';

/** The racers: their cell, size and budget, with their colours (a line style each, too). */
const RACERS = copyRacers().map((r) => ({
  cell: CELL_INFO[r.arch.cell].label,
  hiddenSize: r.arch.hiddenSize,
  parameters: r.parameters,
  color: `var(--gf-${r.arch.cell})`,
  ...(r.arch.cell === 'rnn' ? { dash: '6 3' } : {}),
}));

/** `delay`: the copy task's delay the experiment above suggests (the race caps it). */
export function RaceSection({ delay }: { delay: number }) {
  const { t, locale } = useGradientWords();
  const race = useAppStore((s) => s.gradients.race);
  const wanted = copyRaceTask(delay);
  // The figures shown belong to the race held, which may be on another task until Start or Reset.
  const task = race.task === '' ? wanted : race.task;
  const K = copyDelay(task) ?? 10;
  const sameTask = task === wanted;
  const finished = race.finished && sameTask;

  useEffect(() => leaveRace, []);

  /** The racers as the legend names them. */
  const racers = RACERS.map(({ cell, hiddenSize, parameters, ...style }) => ({
    label: racerLabel(cell, hiddenSize, parameters, locale),
    ...style,
  }));
  const series = (key: 'recall' | 'loss'): Series[] =>
    racers.map((r, k) => {
      const curve = race.curves[k];
      return { ...r, xs: curve?.steps ?? [], ys: curve?.[key] ?? [] };
    });
  const steps = race.curves[0]?.steps ?? [];
  const table = (key: 'recall' | 'loss') => ({
    caption: t(key === 'recall' ? 'gradients.race.recallTable' : 'gradients.race.lossTable', {
      every: COPY_RACE.evalEvery,
    }),
    columns: [t('gradients.race.stepColumn'), ...racers.map((r) => r.label)],
    rows: steps.map((step, i) => [step, ...race.curves.map((c) => c[key][i]!)]),
  });
  const chartLabel = (title: string) =>
    t('gradients.race.chartLabel', {
      title,
      racers: racers.map((r) => r.label).join(t('gradients.race.against')),
    });
  const recallChart = t('gradients.race.recallChart');
  const lossChart = t('gradients.race.lossChart');
  return (
    <section className="gf-race" aria-labelledby="gf-race-h">
      <h2 id="gf-race-h">{t('gradients.race.heading')}</h2>
      <p className="gf-note">
        {t('gradients.race.intro', {
          task,
          delay: K,
          batchSize: COPY_RACE.batchSize,
          lr: COPY_RACE.lr,
          clipNorm: COPY_RACE.clipNorm,
          maxSteps: formatCount(COPY_RACE.maxSteps),
          evalEvery: COPY_RACE.evalEvery,
        })}
      </p>
      {delay > K && <p className="gf-hint">{t('gradients.race.capped', { delay })}</p>}
      <div className="gf-race__controls">
        <button
          type="button"
          onClick={() => void startRace(wanted)}
          disabled={race.running || finished}
        >
          {race.step > 0 && sameTask && !finished
            ? t('gradients.race.resume')
            : t('gradients.race.start')}
        </button>
        <button type="button" onClick={() => void pauseRace()} disabled={!race.running}>
          {t('gradients.race.pause')}
        </button>
        <button type="button" onClick={() => void resetRace(wanted)}>
          {t('gradients.race.reset')}
        </button>
        <span className="gf-status" role="status" aria-live="polite" data-testid="race-status">
          {race.error !== null ? (
            <>
              {t('gradients.race.status.stopped', { error: '' })}
              <span lang="en">{race.error}</span>
            </>
          ) : (
            raceStatus({ ...race, maxSteps: race.maxSteps || COPY_RACE.maxSteps }, locale)
          )}
        </span>
      </div>
      <ChartFrame
        title={recallChart}
        name="race-recall"
        caption={t('gradients.race.recallCaption', {
          K,
          before: K + 1,
          chance: formatSignificant(COPY_RACE_CHANCE),
        })}
        data={table('recall')}
      >
        <LineChart
          series={series('recall')}
          references={[{ label: t('gradients.race.chance'), y: COPY_RACE_CHANCE }]}
          xLabel={t('gradients.race.stepAxis')}
          yLabel={t('gradients.race.recallAxis')}
          yDomain={[0, 1]}
          label={chartLabel(recallChart)}
        />
      </ChartFrame>
      <ChartFrame title={lossChart} name="race-loss" data={table('loss')}>
        <LineChart
          series={series('loss')}
          xLabel={t('gradients.race.stepAxis')}
          yLabel={t('gradients.race.lossAxis')}
          height={200}
          label={chartLabel(lossChart)}
        />
      </ChartFrame>
      <p className="gf-note">{t('gradients.race.why')}</p>
    </section>
  );
}
