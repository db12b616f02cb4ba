// The `lesson` slice: the chapter shown above its view (`ch=unroll` in that view's address, not
// carried by links to other views), and the learner's progress, kept in this browser
// (lessonActions.ts reads and writes it).
import * as v from 'valibot';
import { CHAPTER_IDS, type ChapterId } from '../content/lesson/chapters';
import { urlSlice } from './urlSlice';

export interface LessonState {
  /** The chapter whose card sits above the view, or null. */
  chapter: ChapterId | null;
  /** The chapters whose question the learner has answered right, in the order answered. */
  done: readonly ChapterId[];
  /** The last chapter opened (where "Continue" goes). */
  last: ChapterId | null;
  /** Whether the learner turned down the offer of the lesson. */
  offerDismissed: boolean;
  /** Whether the progress saved in this browser has been read. */
  loaded: boolean;
}

export function initialLesson(): LessonState {
  return { chapter: null, done: [], last: null, offerDismissed: false, loaded: false };
}

const LESSON_PARAMS = {
  ch: v.optional(v.picklist(CHAPTER_IDS)),
} satisfies v.ObjectEntries;

type Params = { [K in keyof typeof LESSON_PARAMS]?: v.InferOutput<(typeof LESSON_PARAMS)[K]> };

export const LESSON_SLICE = urlSlice({
  initial: initialLesson,
  params: LESSON_PARAMS,
  fromParams: (p: Params): Partial<LessonState> => ({ chapter: p.ch ?? null }),
  toParams: (s: LessonState): Params => (s.chapter === null ? {} : { ch: s.chapter }),
});
