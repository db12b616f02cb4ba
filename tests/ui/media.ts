// A controllable `window.matchMedia` for jsdom, which has none. Tests flip a preference with
// `setMediaPreference` and every list for that query fires `change`.

const state = new Map<string, boolean>();
const lists = new Set<FakeMediaQueryList>();

class FakeMediaQueryList extends EventTarget implements MediaQueryList {
  onchange: ((this: MediaQueryList, event: MediaQueryListEvent) => unknown) | null = null;

  constructor(readonly media: string) {
    super();
  }

  get matches(): boolean {
    return state.get(this.media) ?? false;
  }

  addListener(listener: ((event: MediaQueryListEvent) => void) | null): void {
    if (listener !== null) this.addEventListener('change', listener as EventListener);
  }

  removeListener(listener: ((event: MediaQueryListEvent) => void) | null): void {
    if (listener !== null) this.removeEventListener('change', listener as EventListener);
  }
}

export function installMatchMedia(): void {
  window.matchMedia = (query: string): MediaQueryList => {
    const list = new FakeMediaQueryList(query);
    lists.add(list);
    return list;
  };
}

export function setMediaPreference(query: string, matches: boolean): void {
  state.set(query, matches);
  for (const list of lists) {
    if (list.media === query) list.dispatchEvent(new Event('change'));
  }
}

export function resetMedia(): void {
  state.clear();
  lists.clear();
}

export const DARK = '(prefers-color-scheme: dark)';
export const REDUCED_MOTION = '(prefers-reduced-motion: reduce)';
