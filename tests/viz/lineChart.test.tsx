// The line chart's axes in the DOM: the labels come from the shared tick module.
import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { LineChart } from '../../src/viz/LineChart';

function tickLabels(container: HTMLElement, axis: 'x' | 'y'): string[] {
  return Array.from(
    container.querySelectorAll(`[data-axis="${axis}"] .chart__tick`),
    (t) => t.textContent ?? '',
  );
}

describe('LineChart axes', () => {
  it('writes a small log value axis in powers of ten, each label once', () => {
    const ys = [0.02, 0.011, 0.004, 0.002, 0.0008];
    const { container } = render(
      <LineChart
        label="test"
        xLabel="t"
        yLabel="norm"
        logY
        height={200}
        series={[{ label: 'a', xs: ys.map((_, t) => t), ys, color: 'red' }]}
      />,
    );
    const labels = tickLabels(container, 'y');
    expect(new Set(labels).size).toBe(labels.length);
    expect(labels).toContain('1e-3');
    expect(labels).not.toContain('0');
  });

  it('shows whole steps on an empty chart and after two steps', () => {
    for (const xs of [[], [1, 2]]) {
      const { container, unmount } = render(
        <LineChart
          label="test"
          xLabel="step"
          yLabel="loss"
          series={[{ label: 'a', xs, ys: xs.map(() => 1), color: 'red' }]}
        />,
      );
      const labels = tickLabels(container, 'x');
      expect(labels.length).toBeGreaterThan(0);
      for (const l of labels) expect(l).not.toMatch(/[.m]/);
      unmount();
    }
  });

  it('does not run log step labels together', () => {
    const xs = Array.from({ length: 100 }, (_, i) => i + 1);
    const { container } = render(
      <LineChart
        label="test"
        xLabel="step"
        yLabel="loss"
        logX
        series={[{ label: 'a', xs, ys: xs.map(() => 1), color: 'red' }]}
      />,
    );
    expect(tickLabels(container, 'x')).toEqual(['1', '10', '100']);
  });
});

describe('a log axis', () => {
  it('reaches down to the smallest value, however small (a vanishing gradient)', () => {
    const { container } = render(
      <LineChart
        label="norms"
        xLabel="t"
        yLabel="norm"
        logY
        series={[{ label: 'tiny', xs: [0, 1, 2], ys: [1e-12, 1e-6, 1e-2], color: 'red' }]}
      />,
    );
    const lowest = Math.min(
      ...tickLabels(container, 'y')
        .map(Number)
        .filter((v) => v > 0),
    );
    expect(lowest).toBeLessThanOrEqual(1e-10);
  });

  it('keeps the labels of close reference lines apart, each line at its value', () => {
    const { container } = render(
      <LineChart
        label="loss"
        xLabel="step"
        yLabel="nats/char"
        height={240}
        yDomain={[1, 4.5]}
        references={[
          { label: 'uniform 4.17', y: 4.17 },
          { label: 'unigram 3.10', y: 3.1 },
          { label: 'bigram 3.02', y: 3.02 },
        ]}
        series={[{ label: 'a', xs: [1, 2], ys: [4, 2], color: 'red' }]}
      />,
    );
    const labels = Array.from(container.querySelectorAll('.chart__reflabel'), (t) =>
      Number(t.getAttribute('y')),
    );
    const lines = Array.from(container.querySelectorAll('.chart__ref'), (l) =>
      Number(l.getAttribute('y1')),
    );
    expect(labels).toHaveLength(3);
    // unigram and bigram are 0.08 apart, about 4 px on this axis: their labels are 13 px apart,
    // in the lines' order (unigram above), centred on the two lines.
    expect(lines[2]! - lines[1]!).toBeLessThan(13);
    expect(labels[2]! - labels[1]!).toBeCloseTo(13, 6);
    expect((labels[1]! + labels[2]!) / 2).toBeCloseTo((lines[1]! + lines[2]!) / 2, 6);
    // uniform's label is far from the others and stays on its line.
    expect(labels[0]).toBeCloseTo(lines[0]!, 6);
  });
});

describe('a series’ band', () => {
  it('is shaded from its low to its high edge, and the value axis takes it in', () => {
    const { container } = render(
      <LineChart
        label="test"
        xLabel="k"
        yLabel="error"
        height={200}
        series={[
          {
            label: 'model',
            xs: [1, 2, 3],
            ys: [0, 0, 0],
            band: { lo: [-1, -2, Number.NaN], hi: [1, 2, 3] },
            color: 'red',
          },
          { label: 'plain', xs: [1, 2, 3], ys: [0, 0, 0], color: 'blue' },
        ]}
      />,
    );
    const bands = container.querySelectorAll('path.chart__band');
    expect(bands).toHaveLength(1);
    expect(bands[0]!.getAttribute('data-band')).toBe('model');
    // Two points with both edges finite: an area of two points, out along hi and back along lo.
    const d = bands[0]!.getAttribute('d')!;
    expect(d.match(/L/g)).toHaveLength(3);
    // The line alone spans 0 … 0; the band makes the axis reach from −2 to 2.
    const labels = tickLabels(container, 'y').map((t) => Number(t.replace('−', '-')));
    expect(Math.min(...labels)).toBeLessThanOrEqual(-2);
    expect(Math.max(...labels)).toBeGreaterThanOrEqual(2);
  });
});
