// The end of the Gradient flow view: a plain RNN and an LSTM with the same parameter budget race
// on the copy task, live in the worker, their validation recall and loss drawn as they learn.
// Reads the `race` part of the gradients slice; the charts take props.
import { useEffect } from 'react';
import { RACE_TEXT, raceStatus, racerLabel } from '../../content/race';
import { formatSignificant } from '../../content/format';
import { CELL_INFO } from '../../engine/cell';
import { COPY_RACE, COPY_RACE_CHANCE, copyRaceTask, copyRacers } from '../../engine/copyRaceSpec';
import { copyDelay } from '../../engine/tasks/generated';
import { leaveRace, pauseRace, resetRace, startRace } from '../../store/raceActions';
import { useAppStore } from '../../store/store';
import { ChartFrame } from '../../viz/ChartFrame';
import { LineChart, type Series } from '../../viz/LineChart';

/** The racers as the legend names them, with their colours (a line style each, too). */
const RACERS = copyRacers().map((r) => ({
  label: racerLabel(CELL_INFO[r.arch.cell].label, r.arch.hiddenSize, r.parameters),
  color: `var(--gf-${r.arch.cell})`,
  ...(r.arch.cell === 'rnn' ? { dash: '6 3' } : {}),
}));

/** `delay`: the copy task's delay the experiment above suggests (the race caps it). */
export function RaceSection({ delay }: { delay: number }) {
  const race = useAppStore((s) => s.gradients.race);
  const wanted = copyRaceTask(delay);
  // The figures shown belong to the race held, which may be on another task until Start or Reset.
  const task = race.task === '' ? wanted : race.task;
  const K = copyDelay(task) ?? 10;
  const sameTask = task === wanted;
  const finished = race.finished && sameTask;

  useEffect(() => leaveRace, []);

  const series = (key: 'recall' | 'loss'): Series[] =>
    RACERS.map((r, k) => {
      const curve = race.curves[k];
      return { ...r, xs: curve?.steps ?? [], ys: curve?.[key] ?? [] };
    });
  const steps = race.curves[0]?.steps ?? [];
  const table = (key: 'recall' | 'loss', what: string) => ({
    caption: `${what} of each model on the validation text, every ${COPY_RACE.evalEvery} steps`,
    columns: ['step', ...RACERS.map((r) => r.label)],
    rows: steps.map((step, i) => [step, ...race.curves.map((c) => c[key][i]!)]),
  });
  return (
    <section className="gf-race" aria-labelledby="gf-race-h">
      <h2 id="gf-race-h">{RACE_TEXT.heading}</h2>
      <p className="gf-note">{RACE_TEXT.intro(task, K, COPY_RACE)}</p>
      {delay > K && <p className="gf-hint">{RACE_TEXT.capped(delay)}</p>}
      <div className="gf-race__controls">
        <button
          type="button"
          onClick={() => void startRace(wanted)}
          disabled={race.running || finished}
        >
          {race.step > 0 && sameTask && !finished ? RACE_TEXT.resume : RACE_TEXT.start}
        </button>
        <button type="button" onClick={() => void pauseRace()} disabled={!race.running}>
          {RACE_TEXT.pause}
        </button>
        <button type="button" onClick={() => void resetRace(wanted)}>
          {RACE_TEXT.reset}
        </button>
        <span className="gf-status" role="status" aria-live="polite" data-testid="race-status">
          {raceStatus({ ...race, maxSteps: race.maxSteps || COPY_RACE.maxSteps })}
        </span>
      </div>
      <ChartFrame
        title={RACE_TEXT.recallChart}
        name="race-recall"
        caption={`The letter after the ${K} fillers, predicted from what was seen ${K + 1} steps before; guessing among the 10 letters scores ${formatSignificant(COPY_RACE_CHANCE)}.`}
        data={table('recall', 'Recall accuracy')}
      >
        <LineChart
          series={series('recall')}
          references={[{ label: RACE_TEXT.chance, y: COPY_RACE_CHANCE }]}
          xLabel={RACE_TEXT.stepAxis}
          yLabel={RACE_TEXT.recallAxis}
          yDomain={[0, 1]}
          label={`${RACE_TEXT.recallChart}: ${RACERS.map((r) => r.label).join(' against ')}`}
        />
      </ChartFrame>
      <ChartFrame
        title={RACE_TEXT.lossChart}
        name="race-loss"
        data={table('loss', 'Validation loss')}
      >
        <LineChart
          series={series('loss')}
          xLabel={RACE_TEXT.stepAxis}
          yLabel={RACE_TEXT.lossAxis}
          height={200}
          label={`${RACE_TEXT.lossChart}: ${RACERS.map((r) => r.label).join(' against ')}`}
        />
      </ChartFrame>
      <p className="gf-note">{RACE_TEXT.why}</p>
    </section>
  );
}
