// The guided lesson's chapters, in the order the ideas build. A chapter is data: the view it opens
// (the app's own address, so the view shows exactly the model, text, step or preset the chapter
// talks about), the right answer to its question, and the minutes it takes. Its words are in
// `en.ts` and `zh-CN.ts` under the same id. docs/lesson.md explains how to reorder, shorten or add
// chapters.

export interface ChapterSpec {
  /** A short name, used in the address (`ch=unroll`) and as the key of the chapter's words. */
  readonly id: string;
  /** The view and its settings, as an address after `#/` without the language: `forward?t=3`. */
  readonly opens: string;
  /** The index of the right option among the question's options (0 is the first). */
  readonly answer: number;
  /** About how long a reader takes: reading, trying the view and answering. */
  readonly minutes: number;
}

export const CHAPTERS = [
  { id: 'step', opens: 'forward?model=rnn&text=hello&t=1', answer: 2, minutes: 3 },
  { id: 'unroll', opens: 'forward?model=lstm&text=recurrent&t=5', answer: 0, minutes: 4 },
  { id: 'loss', opens: 'forward?model=gru&text=the+cat+sat&t=3', answer: 1, minutes: 4 },
  { id: 'training', opens: 'train?corpus=shakespeare', answer: 2, minutes: 6 },
  { id: 'bptt', opens: 'forward?model=rnn&text=hello&t=4&pass=backward', answer: 1, minutes: 5 },
  { id: 'vanishing', opens: 'gradients?gp=scale&gs=0.8', answer: 0, minutes: 4 },
  { id: 'gates', opens: 'gradients?gp=carousel&gbf=4', answer: 1, minutes: 5 },
  { id: 'bidirectional', opens: 'tagging?ttask=future', answer: 1, minutes: 5 },
  { id: 'attention', opens: 'attention?atask=reverse&aatt=additive', answer: 1, minutes: 6 },
  { id: 'series', opens: 'series?series=seattle', answer: 1, minutes: 5 },
] as const satisfies readonly ChapterSpec[];

export type ChapterId = (typeof CHAPTERS)[number]['id'];

export const CHAPTER_IDS: readonly ChapterId[] = CHAPTERS.map((c) => c.id);

/** The chapter with this id, or undefined. */
export function chapterById(id: string): (typeof CHAPTERS)[number] | undefined {
  return CHAPTERS.find((c) => c.id === id);
}

/** The lesson's length in minutes. */
export const LESSON_MINUTES = CHAPTERS.reduce((sum, c) => sum + c.minutes, 0);
