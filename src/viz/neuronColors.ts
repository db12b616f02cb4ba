// The colours of the neuron text: a diverging background per activation (blue −1, red +1) whose
// zero suits the theme (near white in the light theme, near the page's navy-black in the dark),
// and the text colour, black or white, whichever contrasts more with it (WCAG 2 relative
// luminance; the better of the two is always at least 4.58:1). Pure: no DOM.
import { interpolateLab } from 'd3-interpolate';
import { interpolateRdBu } from 'd3-scale-chromatic';
import { weightColor } from './WeightsHeatmap';

export type ThemeName = 'light' | 'dark';

/** The dark theme's zero: a shade above the page (--bg #121419) so the text still reads as text. */
const DARK_ZERO = '#1f232c';
/** The dark theme's ends: RdBu short of its darkest, so a saturated unit stands out on the page. */
const DARK_NEGATIVE = interpolateLab(DARK_ZERO, interpolateRdBu(0.85));
const DARK_POSITIVE = interpolateLab(DARK_ZERO, interpolateRdBu(0.15));
const BLACK = '#000000';
const WHITE = '#ffffff';

/** [r, g, b] in 0…255 of "#rrggbb" or "rgb(r, g, b)" (black if neither). */
function rgbOf(color: string): [number, number, number] {
  const hex = /^#([0-9a-f]{6})$/i.exec(color.trim());
  if (hex) {
    const n = parseInt(hex[1]!, 16);
    return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  }
  const m = /(\d+(?:\.\d+)?),\s*(\d+(?:\.\d+)?),\s*(\d+(?:\.\d+)?)/.exec(color);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [0, 0, 0];
}

/** WCAG 2 relative luminance of a colour, 0 (black) … 1 (white). */
export function relativeLuminance(color: string): number {
  const [r, g, b] = rgbOf(color).map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio of two colours, 1 … 21. */
export function contrastRatio(a: string, b: string): number {
  const la = relativeLuminance(a);
  const lb = relativeLuminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** Black or white, whichever contrasts more with the background. */
export function textColorOn(background: string): string {
  return contrastRatio(BLACK, background) >= contrastRatio(WHITE, background) ? BLACK : WHITE;
}

/** Background and text colour of a character whose unit reads v (clamped to ±1). */
export function neuronColors(v: number, theme: ThemeName): { background: string; color: string } {
  const t = Number.isNaN(v) ? 0 : Math.max(-1, Math.min(1, v));
  const background =
    theme === 'light' ? weightColor(t, 1) : t < 0 ? DARK_NEGATIVE(-t) : DARK_POSITIVE(t);
  return { background, color: textColorOn(background) };
}
