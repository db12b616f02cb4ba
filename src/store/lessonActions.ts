// The lesson's actions: each chapter's address (its view's settings, the chapter and the
// language), answering a chapter's question, and the learner's progress, kept in this browser's
// localStorage (validated when read back; a broken or missing record is an empty progress).
import * as v from 'valibot';
import { CHAPTER_IDS, chapterById, type ChapterId } from '../content/lesson/chapters';
import { boundWindow } from './engineAccess';
import type { LessonState } from './lesson';
import { appStore, patchSlice } from './store';
import { parseHash, serialiseHash } from './url';

export const LESSON_STORAGE_KEY = 'unrolled.lesson';

const chapterId = v.picklist(CHAPTER_IDS);
const StoredProgress = v.object({
  done: v.pipe(
    v.array(v.unknown()),
    v.transform((ids) => ids.filter((id): id is ChapterId => v.is(chapterId, id))),
  ),
  last: v.fallback(v.nullable(chapterId), null),
  offerDismissed: v.boolean(),
});

type Progress = Pick<LessonState, 'done' | 'last' | 'offerDismissed'>;

/** Reads the progress saved in this browser (once; later calls do nothing). */
export function loadLessonProgress(): void {
  if (appStore.getState().lesson.loaded || boundWindow() === null) return;
  patchSlice('lesson', { ...readProgress(), loaded: true });
}

function readProgress(): Progress | null {
  try {
    const raw = boundWindow()?.localStorage.getItem(LESSON_STORAGE_KEY);
    if (raw === null || raw === undefined) return null;
    const parsed = v.safeParse(StoredProgress, JSON.parse(raw));
    return parsed.success ? parsed.output : null;
  } catch {
    return null;
  }
}

function saveProgress(): void {
  const { done, last, offerDismissed } = appStore.getState().lesson;
  try {
    boundWindow()?.localStorage.setItem(
      LESSON_STORAGE_KEY,
      JSON.stringify({ done, last, offerDismissed }),
    );
  } catch {
    // Storage can be disabled or full: the progress then lasts for this visit only.
  }
}

/**
 * The address that opens a chapter: its view with the settings it names, the chapter, and the
 * language the learner chose (if any).
 */
export function chapterHref(id: ChapterId, lang: string | null): string {
  const spec = chapterById(id);
  const { route } = parseHash(`#/${spec?.opens ?? ''}`);
  const params = { ...route.params, ch: id, ...(lang === null ? {} : { lang }) };
  return serialiseHash({ view: route.view, params: params as typeof route.params });
}

/** Remembers the chapter the learner opened, for "Continue". */
export function noteChapterOpened(id: ChapterId): void {
  if (appStore.getState().lesson.last === id) return;
  patchSlice('lesson', { last: id });
  saveProgress();
}

/** Checks an answer to a chapter's question; a right one is remembered. */
export function answerChapter(id: ChapterId, option: number): boolean {
  const right = chapterById(id)?.answer === option;
  const { done } = appStore.getState().lesson;
  if (right && !done.includes(id)) {
    patchSlice('lesson', { done: [...done, id] });
    saveProgress();
  }
  return right;
}

/** Forgets every answer and where the learner was. */
export function forgetLessonProgress(): void {
  patchSlice('lesson', { done: [], last: null });
  saveProgress();
}

/** The learner turned down the offer of the lesson: it is not made again in this browser. */
export function dismissLessonOffer(): void {
  patchSlice('lesson', { offerDismissed: true });
  saveProgress();
}
