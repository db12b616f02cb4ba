// The lesson: its chapters (chapters.ts) and their words in each language.
import type { Locale } from '../i18n';
import { lessonEn } from './en';
import type { LessonText } from './text';
import { lessonZhCN } from './zh-CN';

export const LESSON_TEXT: Readonly<Record<Locale, LessonText>> = {
  en: lessonEn,
  'zh-CN': lessonZhCN,
};

export { CHAPTERS, CHAPTER_IDS, LESSON_MINUTES, chapterById, type ChapterId } from './chapters';
export type { ChapterSpec } from './chapters';
export type { ChapterText, LessonText } from './text';
