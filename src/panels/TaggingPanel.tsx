// The Tagging view: a forward-only model against a bidirectional one with the same parameter
// budget, on a task where the future decides the tag (put the spaces back into Shakespeare, or tag
// each letter with the one k steps ahead), trained live in the worker on the very same batches;
// their curves, the equations of a bidirectional layer, and the validation text as each tags it.
import { useEffect } from 'react';
import {
  TAG_TASK_TEXT,
  TAGGING_TEXT as T,
  bidirectionalTex,
  tagRaceIntro,
  tagRacerLabel,
} from '../content/tagging';
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
  const task = useAppStore((s) => s.tagging.task);
  const cell = useAppStore((s) => s.tagging.cell);
  const racers = useAppStore((s) => s.tagging.race.racers);
  const error = useAppStore((s) => s.tagging.race.error);

  useEffect(() => leaveTagging, []);

  return (
    <div className="tg">
      <p className="tg-intro">{T.intro}</p>
      <p className="tg-note">{TAG_TASK_TEXT[task].intro}</p>
      <TaggingControls />
      {error !== null && (
        <p className="tg-error" role="alert">
          {error}
        </p>
      )}
      <section aria-labelledby="tg-race-h">
        <h2 id="tg-race-h">{T.raceHeading}</h2>
        <p className="tg-note">{tagRaceIntro(TAG_RACE)}</p>
        {racers.length > 0 && (
          <ul className="tg-models" aria-label={T.modelsHeading}>
            {racers.map((r) => (
              <li key={r.name}>{tagRacerLabel({ ...r, cell: CELL_INFO[r.cell].label })}</li>
            ))}
          </ul>
        )}
        <RaceCharts />
      </section>
      <TagSampleSection />
      <section aria-labelledby="tg-eq-h">
        <h2 id="tg-eq-h">{T.equationsHeading}</h2>
        {bidirectionalTex(CELL_INFO[cell].label).map((tex) => (
          <Equation key={tex} tex={tex} display />
        ))}
        <p className="tg-note">{T.equationsNote}</p>
        <p className="tg-note">
          <a href={T.stepHref}>{T.stepLink}</a>: both rows of states, the tag read off them, and
          these equations with its numbers.
        </p>
      </section>
    </div>
  );
}
