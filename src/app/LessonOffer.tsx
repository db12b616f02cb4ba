// The offer of the guided lesson to a new visitor: shown until they start it or turn it down
// (both remembered in this browser).
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { CHAPTERS, LESSON_MINUTES } from '../content/lesson/chapters';
import { dismissLessonOffer, loadLessonProgress } from '../store/lessonActions';
import { useAppStore } from '../store/store';

export function LessonOffer() {
  const { t } = useTranslation();
  const lang = useAppStore((s) => s.locale.lang);
  const show = useAppStore(
    (s) =>
      !s.lesson.offerDismissed &&
      s.lesson.last === null &&
      s.lesson.done.length === 0 &&
      s.lesson.chapter === null &&
      s.ui.view !== 'lesson',
  );
  useEffect(loadLessonProgress, []);
  if (!show) return null;
  return (
    <section className="lesson-offer" aria-label={t('views.lesson.label')}>
      <p className="lesson-offer__long">
        {t('lesson.offer.text', { count: CHAPTERS.length, minutes: LESSON_MINUTES })}
      </p>
      <p className="lesson-offer__short">{t('lesson.offer.short', { minutes: LESSON_MINUTES })}</p>
      <p className="lesson-offer__actions">
        <a className="button-link" href={lang === null ? '#/lesson' : `#/lesson?lang=${lang}`}>
          {t('lesson.offer.start')}
        </a>
        <button type="button" onClick={dismissLessonOffer}>
          {t('lesson.offer.dismiss')}
        </button>
      </p>
    </section>
  );
}
