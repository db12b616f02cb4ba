// The start of the validation text as each racer tags it, mistakes marked: the spaces put back
// (a missed word end and a space put where none belongs each have their own mark), or the future
// task's letters under the text they were read from. User-visible text is rendered as text.
import { Fragment } from 'react';
import {
  SAMPLE_LEGEND,
  TAGGING_TEXT as T,
  sampleSummary,
  tagRacerLabel,
} from '../../content/tagging';
import { CELL_INFO } from '../../engine/cell';
import { useAppStore } from '../../store/store';
import { futurePieces, spacesPieces, type Piece } from './segments';

/** Letters shown for the future task (its lines are single letters, not words). */
const FUTURE_SHOWN = 96;

function Pieces({ pieces }: { pieces: readonly Piece[] }) {
  return (
    <>
      {pieces.map((p, i) => {
        if (p.kind === 'text' || p.kind === 'space' || p.kind === 'right')
          return <Fragment key={i}>{p.text}</Fragment>;
        if (p.kind === 'unscored')
          return (
            <span key={i} className="tg-unscored">
              {p.text}
            </span>
          );
        const title = SAMPLE_LEGEND[p.kind];
        return (
          // The title names the mark on hover; the line above the text counts the mistakes for
          // everyone (a mark may not carry an aria-label).
          <mark key={i} className={`tg-${p.kind}`} title={title}>
            {p.text}
          </mark>
        );
      })}
    </>
  );
}

export function TagSampleSection() {
  const race = useAppStore((s) => s.tagging.race);
  const { sample, settings } = race;
  const task = settings?.task ?? 'spaces';
  return (
    <section aria-labelledby="tg-sample-h">
      <h2 id="tg-sample-h">{T.sampleHeading}</h2>
      {sample === null ? (
        <p className="tg-note">{T.noSample}</p>
      ) : (
        <>
          <p className="tg-note">
            At step {race.sampleStep.toLocaleString('en-US')}.{' '}
            {task === 'spaces' ? (
              <>
                Marked: <mark className="tg-missed"> </mark> {SAMPLE_LEGEND.missed};{' '}
                <mark className="tg-extra"> </mark> {SAMPLE_LEGEND.extra}.
              </>
            ) : (
              <>
                The first line is what both models read; under it, each model’s tags.{' '}
                <mark className="tg-wrong">x</mark> {SAMPLE_LEGEND.wrong}; grey: no answer inside
                the window, not scored.
              </>
            )}
          </p>
          {task === 'future' && (
            <p className="tg-text tg-text--letters" data-testid="tag-read">
              {sample.chars.slice(0, FUTURE_SHOWN).join('')}
            </p>
          )}
          {race.racers.map((r, k) => {
            const { pieces, counts } =
              task === 'spaces'
                ? spacesPieces(sample, k)
                : futurePieces(sample, k, race.classes, FUTURE_SHOWN);
            return (
              <figure key={r.name} className="tg-sample" data-testid={`tag-sample-${r.name}`}>
                <figcaption>
                  {tagRacerLabel({ ...r, cell: CELL_INFO[r.cell].label })}:{' '}
                  {sampleSummary(task, counts)}
                </figcaption>
                <p className={task === 'spaces' ? 'tg-text' : 'tg-text tg-text--letters'}>
                  <Pieces pieces={pieces} />
                </p>
              </figure>
            );
          })}
        </>
      )}
    </section>
  );
}
