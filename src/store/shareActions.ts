// Links a teacher can send: the page's whole state is in its address (the view's settings, the
// language, the lesson's chapter, the hidden controls), so a link is the address; an embed link
// adds `embed=1`, and an embedded page links back to the full app without it.
import { boundWindow, writeAddress } from './engineAccess';
import type { TeachState } from './teach';
import { appStore, patchSlice } from './store';
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

/** Hides these controls of the view (a teacher's choice, kept in the page's address). */
export function setHiddenControls(names: readonly string[]): void {
  const valid = names.filter((n) => /^[a-z][a-z0-9-]{0,23}$/.test(n));
  patchSlice('teach', { hide: [...new Set(valid)].slice(0, 24) });
  writeAddress();
}
