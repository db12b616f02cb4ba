// The views, declared once: their order in the navigation, and which slice of the store each
// one's address carries. The store's shape (`store.ts`), the address bar (`url.ts`) and applying
// an address (`actions.ts`) iterate these lists, so a new view is its slice file, its actions,
// one entry in each list here, its words in `src/content/i18n/` and its panel in
// `src/app/panels.ts`.
import { ATTENTION_SLICE } from './attention';
import { CONFIG_SLICE } from './config';
import { FORWARD_SLICE } from './forward';
import { LESSON_SLICE } from './lesson';
import { LOCALE_SLICE } from './locale';
import { GRADIENTS_SLICE } from './gradients';
import { SERIES_SLICE } from './series';
import { TAGGING_SLICE } from './tagging';
import { TEACH_SLICE } from './teach';
import type { UrlSlice } from './urlSlice';

/** The slices that live in the address bar, by their key in the store. */
export const URL_SLICES = {
  config: CONFIG_SLICE,
  forward: FORWARD_SLICE,
  gradients: GRADIENTS_SLICE,
  series: SERIES_SLICE,
  tagging: TAGGING_SLICE,
  attention: ATTENTION_SLICE,
  locale: LOCALE_SLICE,
  lesson: LESSON_SLICE,
  teach: TEACH_SLICE,
};

export type UrlSliceKey = keyof typeof URL_SLICES;

/** The state of each slice in the address bar. */
export type UrlSliceStates = {
  -readonly [K in UrlSliceKey]: (typeof URL_SLICES)[K] extends UrlSlice<infer S, infer _E>
    ? S
    : never;
};

/** The views in the navigation's order, each with the slice its address carries (or none). */
const VIEW_SLICES = {
  lesson: null,
  forward: 'forward',
  train: 'config',
  gradients: 'gradients',
  series: 'series',
  tagging: 'tagging',
  attention: 'attention',
  about: null,
} as const satisfies Record<string, UrlSliceKey | null>;

export type View = keyof typeof VIEW_SLICES;

export const VIEWS = Object.keys(VIEW_SLICES) as readonly View[];

export const DEFAULT_VIEW: View = 'forward';

/** The slice whose keys a view's address carries. */
export function sliceOfView(view: View): UrlSliceKey | null {
  return VIEW_SLICES[view];
}

/** The slices every view's address carries besides its own (the language). */
export const GLOBAL_SLICES: readonly UrlSliceKey[] = ['locale'];

/**
 * The slices the page's own address carries but links to other views do not: the lesson's chapter
 * shown above the view, and a teacher's embed and hidden controls.
 */
export const PAGE_SLICES: readonly UrlSliceKey[] = ['lesson', 'teach'];

/** Every slice key, for iterating (typed). */
export const URL_SLICE_KEYS = Object.keys(URL_SLICES) as readonly UrlSliceKey[];
