// What a slice of the store needs to live in the address bar: its initial state, its URL keys
// (valibot entries, merged into the one URL schema by `url.ts`) and the two ways between them.
// Each view's slice file declares one; `views.ts` lists them.
import type * as v from 'valibot';

/** The parsed values of a slice's URL keys; every key is optional. */
export type ParamsOf<E extends v.ObjectEntries> = { [K in keyof E]?: v.InferOutput<E[K]> };

export interface UrlSlice<S, E extends v.ObjectEntries> {
  /** The slice's state before any address is read. */
  readonly initial: () => S;
  /** Its URL keys. All views share one namespace, so names must differ across slices. */
  readonly params: E;
  /** The part of the slice an address describes (defaults for the keys it leaves out). */
  readonly fromParams: (params: ParamsOf<E>) => Partial<S>;
  /** The URL keys for the slice: only what a link needs to reproduce it. */
  readonly toParams: (state: S) => ParamsOf<E>;
}

/** Declares a slice's URL binding (the identity, for type inference). */
export function urlSlice<S, E extends v.ObjectEntries>(slice: UrlSlice<S, E>): UrlSlice<S, E> {
  return slice;
}
