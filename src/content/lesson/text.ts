// The shape of a chapter's words, the same in every language.
import type { ChapterId } from './chapters';

export interface ChapterText {
  readonly title: string;
  /** A few short paragraphs, as plain text (rendered as text, never as markup). */
  readonly body: readonly string[];
  /** One thing to try in the view. */
  readonly try: string;
  /** A question the learner answers by using the view. */
  readonly question: string;
  /** Its options; `answer` in chapters.ts is the index of the right one. */
  readonly options: readonly string[];
  /** Shown after a wrong answer: where in the view to look. */
  readonly hint: string;
  /** Shown after the right answer: why it is right. */
  readonly why: string;
}

export type LessonText = Readonly<Record<ChapterId, ChapterText>>;
