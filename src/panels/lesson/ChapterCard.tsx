// A lesson chapter above the view it opens: its text, one thing to try, its question (checked,
// with a hint after a wrong answer), and links to the chapters before and after it, to all the
// chapters and out of the lesson. The chapter's words are data (src/content/lesson), rendered as
// text.
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CHAPTERS, LESSON_TEXT, type ChapterId } from '../../content/lesson';
import {
  answerChapter,
  chapterHref,
  loadLessonProgress,
  noteChapterOpened,
} from '../../store/lessonActions';
import { selectLocale } from '../../store/selectors';
import { useAppStore } from '../../store/store';
import { hrefFor } from '../../store/url';
import '../../styles/lesson.css';

export function ChapterCard({ id }: { id: ChapterId }) {
  const { t } = useTranslation();
  const locale = useAppStore(selectLocale);
  const lang = useAppStore((s) => s.locale.lang);
  const answered = useAppStore((s) => s.lesson.done.includes(id));
  const leave = useAppStore((s) => hrefFor(s.ui.view, s));
  const headingId = useId();
  const n = CHAPTERS.findIndex((c) => c.id === id);
  const text = LESSON_TEXT[locale][id];
  const previous = CHAPTERS[n - 1];
  const next = CHAPTERS[n + 1];

  useEffect(() => {
    loadLessonProgress();
    noteChapterOpened(id);
  }, [id]);

  return (
    <aside className="lesson-card" aria-labelledby={headingId} data-chapter={id}>
      <p className="lesson-card__where">
        <span>{t('lesson.card.label', { n: n + 1, total: CHAPTERS.length })}</span>
        <a href={lang === null ? '#/lesson' : `#/lesson?lang=${lang}`}>
          {t('lesson.card.contents')}
        </a>
        <a href={leave}>{t('lesson.card.leave')}</a>
      </p>
      <h2 id={headingId}>{text.title}</h2>
      <details className="lesson-card__text" open>
        <summary>{t('lesson.card.text')}</summary>
        {text.body.map((p, k) => (
          <p key={k}>{p}</p>
        ))}
      </details>
      <p className="lesson-card__try">
        <strong>{t('lesson.card.try')}: </strong>
        {text.try}
      </p>
      <Question key={id} id={id} answered={answered} />
      <nav className="lesson-card__pages" aria-label={t('lesson.chapters')}>
        {previous !== undefined ? (
          <a href={chapterHref(previous.id, lang)} rel="prev">
            {t('lesson.card.previous', { n })}
          </a>
        ) : (
          <span />
        )}
        {next !== undefined ? (
          <a href={chapterHref(next.id, lang)} rel="next">
            {t('lesson.card.next', { n: n + 2 })}
          </a>
        ) : (
          <span>{t('lesson.card.last')}</span>
        )}
      </nav>
    </aside>
  );
}

type Feedback = 'right' | 'wrong' | 'pick' | null;

function Question({ id, answered }: { id: ChapterId; answered: boolean }) {
  const { t } = useTranslation();
  const locale = useAppStore(selectLocale);
  const text = LESSON_TEXT[locale][id];
  const [choice, setChoice] = useState<number | null>(null);
  const [feedback, setFeedback] = useState<Feedback>(null);
  const name = useId();

  const check = (event: FormEvent) => {
    event.preventDefault();
    if (choice === null) setFeedback('pick');
    else setFeedback(answerChapter(id, choice) ? 'right' : 'wrong');
  };

  return (
    <form className="lesson-card__question" onSubmit={check}>
      <fieldset>
        <legend>
          <strong>{t('lesson.card.question')}: </strong>
          {text.question}
        </legend>
        {text.options.map((option, k) => (
          <label key={k}>
            <input
              type="radio"
              name={name}
              value={k}
              checked={choice === k}
              onChange={() => {
                setChoice(k);
                setFeedback(null);
              }}
            />{' '}
            {option}
          </label>
        ))}
      </fieldset>
      <button type="submit">{t('lesson.card.check')}</button>
      <p
        className={`lesson-card__feedback lesson-card__feedback--${feedback ?? 'none'}`}
        role="status"
      >
        {feedback === 'right' && (
          <>
            <strong>{t('lesson.card.right')}</strong> {text.why}
          </>
        )}
        {feedback === 'wrong' && t('lesson.card.wrong', { hint: text.hint })}
        {feedback === 'pick' && t('lesson.card.pick')}
        {feedback === null && answered && t('lesson.card.answered')}
      </p>
    </form>
  );
}
