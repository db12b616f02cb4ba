// The race's curves: the metric that matters (F1 of word ends, or the future task's accuracy)
// with what guessing scores, and the validation loss with the task's baselines.
import { TAG_BASELINE_SHORT, TAGGING_TEXT as T, tagRacerLabel } from '../../content/tagging';
import { CELL_INFO } from '../../engine/cell';
import { TAG_RACE } from '../../engine/tagRaceSpec';
import { useAppStore } from '../../store/store';
import type { TagCurve } from '../../store/tagging';
import { ChartFrame } from '../../viz/ChartFrame';
import { LineChart, type Series } from '../../viz/LineChart';

/** Each racer's colour and line style (forward dashed), by whether it reads both ways. */
function look(bidirectional: boolean) {
  return bidirectional
    ? { color: 'var(--tg-both)' }
    : { color: 'var(--tg-forward)', dash: '6 3' as const };
}

export function RaceCharts() {
  const race = useAppStore((s) => s.tagging.race);
  const task = race.settings?.task ?? 'spaces';
  const racers = race.racers.map((r) => ({
    label: tagRacerLabel({ ...r, cell: CELL_INFO[r.cell].label }),
    ...look(r.bidirectional),
  }));
  // The spaces task: F1 of word ends first (most characters are inside a word, so accuracy
  // flatters), then accuracy; the future task: accuracy against guessing.
  const keys: readonly ('f1' | 'accuracy')[] =
    task === 'spaces' ? ['f1', 'accuracy'] : ['accuracy'];
  const series = (k: keyof TagCurve): Series[] =>
    racers.map((r, i) => ({
      ...r,
      xs: race.curves[i]?.steps ?? [],
      ys: race.curves[i]?.[k] ?? [],
    }));
  const steps = race.curves[0]?.steps ?? [];
  const table = (k: keyof TagCurve, what: string) => ({
    caption: `${what} of each model on the validation text, every ${TAG_RACE.evalEvery} steps`,
    columns: ['step', ...racers.map((r) => r.label)],
    rows: steps.map((step, i) => [step, ...race.curves.map((c) => c[k][i]!)]),
  });
  const versus = racers.map((r) => r.label).join(' against ');
  return (
    <>
      {keys.map((key) => {
        const title = key === 'f1' ? T.f1Chart : T.accuracyChart;
        const references =
          key === 'accuracy' && race.chance !== null
            ? [{ label: task === 'spaces' ? T.chance : T.guess, y: race.chance }]
            : [];
        return (
          <ChartFrame
            key={key}
            title={title}
            name={`tag-${key}`}
            data={table(key, key === 'f1' ? 'F1 of word ends' : 'Accuracy')}
          >
            <LineChart
              series={series(key)}
              references={references}
              xLabel={T.stepAxis}
              yLabel={key === 'f1' ? T.f1Axis : T.accuracyAxis}
              // Accuracy on the spaces task lives between the most frequent tag and 1: fitted.
              {...(key === 'accuracy' && task === 'spaces' ? {} : { yDomain: [0, 1] as const })}
              height={key === 'accuracy' && task === 'spaces' ? 200 : 240}
              label={`${title}: ${versus}`}
            />
          </ChartFrame>
        );
      })}
      <ChartFrame
        title={T.lossChart}
        name="tag-loss"
        caption={T.lossNote}
        data={table('loss', 'Loss')}
      >
        <LineChart
          series={series('loss')}
          references={race.baselines.map((b) => ({
            label: TAG_BASELINE_SHORT[b.key] ?? b.label,
            y: b.value,
          }))}
          xLabel={T.stepAxis}
          yLabel={T.lossAxis}
          height={200}
          label={`${T.lossChart}: ${versus}`}
        />
      </ChartFrame>
    </>
  );
}
