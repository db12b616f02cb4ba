// The attention matrix: character labels (a space as ␣), the table of α behind "Show data", the
// picked row moved by keys and clicks, the cell under the pointer and its tooltip, cells that fit
// a phone, and the colour ramp's ends.
import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import {
  AttentionMatrix,
  attentionRamp,
  cellAt,
  cellSize,
  type AttentionMatrixProps,
} from '../../src/viz/AttentionMatrix';

// Input "7 N" (S = 3), output "N-7⏎" (T = 4); each row sums to 1.
const INPUT = ['7', ' ', 'N'];
const OUTPUT = ['N', '-', '7', '⏎'];
const ALPHA = new Float64Array([0.05, 0.05, 0.9, 0.2, 0.7, 0.1, 0.93, 0.04, 0.03, 0.25, 0.5, 0.25]);

function matrix(props: Partial<AttentionMatrixProps> = {}) {
  const onSelect = vi.fn();
  const view = render(
    <AttentionMatrix
      input={INPUT}
      output={OUTPUT}
      alpha={ALPHA}
      selected={1}
      onSelect={onSelect}
      label="Attention of each output character over the input"
      {...props}
    />,
  );
  return { ...view, onSelect };
}

describe('cellAt', () => {
  const layout = { rows: 4, cols: 3, width: 66, height: 88 };

  it('maps a point to the cell under it, 22 px a cell', () => {
    expect(cellAt(0, 0, layout)).toEqual({ row: 0, col: 0 });
    expect(cellAt(21.9, 21.9, layout)).toEqual({ row: 0, col: 0 });
    expect(cellAt(22, 44, layout)).toEqual({ row: 2, col: 1 });
    expect(cellAt(65.9, 87.9, layout)).toEqual({ row: 3, col: 2 });
  });

  it('answers null outside the matrix', () => {
    expect(cellAt(-1, 10, layout)).toBeNull();
    expect(cellAt(10, -0.5, layout)).toBeNull();
    expect(cellAt(66, 10, layout)).toBeNull();
    expect(cellAt(10, 88, layout)).toBeNull();
    expect(cellAt(0, 0, { ...layout, width: 0 })).toBeNull();
  });

  it('follows the drawn size when CSS shrinks the canvas', () => {
    expect(cellAt(34, 30, { ...layout, width: 33, height: 44 })).toBeNull();
    expect(cellAt(32, 43, { ...layout, width: 33, height: 44 })).toEqual({ row: 3, col: 2 });
  });
});

describe('cellSize', () => {
  it('keeps 22 px cells while they fit, and shrinks them to fit a 375 px phone', () => {
    expect(cellSize(11, 640)).toBe(22);
    expect(cellSize(11, 343)).toBe(22); // "27 Nov 2026" in a phone's content width
    const s = cellSize(25, 343);
    expect(s).toBeLessThan(22);
    expect(28 + 25 * s).toBeLessThanOrEqual(343);
    expect(cellSize(200, 343)).toBe(8); // never below the smallest legible cell
  });
});

describe('attentionRamp', () => {
  it('runs from the page background at 0 to the strong colour at 1, clamped', () => {
    const ramp = attentionRamp('#121419', '#8cb4ff');
    expect(ramp(0)).toBe('rgb(18, 20, 25)');
    expect(ramp(1)).toBe('rgb(140, 180, 255)');
    expect(ramp(-0.5)).toBe(ramp(0));
    expect(ramp(3)).toBe(ramp(1));
    expect(ramp(0.5)).not.toBe(ramp(0));
  });
});

describe('AttentionMatrix', () => {
  it('labels the columns with the input and the rows with the output, a space as ␣', () => {
    matrix();
    const cols = [...screen.getByTestId('att-cols').children].map((e) => e.textContent);
    expect(cols).toEqual(['7', '␣', 'N']);
    const rows = [...screen.getByTestId('att-rows').children].map((e) => e.textContent);
    expect(rows).toEqual(['N', '-', '7', '⏎']);
  });

  it('shows the α it was given in its data table, one row per output character', () => {
    matrix();
    fireEvent.click(screen.getByRole('button', { name: /Show data/ }));
    const table = screen.getByRole('table');
    const heads = within(table)
      .getAllByRole('columnheader')
      .map((e) => e.textContent);
    expect(heads).toEqual(['output', '7 (1)', '␣ (2)', 'N (3)']);
    const body = [...table.querySelectorAll('tbody tr')].map((tr) =>
      [...tr.children].map((c) => c.textContent),
    );
    expect(body).toEqual([
      ['N (step 1)', '0.05', '0.05', '0.90'],
      ['- (step 2)', '0.20', '0.70', '0.10'],
      ['7 (step 3)', '0.93', '0.04', '0.03'],
      ['⏎ (step 4)', '0.25', '0.50', '0.25'],
    ]);
    expect(table.querySelector('tr[aria-current="true"] th')?.textContent).toBe('- (step 2)');
  });

  it('moves the picked row with ↑ ↓ Home End, clamped at the ends', () => {
    const { onSelect, rerender } = matrix({ selected: 1 });
    const slider = screen.getByRole('slider');
    expect(slider.getAttribute('aria-valuenow')).toBe('2');
    expect(slider.getAttribute('aria-valuetext')).toBe("output step 2 of 4: '-'");
    fireEvent.keyDown(slider, { key: 'ArrowDown' });
    expect(onSelect).toHaveBeenLastCalledWith(2);
    fireEvent.keyDown(slider, { key: 'ArrowUp' });
    expect(onSelect).toHaveBeenLastCalledWith(0);
    fireEvent.keyDown(slider, { key: 'End' });
    expect(onSelect).toHaveBeenLastCalledWith(3);
    fireEvent.keyDown(slider, { key: 'Home' });
    expect(onSelect).toHaveBeenLastCalledWith(0);
    fireEvent.keyDown(slider, { key: 'Enter' });
    expect(onSelect).toHaveBeenCalledTimes(4);

    const props = { input: INPUT, output: OUTPUT, alpha: ALPHA, label: 'm', onSelect };
    rerender(<AttentionMatrix {...props} selected={3} />);
    fireEvent.keyDown(screen.getByRole('slider'), { key: 'ArrowDown' });
    expect(onSelect).toHaveBeenLastCalledWith(3);
    rerender(<AttentionMatrix {...props} selected={0} />);
    fireEvent.keyDown(screen.getByRole('slider'), { key: 'ArrowUp' });
    expect(onSelect).toHaveBeenLastCalledWith(0);
    rerender(<AttentionMatrix {...props} selected={null} />);
    expect(screen.getByRole('slider').getAttribute('aria-valuenow')).toBeNull();
    fireEvent.keyDown(screen.getByRole('slider'), { key: 'ArrowDown' });
    expect(onSelect).toHaveBeenLastCalledWith(0);
  });

  it('outlines the picked row', () => {
    const { rerender } = matrix({ selected: 2 });
    expect(screen.getByTestId('att-selected').style.top).toBe('44px');
    rerender(
      <AttentionMatrix input={INPUT} output={OUTPUT} alpha={ALPHA} selected={null} label="m" />,
    );
    expect(screen.queryByTestId('att-selected')).toBeNull();
  });

  it('reads the cell under the pointer in a tooltip, and a click picks its row', () => {
    const { container, onSelect } = matrix();
    const canvas = container.querySelector('canvas')!;
    // jsdom lays nothing out (the canvas's rect is 0 × 0 at 0, 0), so the drawn size is used.
    fireEvent.mouseMove(canvas, { clientX: 2 * 22 + 5, clientY: 22 + 5 });
    expect(screen.getByRole('tooltip').textContent).toBe(
      "output '-' (step 2) reads input 'N' (position 3): α = 0.10",
    );
    fireEvent.mouseMove(canvas, { clientX: 22 + 1, clientY: 3 * 22 + 1 });
    expect(screen.getByRole('tooltip').textContent).toBe(
      "output '⏎' (step 4) reads input '␣' (position 2): α = 0.50",
    );
    fireEvent.click(canvas, { clientX: 5, clientY: 2 * 22 + 5 });
    expect(onSelect).toHaveBeenLastCalledWith(2);
    fireEvent.mouseLeave(canvas);
    expect(screen.queryByRole('tooltip')).toBeNull();
  });
});
