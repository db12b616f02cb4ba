// The Tagging view: a forward-only model against a bidirectional one with the same parameter
// budget, on a task where the future decides the tag (put the spaces back into Shakespeare, or tag
// each letter with the one k steps ahead), trained live in the worker on the very same batches;
// their curves, the equations of a bidirectional layer, and the validation text as each tags it.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { TAG_STEP_HREF, bidirectionalTex, tagRaceIntro, tagRacerLabel } from '../content/tagging';
import { CELL_INFO } from '../engine/cell';
import { TAG_RACE } from '../engine/tagRaceSpec';
import { useAppStore } from '../store/store';
import { leaveTagging } from '../store/taggingActions';
import { Equation } from '../viz/Equation';
import { TaggingControls } from './tagging/Controls';
import { RaceCharts } from './tagging/RaceCharts';
import { TagSampleSection } from './tagging/Sample';
import '../styles/tagging.css';

export function TaggingPanel() {
  const { t } = useTranslation();
  const task = useAppStore((s) => s.tagging.task);
  const cell = useAppStore((s) => s.tagging.cell);
  const racers = useAppStore((s) => s.tagging.race.racers);
  const error = useAppStore((s) => s.tagging.race.error);

  useEffect(() => leaveTagging, []);

  return (
    <div className="tg">
      <p className="tg-intro">{t('tagging.intro')}</p>
      <p className="tg-note">{t(`tagging.tasks.${task}.intro`)}</p>
      <TaggingControls />
      {error !== null && (
        <p className="tg-error" role="alert">
          {error}
        </p>
      )}
      <section aria-labelledby="tg-race-h">
        <h2 id="tg-race-h">{t('tagging.race.heading')}</h2>
        <p className="tg-note">{tagRaceIntro(t, TAG_RACE)}</p>
        {racers.length > 0 && (
          <ul className="tg-models" aria-label={t('tagging.race.models')}>
            {racers.map((r) => (
              <li key={r.name}>{tagRacerLabel(t, { ...r, cell: CELL_INFO[r.cell].label })}</li>
            ))}
          </ul>
        )}
        <RaceCharts />
      </section>
      <TagSampleSection />
      <section aria-labelledby="tg-eq-h">
        <h2 id="tg-eq-h">{t('tagging.equations.heading')}</h2>
        {bidirectionalTex(CELL_INFO[cell].label).map((tex) => (
          <Equation key={tex} tex={tex} display />
        ))}
        <p className="tg-note">{t('tagging.equations.note')}</p>
        <p className="tg-note">
          <a href={TAG_STEP_HREF}>{t('tagging.equations.stepLink')}</a>
          {t('tagging.equations.stepNote')}
        </p>
      </section>
    </div>
  );
}
