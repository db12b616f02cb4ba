// Links a teacher can send: the page's whole state is in its address (the view's settings, the
// language, the lesson's chapter, the hidden controls), so a link is the address; an embed link
// adds `embed=1`, and an embedded page links back to the full app without it.
import { boundWindow } from './engineAccess';
import type { TeachState } from './teach';
import { appStore } from './store';
import { addressFor } from './url';

/** The full link to the page as it is now, with the teacher's choices changed as given. */
export function shareLink(teach: Partial<TeachState> = {}): string {
  const state = appStore.getState();
  const hash = addressFor({ ...state, teach: { ...state.teach, ...teach } });
  const win = boundWindow();
  if (win === null) return hash;
  const { origin, pathname, search } = win.location;
  return `${origin}${pathname}${search}${hash}`;
}

/** Copies a link to the clipboard; false when the browser refuses (the caller shows the link). */
export async function copyToClipboard(text: string): Promise<boolean> {
  const clipboard = boundWindow()?.navigator.clipboard;
  if (clipboard === undefined) return false;
  try {
    await clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
