// Which view each chapter opens (the path of its address), for the links from a view back to the
// chapters that use it.
import { CHAPTERS, type ChapterId } from '../../content/lesson';

/** The view a chapter's address opens: `forward?t=3` → `forward`. */
export function viewOfChapter(opens: string): string {
  const q = opens.indexOf('?');
  return q === -1 ? opens : opens.slice(0, q);
}

/** The chapters that open a view, with their numbers (1-based), in the lesson's order. */
export function chaptersOfView(view: string): { id: ChapterId; n: number }[] {
  return CHAPTERS.flatMap((c, k) =>
    viewOfChapter(c.opens) === view ? [{ id: c.id, n: k + 1 }] : [],
  );
}
