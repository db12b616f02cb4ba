// Loads KaTeX and its stylesheet on first use, as their own chunk, so they never weigh on the
// first page load. The fonts the stylesheet names are bundled by Vite and served from our origin.
import type { KatexOptions } from 'katex';

export type RenderToString = (tex: string, options?: KatexOptions) => string;

// One load per page: every <Equation> waits on the same promise, and once it has settled its
// result is read synchronously so later equations render without suspending.
let loading: Promise<RenderToString | null> | null = null;
let loaded: RenderToString | null | undefined;

/** Resolves to KaTeX's `renderToString`, or to null if the chunk could not be loaded. */
export function loadKatex(): Promise<RenderToString | null> {
  if (loading === null) {
    const promise = Promise.all([import('katex'), import('katex/dist/katex.min.css')]).then(
      ([katex]) => (loaded = katex.default.renderToString),
      (error: unknown) => {
        // Kept as null (not retried): a fresh promise per render would suspend for ever.
        console.error('KaTeX failed to load', error);
        return (loaded = null);
      },
    );
    // Mark the promise settled the way React's `use` reads it, so equations that render after
    // the load unwrap it synchronously instead of suspending once more.
    void promise.then((value) => Object.assign(promise, { status: 'fulfilled', value }));
    loading = promise;
  }
  return loading;
}

/** KaTeX's `renderToString` if loading has finished (null if it failed), else undefined. */
export function loadedKatex(): RenderToString | null | undefined {
  return loaded;
}
