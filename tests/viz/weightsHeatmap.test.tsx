// Weight heatmaps: a colour legend, axis labels, the value under the pointer, and a drawn height
// that stays on screen at 128 units.
import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { WeightsHeatmap, cellAt } from '../../src/viz/WeightsHeatmap';

function heatmap(rows: number, cols: number) {
  const data = new Float64Array(rows * cols).map((_, k) => ((k % 7) - 3) / 6);
  return render(
    <WeightsHeatmap
      data={data}
      rows={rows}
      cols={cols}
      blocks={['i', 'f', 'g', 'o']}
      label="W_hh"
      rowLabel="units (rows), by gate"
      colLabel="units of h_{t−1} (columns)"
      colNames={Array.from({ length: cols }, (_, c) => `h${c}`)}
    />,
  );
}

describe('WeightsHeatmap', () => {
  it('caps the drawn height at 128 units (CSS scales the canvas)', () => {
    const { container } = heatmap(4 * 128, 128);
    const canvas = container.querySelector('canvas')!;
    expect(parseFloat(canvas.style.height)).toBeLessThanOrEqual(400);
    expect(parseFloat(canvas.style.width)).toBeLessThanOrEqual(480);
  });

  it('has a colour legend from −max to +max and axis labels', () => {
    heatmap(8, 6);
    const legend = screen.getByTestId('heatmap-legend');
    expect(legend.textContent).toContain('-0.5');
    expect(legend.textContent).toContain('0.5');
    expect(screen.getByText('units (rows), by gate')).toBeTruthy();
    expect(screen.getByText('units of h_{t−1} (columns)')).toBeTruthy();
  });

  it('finds the weight under the pointer, skipping the gaps between gate blocks', () => {
    const g = { rows: 8, cols: 6, blocks: 4, gapRows: 1, width: 60, height: 110 };
    expect(cellAt(0, 0, g)).toEqual({ row: 0, col: 0 });
    expect(cellAt(59, 0, g)).toEqual({ col: 5, row: 0 });
    // pixel rows: 0–1 block i, 2 gap, 3–4 block f, …
    expect(cellAt(0, 2.5 * 10, g)).toBeNull();
    expect(cellAt(0, 3.5 * 10, g)).toEqual({ row: 2, col: 0 });
  });

  it('shows the value under the pointer', () => {
    const { container } = heatmap(8, 6);
    const canvas = container.querySelector('canvas')!;
    fireEvent.mouseMove(canvas, { clientX: 0, clientY: 0 });
    const out = screen.getByTestId('heatmap-readout');
    expect(out.textContent).toContain('gate i');
    expect(out.textContent).toContain('h0');
    expect(out.textContent).toContain('-0.500');
  });
});
