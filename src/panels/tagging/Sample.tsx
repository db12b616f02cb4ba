// The start of the validation text as each racer tags it, mistakes marked: the spaces put back
// (a missed word end and a space put where none belongs each have their own mark), or the future
// task's letters under the text they were read from. User-visible text is rendered as text. The
// text itself is data (English Shakespeare, or letters): marked so, it is not translated.
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../../content/format';
import { sampleSummary, tagRacerLabel } from '../../content/tagging';
import { CELL_INFO } from '../../engine/cell';
import { useAppStore } from '../../store/store';
import { futurePieces, spacesPieces, type Piece } from './segments';

/** Letters shown for the future task (its lines are single letters, not words). */
const FUTURE_SHOWN = 96;

function Pieces({ pieces }: { pieces: readonly Piece[] }) {
  const { t } = useTranslation();
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
        const title = t(`tagging.legend.${p.kind}`);
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
  const { t } = useTranslation();
  const race = useAppStore((s) => s.tagging.race);
  const { sample, settings } = race;
  const task = settings?.task ?? 'spaces';
  return (
    <section aria-labelledby="tg-sample-h">
      <h2 id="tg-sample-h">{t('tagging.sample.heading')}</h2>
      {sample === null ? (
        <p className="tg-note">{t('tagging.sample.none')}</p>
      ) : (
        <>
          <p className="tg-note">
            {t('tagging.sample.at', { step: formatCount(race.sampleStep) })}{' '}
            {task === 'spaces' ? (
              <>
                {t('tagging.sample.marked')} <mark className="tg-missed"> </mark>{' '}
                {t('tagging.legend.missed')}
                {t('tagging.sample.between')} <mark className="tg-extra"> </mark>{' '}
                {t('tagging.legend.extra')}
                {t('tagging.sample.end')}
              </>
            ) : (
              <>
                {t('tagging.sample.future')}{' '}
                <mark className="tg-wrong" translate="no">
                  x
                </mark>{' '}
                {t('tagging.legend.wrong')}
                {t('tagging.sample.grey')}
              </>
            )}
          </p>
          {task === 'future' && (
            <p className="tg-text tg-text--letters" data-testid="tag-read" translate="no">
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
                  {t('tagging.sample.caption', {
                    racer: tagRacerLabel(t, { ...r, cell: CELL_INFO[r.cell].label }),
                    summary: sampleSummary(t, task, counts),
                  })}
                </figcaption>
                {/* The text is data: Shakespeare in English, or letters. */}
                <p
                  className={task === 'spaces' ? 'tg-text' : 'tg-text tg-text--letters'}
                  translate="no"
                  {...(task === 'spaces' ? { lang: 'en' } : {})}
                >
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
