// The Gradient flow view's colours (src/styles/gradients.css): every meaning has its own colour,
// clearly apart from every other (CIE76 ΔE in Lab), and each reads on the page (WCAG 2 contrast
// on --bg and --surface) in the light and the dark theme.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contrastRatio } from '../../src/viz/neuronColors';

const styles = resolve(import.meta.dirname, '../../src/styles');
const css = readFileSync(resolve(styles, 'gradients.css'), 'utf8');
const themeCss = readFileSync(resolve(styles, 'theme.css'), 'utf8');

/** The body of the first rule whose selector is exactly `selector`. */
function ruleBody(source: string, selector: string): string {
  const at = source.indexOf(`${selector} {`);
  expect(at, selector).toBeGreaterThanOrEqual(0);
  const open = source.indexOf('{', at);
  return source.slice(open + 1, source.indexOf('}', open));
}

/** The custom properties `--prefix…: #rrggbb` declared in a rule body. */
function colors(body: string, prefix: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of body.matchAll(new RegExp(`--${prefix}([a-z-]*):\\s*(#[0-9a-f]{6})`, 'gi')))
    out[m[1]!] = m[2]!.toLowerCase();
  return out;
}

/** CIE Lab (D65) of "#rrggbb". */
function lab(hex: string): [number, number, number] {
  const n = parseInt(hex.slice(1), 16);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t) / 116 + 16 / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

function deltaE(a: string, b: string): number {
  const [l1, a1, b1] = lab(a);
  const [l2, a2, b2] = lab(b);
  return Math.hypot(l1 - l2, a1 - a2, b1 - b2);
}

const themes = {
  light: {
    gf: colors(ruleBody(css, '.gf'), 'gf-'),
    page: colors(ruleBody(themeCss, ':root'), ''),
  },
  dark: {
    gf: colors(ruleBody(css, ":root[data-theme='dark'] .gf"), 'gf-'),
    page: colors(ruleBody(themeCss, ":root[data-theme='dark']"), ''),
  },
};

/** The colour a rule's `property` resolves to in a theme (through its var(--gf-…)). */
function resolved(selector: string, property: 'stroke' | 'fill', theme: 'light' | 'dark') {
  const m = new RegExp(`${property}:\\s*var\\(--gf-([a-z-]+)\\)`).exec(ruleBody(css, selector));
  expect(m, `${selector} ${property}`).not.toBeNull();
  return themes[theme].gf[m![1]!];
}

/** The RNN's curve is the main curve (the same quantity of the same cell), so they share one. */
const SAME_MEANING = new Set(['main|rnn']);

describe('Gradient flow colours', () => {
  it('declares the same colours for the dark theme chosen and the dark theme preferred', () => {
    const media = css.slice(css.indexOf('@media (prefers-color-scheme: dark)'));
    expect(colors(ruleBody(media, ":root:not([data-theme='light']) .gf"), 'gf-')).toEqual(
      themes.dark.gf,
    );
    expect(Object.keys(themes.dark.gf).sort()).toEqual(Object.keys(themes.light.gf).sort());
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`gives each meaning a colour of its own in the ${theme} theme`, () => {
      const entries = Object.entries(themes[theme].gf);
      expect(entries.length).toBeGreaterThanOrEqual(12);
      for (const [i, [a, ca]] of entries.entries())
        for (const [b, cb] of entries.slice(i + 1)) {
          if (SAME_MEANING.has(`${a}|${b}`) || SAME_MEANING.has(`${b}|${a}`)) continue;
          expect(deltaE(ca, cb), `${a} ${ca} vs ${b} ${cb}`).toBeGreaterThan(18);
        }
    });

    it(`keeps each colour readable on the page in the ${theme} theme`, () => {
      const { bg, surface } = themes[theme].page;
      expect(bg).toBeDefined();
      expect(surface).toBeDefined();
      for (const [name, c] of Object.entries(themes[theme].gf)) {
        expect(contrastRatio(c, bg!), `${name} on --bg`).toBeGreaterThanOrEqual(4.5);
        expect(contrastRatio(c, surface!), `${name} on --surface`).toBeGreaterThanOrEqual(4.5);
      }
    });

    it(`draws the bound and the explode threshold, LSTM and the cell state apart (${theme})`, () => {
      const bound = resolved('.gf-line--bound', 'stroke', theme);
      const explode = resolved('.gf-crossing--explode line', 'stroke', theme);
      const lstm = resolved(
        '.gf-line--lstm-h,\n.gf-line--lstm-c,\n.gf-line--lstm-f',
        'stroke',
        theme,
      );
      const cell = resolved('.gf-line--cell', 'stroke', theme);
      const gru = resolved('.gf-line--gru-h,\n.gf-line--gru-z', 'stroke', theme);
      const loss = resolved('.gf-line--loss', 'stroke', theme);
      const truncated = resolved('.gf-line--truncated', 'stroke', theme);
      expect(bound).not.toBe(explode);
      expect(lstm).not.toBe(cell);
      expect(gru).not.toBe(loss);
      expect(truncated).not.toBe(cell);
    });
  }
});
