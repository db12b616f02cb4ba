// The guided lesson's contents (`#/lesson`): what it is, the learner's progress, and every
// chapter with its length and whether its question is answered. Each chapter opens its view.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CHAPTERS, LESSON_MINUTES, LESSON_TEXT, chapterById } from '../content/lesson';
import { chapterHref, forgetLessonProgress, loadLessonProgress } from '../store/lessonActions';
import { selectLocale } from '../store/selectors';
import { useAppStore } from '../store/store';
import '../styles/lesson.css';

export function LessonPanel() {
  const { t } = useTranslation();
  const locale = useAppStore(selectLocale);
  const lang = useAppStore((s) => s.locale.lang);
  const done = useAppStore((s) => s.lesson.done);
  const last = useAppStore((s) => s.lesson.last);
  const [forgotten, setForgotten] = useState(false);
  useEffect(loadLessonProgress, []);

  const text = LESSON_TEXT[locale];
  const resume = last !== null ? chapterById(last) : undefined;
  const resumeN = resume === undefined ? 0 : CHAPTERS.indexOf(resume);
  const all = done.length === CHAPTERS.length;
  return (
    <div className="prose lesson">
      <p>{t('lesson.intro', { count: CHAPTERS.length, minutes: LESSON_MINUTES })}</p>
      <p className="lesson__start">
        {resume === undefined ? (
          <a className="button-link" href={chapterHref(CHAPTERS[0].id, lang)}>
            {t('lesson.start')}
          </a>
        ) : (
          <a className="button-link" href={chapterHref(resume.id, lang)}>
            {t('lesson.continue', { n: resumeN + 1, title: text[resume.id].title })}
          </a>
        )}
      </p>
      <p role="status">
        {all
          ? t('lesson.complete')
          : t('lesson.progress', { done: done.length, total: CHAPTERS.length })}
        {forgotten && ` ${t('lesson.forgotten')}`}
      </p>
      <h2>{t('lesson.chapters')}</h2>
      <ol className="lesson__chapters">
        {CHAPTERS.map((c) => (
          <li key={c.id} data-chapter={c.id}>
            <a href={chapterHref(c.id, lang)}>{text[c.id].title}</a>{' '}
            <span className="lesson__meta">
              {t('lesson.minutes', { count: c.minutes })}
              {done.includes(c.id) && (
                <>
                  {' · '}
                  <span className="lesson__done">✓ {t('lesson.done')}</span>
                </>
              )}
            </span>
            <br />
            <span className="lesson__question">{text[c.id].question}</span>
          </li>
        ))}
      </ol>
      {(done.length > 0 || last !== null) && (
        <button
          type="button"
          onClick={() => {
            forgetLessonProgress();
            setForgotten(true);
          }}
        >
          {t('lesson.forget')}
        </button>
      )}
    </div>
  );
}
