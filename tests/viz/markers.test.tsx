// Markers and legends: the threshold marker names its curve and stays inside the chart, the
// eigenvalue dots have a legend, and each quantity has one colour.
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { EigenPlot } from '../../src/viz/EigenPlot';
import { GradientNormChart, type NormSeries } from '../../src/viz/GradientNormChart';
import { SERIES_COLORS, layerColor } from '../../src/viz/colors';

function series(T: number, cross: number): NormSeries[] {
  const fall = Float64Array.from({ length: T + 1 }, (_, k) => (k < cross ? 1e-8 : 1));
  const flat = new Float64Array(T + 1).fill(0.5);
  return [
    { id: 'h', label: '‖∂h_T/∂h_k‖', values: fall, style: 'main' },
    { id: 'ref', label: 'ρ(W)^(T−k)', values: flat, style: 'reference' },
    { id: 'loss', label: '‖∂L/∂h_k‖', values: flat, style: 'loss' },
  ];
}

describe('the threshold marker', () => {
  it('says which curve crossed', () => {
    const { container } = render(
      <GradientNormChart
        T={60}
        series={series(60, 28)}
        title="t"
        description="d"
        reducedMotion
        flowKey="a"
      />,
    );
    const text = container.querySelector('.gf-crossing text')!;
    expect(text.textContent).toBe('‖∂h_T/∂h_k‖ below 1e-6 at k = 27');
  });

  it('stays inside the chart near k = T', () => {
    const { container } = render(
      <GradientNormChart
        T={200}
        series={series(200, 199)}
        title="t"
        description="d"
        reducedMotion
        flowKey="a"
      />,
    );
    const text = container.querySelector('.gf-crossing text')!;
    expect(text.getAttribute('text-anchor')).toBe('end');
    // the threshold's own label moves to the other side, so the two never overlap
    const threshold = container.querySelector('.gf-threshold text')!;
    expect(threshold.textContent).toBe('vanished (1e-6)');
    expect(threshold.getAttribute('text-anchor')).toBe('start');
    expect(Number(threshold.getAttribute('x'))).toBeLessThan(Number(text.getAttribute('x')) / 2);
  });

  it('leaves the threshold label on the right when the crossing is on the left', () => {
    const { container } = render(
      <GradientNormChart
        T={60}
        series={series(60, 5)}
        title="t"
        description="d"
        reducedMotion
        flowKey="a"
      />,
    );
    expect(container.querySelector('.gf-crossing text')!.getAttribute('text-anchor')).toBe('start');
    expect(container.querySelector('.gf-threshold text')!.getAttribute('text-anchor')).toBe('end');
  });
});

describe('the eigenvalue plot', () => {
  it('has a legend for its dots and circle', () => {
    render(
      <EigenPlot
        re={Float64Array.of(0.5, 1.5)}
        im={Float64Array.of(0, 0)}
        title="eig"
        description="d"
      />,
    );
    expect(screen.getByText(/inside the unit circle/)).toBeTruthy();
    expect(screen.getByText(/outside the unit circle/)).toBeTruthy();
    expect(screen.getByText(/the unit circle, \|λ\| = 1/)).toBeTruthy();
  });
});

describe('series colours', () => {
  it('give "before clipping" and every layer colours of their own', () => {
    const all = [
      SERIES_COLORS.beforeClipping,
      SERIES_COLORS.afterClipping,
      ...[0, 1, 2, 3].map(layerColor),
    ];
    expect(new Set(all).size).toBe(all.length);
  });
});
