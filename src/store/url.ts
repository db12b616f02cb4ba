// The address of a view: `#/view?key=value&...`. Parsing never fails: anything it cannot use
// falls back (to the default view, or by dropping the key) and is listed in `problems` so the
// app can say what it ignored. Add a URL key by adding it to `paramsSchema` and `PARAM_KEYS`.
import * as v from 'valibot';
import { CONFIG_PARAMS, paramsFromConfig } from './config';
import { FORWARD_PARAMS, paramsFromForward } from './forward';
import { GRADIENTS_PARAMS, paramsFromGradients } from './gradients';
import type { AppState } from './store';
import { DEFAULT_VIEW, VIEWS, type View } from './ui';

/** Longer hashes are not parsed at all. */
export const MAX_HASH_LENGTH = 2000;

const viewSchema = v.picklist(VIEWS);

// Each view owns its keys (in its slice file); they share one namespace, so names must differ.
const paramsSchema = v.object({ ...CONFIG_PARAMS, ...FORWARD_PARAMS, ...GRADIENTS_PARAMS });

export type UrlParams = v.InferOutput<typeof paramsSchema>;
type ParamKey = keyof UrlParams & string;

/** The order keys are written in. */
const PARAM_KEYS = Object.keys(paramsSchema.entries) as readonly ParamKey[];

export interface Route {
  view: View;
  params: UrlParams;
}

export interface ParsedHash {
  route: Route;
  /** Human-readable notes on what was ignored; empty when the hash was fine. */
  problems: string[];
}

export function parseHash(hash: string): ParsedHash {
  const fallback = (problem: string): ParsedHash => ({
    route: { view: DEFAULT_VIEW, params: {} },
    problems: [problem],
  });
  if (hash.length > MAX_HASH_LENGTH) return fallback('The address was too long to read.');

  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  if (body === '' || body === '/')
    return { route: { view: DEFAULT_VIEW, params: {} }, problems: [] };
  if (!body.startsWith('/')) return fallback(`“${clip(body)}” is not a page of Unrolled.`);

  const queryStart = body.indexOf('?');
  const path = queryStart === -1 ? body.slice(1) : body.slice(1, queryStart);
  const query = queryStart === -1 ? '' : body.slice(queryStart + 1);

  const view = v.safeParse(viewSchema, path.replace(/\/$/, ''));
  if (!view.success) return fallback(`“${clip(path)}” is not a page of Unrolled.`);

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
export function hrefFor(
  view: View,
  state: Pick<AppState, 'config' | 'forward' | 'gradients'>,
): string {
  return serialiseHash({ view, params: paramsForView(view, state) });
}

function paramsForView(
  view: View,
  state: Pick<AppState, 'config' | 'forward' | 'gradients'>,
): UrlParams {
  switch (view) {
    case 'forward':
      return paramsFromForward(state.forward);
    case 'train':
      return paramsFromConfig(state.config);
    case 'gradients':
      return paramsFromGradients(state.gradients);
    case 'about':
      return {};
  }
}

function parseParams(query: string): { params: UrlParams; problems: string[] } {
  const problems: string[] = [];
  const raw: Record<string, string> = {};
  // URLSearchParams never throws, even on malformed percent-escapes.
  for (const [key, value] of new URLSearchParams(query)) {
    if (isParamKey(key)) raw[key] = value;
    else problems.push(`Ignored the unknown setting “${clip(key)}”.`);
  }

  const first = v.safeParse(paramsSchema, raw);
  if (first.success) return { params: first.output, problems };

  // Drop each key that failed and keep the rest.
  for (const issue of first.issues) {
    const key = issue.path?.[0]?.key;
    if (typeof key === 'string' && key in raw) {
      problems.push(`Ignored ${clip(key)}=“${clip(raw[key] ?? '')}”, which is not a valid value.`);
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
