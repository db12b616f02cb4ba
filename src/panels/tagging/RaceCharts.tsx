// The race's curves: the metric that matters (F1 of word ends, or the future task's accuracy)
// with what guessing scores, and the validation loss with the task's baselines.
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { tagRacerLabel } from '../../content/tagging';
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

/** A baseline's short name (the engine's, in English) in the language of `t`. */
function baselineName(t: TFunction, key: string, label: string): string {
  return key === 'prior' || key === 'unigram' ? t(`tagging.baselines.${key}`) : label;
}

export function RaceCharts() {
  const { t } = useTranslation();
  const race = useAppStore((s) => s.tagging.race);
  const task = race.settings?.task ?? 'spaces';
  const racers = race.racers.map((r) => ({
    label: tagRacerLabel(t, { ...r, cell: CELL_INFO[r.cell].label }),
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
    caption: t('tagging.charts.table', { what, every: TAG_RACE.evalEvery }),
    columns: [t('tagging.charts.step'), ...racers.map((r) => r.label)],
    rows: steps.map((step, i) => [step, ...race.curves.map((c) => c[k][i]!)]),
  });
  const versus = racers.map((r) => r.label).join(t('tagging.charts.versus'));
  return (
    <>
      {keys.map((key) => {
        const title = key === 'f1' ? t('tagging.charts.f1') : t('tagging.charts.accuracy');
        const references =
          key === 'accuracy' && race.chance !== null
            ? [
                {
                  label: task === 'spaces' ? t('tagging.charts.chance') : t('tagging.charts.guess'),
                  y: race.chance,
                },
              ]
            : [];
        return (
          <ChartFrame
            key={key}
            title={title}
            name={`tag-${key}`}
            data={table(
              key,
              key === 'f1' ? t('tagging.charts.tableF1') : t('tagging.charts.tableAccuracy'),
            )}
          >
            <LineChart
              series={series(key)}
              references={references}
              xLabel={t('tagging.charts.stepAxis')}
              yLabel={key === 'f1' ? t('tagging.charts.f1Axis') : t('tagging.charts.accuracyAxis')}
              // Accuracy on the spaces task lives between the most frequent tag and 1: fitted.
              {...(key === 'accuracy' && task === 'spaces' ? {} : { yDomain: [0, 1] as const })}
              height={key === 'accuracy' && task === 'spaces' ? 200 : 240}
              label={t('tagging.charts.titled', { title, versus })}
            />
          </ChartFrame>
        );
      })}
      <ChartFrame
        title={t('tagging.charts.loss')}
        name="tag-loss"
        caption={t('tagging.charts.lossNote')}
        data={table('loss', t('tagging.charts.tableLoss'))}
      >
        <LineChart
          series={series('loss')}
          references={race.baselines.map((b) => ({
            label: baselineName(t, b.key, b.label),
            y: b.value,
          }))}
          xLabel={t('tagging.charts.stepAxis')}
          yLabel={t('tagging.charts.lossAxis')}
          height={200}
          label={t('tagging.charts.titled', { title: t('tagging.charts.loss'), versus })}
        />
      </ChartFrame>
    </>
  );
}
