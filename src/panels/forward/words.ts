// The view's words: react-i18next's `t` (named `tr` here, since `t` is the timestep throughout
// the view) and the language in effect, for the content's functions that write words
// (nameChar, the equations' labels) and for the numbers' formats.
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../content/i18n';

export type Tr = TFunction;

export function useWords(): { tr: Tr; locale: Locale } {
  const { t, i18n } = useTranslation();
  return { tr: t, locale: i18n.language === 'zh-CN' ? 'zh-CN' : 'en' };
}

/** Where a heading or caption is: “step 3, layer 2, backward”. */
export function whereText(
  tr: Tr,
  at: { t: number; layer: number; L: number; directions: number; direction: number },
  long = false,
): string {
  const { t, layer, L, directions, direction } = at;
  let out = tr('forward.where.step', { t: t + 1 });
  if (L > 1) out += tr('forward.where.layer', { layer: layer + 1 });
  if (directions === 2)
    out += long
      ? tr(direction === 1 ? 'forward.where.backwardDirection' : 'forward.where.forwardDirection')
      : tr(direction === 1 ? 'forward.where.backward' : 'forward.where.forward');
  return out;
}
