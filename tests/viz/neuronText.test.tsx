// Neuron text: the text colour is chosen for contrast on every background the scale can
// produce, and zero has a background that suits each theme.
import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { contrastRatio, neuronColors, relativeLuminance } from '../../src/viz/neuronColors';
import { NeuronText } from '../../src/viz/NeuronText';

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

  it('colours the spans with the chosen pair', () => {
    const spansOf = (theme: 'light' | 'dark') => {
      const { container } = render(
        <NeuronText
          chars={['a', 'b']}
          values={new Float64Array([-1, 0])}
          H={1}
          unit={0}
          label={`text ${theme}`}
          theme={theme}
        />,
      );
      return container.querySelectorAll<HTMLElement>('.neuron-text > span');
    };
    expect(spansOf('light')[0]!.style.color).toBe('rgb(255, 255, 255)');
    expect(relativeLuminance(spansOf('dark')[1]!.style.background)).toBeLessThan(0.05);
  });
});
