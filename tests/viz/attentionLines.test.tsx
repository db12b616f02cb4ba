// One decoder step's attention as lines: line widths in α's order, α and e written at each input,
// spoken names with the values, the hover link, the step's label, and a layout that fits a phone.
import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import {
  AttentionLines,
  linesLayout,
  type AttentionLinesProps,
} from '../../src/viz/AttentionLines';

const INPUT = ['2', '7', ' ', 'N'];
const ALPHA = new Float64Array([0.1, 0.6, 0.002, 0.298]);
const SCORES = new Float64Array([-0.5, 1.29, -3.5, 0.59]);

function lines(props: Partial<AttentionLinesProps> = {}) {
  const onHover = vi.fn();
  const view = render(
    <AttentionLines
      input={INPUT}
      alpha={ALPHA}
      scores={SCORES}
      written="7"
      read="2"
      hovered={null}
      onHover={onHover}
      label="Attention of output step 2 over the input"
      {...props}
    />,
  );
  return { ...view, onHover };
}

const widths = () =>
  screen.getAllByTestId('att-line').map((l) => Number(l.getAttribute('stroke-width')));

describe('AttentionLines', () => {
  it('draws one line per input, wider as α is larger, and the faintest still there', () => {
    lines();
    const w = widths();
    expect(w).toHaveLength(4);
    // α order: 1 (0.6) > 3 (0.298) > 0 (0.1) > 2 (0.002).
    expect(w[1]).toBeGreaterThan(w[3]!);
    expect(w[3]).toBeGreaterThan(w[0]!);
    expect(w[0]).toBeGreaterThan(w[2]!);
    expect(w[2]).toBeGreaterThan(0);
    expect(w[1]).toBeLessThanOrEqual(8);
    const opacity = screen.getAllByTestId('att-line').map((l) => l.getAttribute('stroke-opacity'));
    expect(Number(opacity[1])).toBeGreaterThan(Number(opacity[2]));
  });

  it('writes a score that rounds to zero without a sign', () => {
    lines({ scores: [-0.001, 0, -0, 2] });
    const scores = screen.getAllByTestId('att-score').map((t) => t.textContent);
    expect(scores).toEqual(['0.00', '0.00', '0.00', '2.00']);
  });

  it('an α of 1 draws about 8 px', () => {
    lines({ alpha: [1, 0, 0, 0] });
    expect(widths()[0]).toBeCloseTo(8, 5);
  });

  it('writes α above each input and e under it, the step as read → written, a space as ␣', () => {
    const { container } = lines();
    const alphas = screen.getAllByTestId('att-alpha').map((t) => t.textContent);
    expect(alphas).toEqual(['0.10', '0.60', '0.00', '0.30']);
    const scores = screen.getAllByTestId('att-score').map((t) => t.textContent);
    expect(scores).toEqual(['-0.50', '1.29', '-3.50', '0.59']);
    const chars = [...container.querySelectorAll('.att-box__char')].map((t) => t.textContent);
    expect(chars).toEqual(['2', '7', '␣', 'N']);
    expect(container.querySelector('.att-step__text')?.textContent).toBe('2 → 7');
  });

  it('names each input box with its values, and leaves e out without scores', () => {
    const { rerender } = lines();
    const items = screen.getAllByRole('listitem');
    expect(items.map((i) => i.getAttribute('aria-label'))).toEqual([
      "input '2' at position 1: α = 0.10, score e = -0.50",
      "input '7' at position 2: α = 0.60, score e = 1.29",
      "input 'space' at position 3: α = 0.00, score e = -3.50",
      "input 'N' at position 4: α = 0.30, score e = 0.59",
    ]);
    expect(items.every((i) => i.getAttribute('tabindex') === '0')).toBe(true);
    rerender(
      <AttentionLines
        input={INPUT}
        alpha={ALPHA}
        scores={null}
        written="2"
        read="⟨start⟩"
        hovered={null}
        label="no scores"
      />,
    );
    expect(screen.getAllByRole('listitem')[1]?.getAttribute('aria-label')).toBe(
      "input '7' at position 2: α = 0.60",
    );
    expect(screen.queryAllByTestId('att-score')).toHaveLength(0);
  });

  it('reports the input hovered or focused, with its index, and highlights the one linked', () => {
    const { onHover, rerender } = lines();
    const items = screen.getAllByRole('listitem');
    fireEvent.mouseEnter(items[2]!);
    expect(onHover).toHaveBeenLastCalledWith(2);
    fireEvent.mouseLeave(items[2]!);
    expect(onHover).toHaveBeenLastCalledWith(null);
    fireEvent.focus(items[3]!);
    expect(onHover).toHaveBeenLastCalledWith(3);
    fireEvent.blur(items[3]!);
    expect(onHover).toHaveBeenLastCalledWith(null);
    rerender(
      <AttentionLines
        input={INPUT}
        alpha={ALPHA}
        scores={SCORES}
        written="7"
        read="2"
        hovered={1}
        label="hovered"
      />,
    );
    const hovered = [...document.querySelectorAll('.att-box--hovered')];
    expect(hovered).toEqual([screen.getAllByRole('listitem')[1]]);
    expect(screen.getAllByTestId('att-line')[1]?.classList.contains('att-line--hovered')).toBe(
      true,
    );
  });

  it('fits a 375 px phone: boxes shrink to no less than 12 px, values thin out', () => {
    const short = linesLayout(11, 343);
    expect(short.width).toBe(343);
    expect(short.values).toBe(true);
    const long = linesLayout(25, 343); // "Tuesday, 27 November 2026"
    expect(long.width).toBe(343);
    expect(long.box).toBeGreaterThanOrEqual(12);
    expect(long.x(0) - long.box / 2).toBeGreaterThanOrEqual(0);
    expect(long.x(24) + long.box / 2).toBeLessThanOrEqual(343);
    expect(long.values).toBe(false);
    const huge = linesLayout(60, 343);
    expect(huge.box).toBe(12);
    expect(huge.width).toBeGreaterThan(343); // the viewBox grows, and width 100% scales it down
  });

  it('with many inputs writes α only for the largest and the hovered one', () => {
    const input = Array.from({ length: 80 }, (_, s) => String(s % 10));
    const alpha = new Float64Array(80).fill(0.5 / 79);
    alpha[40] = 0.5;
    lines({ input, alpha, scores: null, hovered: 7 });
    const written = screen.getAllByTestId('att-alpha').map((t) => t.textContent);
    expect(written).toEqual(['0.01', '0.50']);
    expect(screen.getByRole('group').getAttribute('viewBox')).toMatch(/^0 0 \d+/);
  });
});
