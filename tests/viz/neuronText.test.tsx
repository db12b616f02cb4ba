// Neuron text: the text colour is chosen for contrast on every background the scale can
// produce, and zero has a background that suits each theme.
import { fireEvent, render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { contrastRatio, neuronColors, relativeLuminance } from '../../src/viz/neuronColors';
import { NEURON_LEVELS, NeuronText, neuronLevel, neuronPalette } from '../../src/viz/NeuronText';

const THEMES = ['light', 'dark'] as const;

describe('neuron colours', () => {
  it('computes WCAG contrast (black on white is 21:1)', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('rgb(255, 255, 255)', 'rgb(255, 255, 255)')).toBeCloseTo(1, 5);
  });

  for (const theme of THEMES) {
    it(`keeps every activation readable in the ${theme} theme (contrast ≥ 4.5)`, () => {
      for (let v = -3; v <= 3; v += 0.001) {
        const { background, color } = neuronColors(v, theme);
        expect(contrastRatio(color, background)).toBeGreaterThanOrEqual(4.5);
      }
      for (const v of [NaN, Infinity, -Infinity]) {
        const { background, color } = neuronColors(v, theme);
        expect(contrastRatio(color, background)).toBeGreaterThanOrEqual(4.5);
      }
    });
  }

  it('draws zero as a quiet background in each theme, not a white block in the dark one', () => {
    expect(relativeLuminance(neuronColors(0, 'light').background)).toBeGreaterThan(0.8);
    expect(relativeLuminance(neuronColors(0, 'dark').background)).toBeLessThan(0.05);
  });

  it('writes a saturated unit in white, not black on navy', () => {
    expect(neuronColors(-1, 'light').color).toBe('#ffffff');
    expect(neuronColors(1, 'light').color).toBe('#ffffff');
  });

  it('colours each span by its level, whose pair the theme’s style sheet holds', () => {
    const spansOf = (theme: 'light' | 'dark') => {
      const { container } = render(
        <NeuronText
          chars={['a', 'b', 'c']}
          values={new Float64Array([-1, 0, 0.52])}
          H={1}
          unit={0}
          label={`text ${theme}`}
          theme={theme}
        />,
      );
      const region = container.querySelector<HTMLElement>('.neuron-text')!;
      expect(region.classList.contains(`neuron-text--${theme}`)).toBe(true);
      const css = region.querySelector('style')!.textContent!;
      return { spans: region.querySelectorAll<HTMLElement>(':scope > span'), css, region };
    };
    const light = spansOf('light');
    expect([...light.spans].map((s) => s.className)).toEqual(['nt-0', 'nt-20', 'nt-30']);
    expect(neuronLevel(0.52)).toBe(30);
    expect(neuronLevel(7)).toBe(NEURON_LEVELS - 1);
    expect(neuronLevel(Number.NaN)).toBe(20);
    const lightPalette = neuronPalette('light');
    expect(lightPalette[0]!.color).toBe('#ffffff');
    expect(lightPalette[30]).toEqual(neuronColors(0.5, 'light'));
    expect(light.css).toContain(
      `.neuron-text--light .nt-0{background:${lightPalette[0]!.background};color:#ffffff}`,
    );
    const dark = spansOf('dark');
    expect(relativeLuminance(neuronPalette('dark')[20]!.background)).toBeLessThan(0.05);
    expect(dark.css).toContain(
      `.neuron-text--dark .nt-20{background:${neuronPalette('dark')[20]!.background}`,
    );
    // The exact value on hover.
    fireEvent.mouseOver(light.spans[2]!);
    expect(light.region.title).toBe('0.520');
  });
});
