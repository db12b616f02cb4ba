// The address of a view: `#/view?key=value&...`. Parsing never fails: anything it cannot use
// falls back (to the default view, or by dropping the key) and is listed in `problems` so the
// app can say what it ignored (as messages, written in a language by `parseHash` or
// `problemsText`). A URL key belongs to a slice (its `params`, see `views.ts`).
import * as v from 'valibot';
import type { Locale } from '../content/i18n';
import { translate, type MessageKey, type MessageVars } from './messages';
import type { AppState } from './store';
import type { ParamsOf } from './urlSlice';
import {
  DEFAULT_VIEW,
  GLOBAL_SLICES,
  PAGE_SLICES,
  sliceOfView,
  URL_SLICE_KEYS,
  URL_SLICES,
  VIEWS,
  type UrlSliceKey,
  type View,
} from './views';

/** Longer hashes are not parsed at all. */
export const MAX_HASH_LENGTH = 2000;

const viewSchema = v.picklist(VIEWS);

type Slices = typeof URL_SLICES;
type EntriesOf<K extends UrlSliceKey> = Slices[K]['params'];
type Intersect<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void
  ? I
  : never;
type AllEntries = Intersect<EntriesOf<UrlSliceKey>>;

// Each view owns its keys (in its slice file); they share one namespace, so names must differ.
const allEntries = Object.assign(
  {},
  ...URL_SLICE_KEYS.map((key) => URL_SLICES[key].params),
) as AllEntries;
const paramsSchema = v.object(allEntries);

export type UrlParams = ParamsOf<AllEntries>;
type ParamKey = keyof UrlParams & string;

/** The order keys are written in. */
const PARAM_KEYS = Object.keys(allEntries) as readonly ParamKey[];

export interface Route {
  view: View;
  params: UrlParams;
}

export interface ParsedHash {
  route: Route;
  /** Human-readable notes on what was ignored; empty when the hash was fine. */
  problems: string[];
}

/** A note on what an address could not use: a message of `notices.address` and its values. */
export interface Problem {
  key: MessageKey;
  vars?: MessageVars;
}

/** The route a hash names, with notes on what was ignored written in `locale` (default: en). */
export function parseHash(hash: string, locale: Locale = 'en'): ParsedHash {
  const { route, problems } = readHash(hash);
  return { route, problems: problems.map((p) => translate(locale, p.key, p.vars)) };
}

/** The notes on an address as one line of the notice, in `locale` (Chinese needs no spaces). */
export function problemsText(problems: readonly Problem[], locale: Locale): string {
  return problems
    .map((p) => translate(locale, p.key, p.vars))
    .join(locale.startsWith('zh') ? '' : ' ');
}

/** The route a hash names, with notes (as messages) on what was ignored. */
export function readHash(hash: string): { route: Route; problems: Problem[] } {
  const fallback = (problem: Problem) => ({
    route: { view: DEFAULT_VIEW, params: {} },
    problems: [problem],
  });
  if (hash.length > MAX_HASH_LENGTH) return fallback({ key: 'notices.address.tooLong' });

  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  if (body === '' || body === '/')
    return { route: { view: DEFAULT_VIEW, params: {} }, problems: [] };
  if (!body.startsWith('/'))
    return fallback({ key: 'notices.address.notAPage', vars: { page: clip(body) } });

  const queryStart = body.indexOf('?');
  const path = queryStart === -1 ? body.slice(1) : body.slice(1, queryStart);
  const query = queryStart === -1 ? '' : body.slice(queryStart + 1);

  const view = v.safeParse(viewSchema, path.replace(/\/$/, ''));
  if (!view.success)
    return fallback({ key: 'notices.address.notAPage', vars: { page: clip(path) } });

  const { params, problems } = parseParams(query);
  return { route: { view: view.output, params }, problems };
}

/** Writes a route as a hash, e.g. `#/train?cell=gru&seed=7`. */
export function serialiseHash(route: Route): string {
  const query = new URLSearchParams();
  for (const key of PARAM_KEYS) {
    const value = route.params[key];
    if (value !== undefined) query.set(key, String(value));
  }
  const search = query.toString();
  return `#/${route.view}${search === '' ? '' : `?${search}`}`;
}

/** The href of a view's link, carrying that view's current settings. */
export function hrefFor(view: View, state: Pick<AppState, UrlSliceKey>): string {
  return serialiseHash({ view, params: paramsForView(view, state) });
}

/** The address of the page showing now: its view's settings, the language, and the page's own
 * keys (the lesson's chapter, a teacher's embed and hidden controls). */
export function addressFor(state: Pick<AppState, UrlSliceKey | 'ui'>): string {
  const params = paramsForView(state.ui.view, state);
  Object.assign(params, ...PAGE_SLICES.map((p) => paramsOfSlice(p, state)));
  return serialiseHash({ view: state.ui.view, params });
}

function paramsForView(view: View, state: Pick<AppState, UrlSliceKey>): UrlParams {
  const key = sliceOfView(view);
  const own = key === null ? {} : paramsOfSlice(key, state);
  return Object.assign(own, ...GLOBAL_SLICES.map((g) => paramsOfSlice(g, state))) as UrlParams;
}

function paramsOfSlice<K extends UrlSliceKey>(key: K, state: Pick<AppState, UrlSliceKey>) {
  const slice = URL_SLICES[key] as unknown as {
    toParams: (s: Pick<AppState, UrlSliceKey>[K]) => UrlParams;
  };
  return slice.toParams(state[key]);
}

/** What each slice's part of an address is (for applying a parsed address to the store). */
export function slicesFromParams(params: UrlParams): { [K in UrlSliceKey]: Partial<AppState[K]> } {
  const out: Partial<Record<UrlSliceKey, unknown>> = {};
  for (const key of URL_SLICE_KEYS) {
    const slice = URL_SLICES[key] as unknown as { fromParams: (p: UrlParams) => unknown };
    out[key] = slice.fromParams(params);
  }
  return out as { [K in UrlSliceKey]: Partial<AppState[K]> };
}

function parseParams(query: string): { params: UrlParams; problems: Problem[] } {
  const problems: Problem[] = [];
  const raw: Record<string, string> = {};
  // URLSearchParams never throws, even on malformed percent-escapes.
  for (const [key, value] of new URLSearchParams(query)) {
    if (isParamKey(key)) raw[key] = value;
    else problems.push({ key: 'notices.address.unknownSetting', vars: { key: clip(key) } });
  }

  const first = v.safeParse(paramsSchema, raw);
  if (first.success) return { params: first.output, problems };

  // Drop each key that failed and keep the rest.
  for (const issue of first.issues) {
    const key = issue.path?.[0]?.key;
    if (typeof key === 'string' && key in raw) {
      problems.push({
        key: 'notices.address.badValue',
        vars: { key: clip(key), value: clip(raw[key] ?? '') },
      });
      delete raw[key];
    }
  }
  const second = v.safeParse(paramsSchema, raw);
  return { params: second.success ? second.output : {}, problems };
}

function isParamKey(key: string): key is ParamKey {
  return (PARAM_KEYS as readonly string[]).includes(key);
}

/** Shortens untrusted text before it is shown to the user. */
function clip(text: string, max = 32): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
