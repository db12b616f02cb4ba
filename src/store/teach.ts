// The `teach` slice: how a teacher's link shows a view. `embed=1` leaves out the header and
// footer (for an iframe in a course page or a slide); `hide=cell,hidden` hides those controls of
// the view (each view names its controls, see `panels/shared/Hideable.tsx`). Both belong to the
// page's own address and are not carried by links to other views.
import * as v from 'valibot';
import { urlSlice } from './urlSlice';

export interface TeachState {
  embed: boolean;
  /** The names of the controls to hide. */
  hide: readonly string[];
}

export function initialTeach(): TeachState {
  return { embed: false, hide: [] };
}

/** A control's name: lower-case letters, digits and hyphens. */
const NAME = '[a-z][a-z0-9-]{0,23}';
const MAX_HIDDEN = 24;

const TEACH_PARAMS = {
  embed: v.optional(v.picklist(['1'])),
  hide: v.optional(
    v.pipe(
      v.string(),
      v.regex(new RegExp(`^${NAME}(,${NAME}){0,${MAX_HIDDEN - 1}}$`)),
      v.transform((s) => [...new Set(s.split(','))]),
    ),
  ),
} satisfies v.ObjectEntries;

type Params = { [K in keyof typeof TEACH_PARAMS]?: v.InferOutput<(typeof TEACH_PARAMS)[K]> };

export const TEACH_SLICE = urlSlice({
  initial: initialTeach,
  params: TEACH_PARAMS,
  fromParams: (p: Params): Partial<TeachState> => ({
    embed: p.embed === '1',
    hide: p.hide ?? [],
  }),
  toParams: (s: TeachState): Params => ({
    ...(s.embed ? { embed: '1' as const } : {}),
    ...(s.hide.length > 0 ? { hide: [...s.hide] } : {}),
  }),
});
