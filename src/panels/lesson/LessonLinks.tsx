// Under a view's heading: the lesson's chapters that use this view, so a learner who came
// straight to the view can find the story around it.
import { useTranslation } from 'react-i18next';
import { LESSON_TEXT } from '../../content/lesson';
import { chapterHref } from '../../store/lessonActions';
import { selectLocale } from '../../store/selectors';
import { useAppStore } from '../../store/store';
import { chaptersOfView } from './chapterViews';
import '../../styles/lesson.css';

export function LessonLinks({ view }: { view: string }) {
  const { t } = useTranslation();
  const locale = useAppStore(selectLocale);
  const lang = useAppStore((s) => s.locale.lang);
  const chapters = chaptersOfView(view);
  if (chapters.length === 0) return null;
  return (
    <p className="lesson-links">
      {t('lesson.inView')}{' '}
      {chapters.map(({ id, n }, k) => (
        <span key={id}>
          {k > 0 && ' · '}
          <a href={chapterHref(id, lang)}>
            {t('lesson.number', { n })} {LESSON_TEXT[locale][id].title}
          </a>
        </span>
      ))}
    </p>
  );
}
