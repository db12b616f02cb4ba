// Heat strips and the cell-state belt: clipped values carry a mark, and hover or keyboard focus
// shows a tooltip with the unit and its value; a focused strip or belt steps through the units.
import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { CellBelt } from '../../src/viz/CellBelt';
import { ColorLegend, HeatStrips, type HeatRow } from '../../src/viz/HeatStrip';
import { UnrolledDiagram, type DiagramColumn } from '../../src/viz/UnrolledDiagram';
import { scaleOf } from '../../src/viz/valueScale';
import { valueTip } from '../../src/viz/valueTip';

const rows: HeatRow[] = [
  {
    key: 'f',
    symbol: 'f_t',
    label: 'forget gate',
    values: Float64Array.of(0.1, 0.25, 0.9, 0.5),
    scale: scaleOf('gate'),
  },
  {
    key: 'c',
    symbol: 'c_t',
    label: 'cell state',
    values: Float64Array.of(0.5, 5.25, -1, -4),
    scale: scaleOf('cell'),
  },
];

/** Lets jsdom report a strip 400 px wide at x = 100. */
function giveWidth(element: Element, width = 400, height = 24): void {
  element.getBoundingClientRect = () =>
    ({ left: 100, top: 0, width, height, right: 100 + width, bottom: height }) as DOMRect;
}

describe('HeatStrips', () => {
  it('marks the units whose value the scale clips, on the side they leave it', () => {
    const { container } = render(<HeatStrips rows={rows} unit={0} />);
    const marks = Array.from(container.querySelectorAll('[data-sym="c"] .clip-mark'));
    expect(marks.map((m) => m.getAttribute('data-clipped'))).toEqual(['1', '3']);
    expect(marks[0]!.classList.contains('clip-mark--high')).toBe(true);
    expect(marks[1]!.classList.contains('clip-mark--low')).toBe(true);
    expect((marks[0] as HTMLElement).style.left).toBe('37.5%');
    expect(container.querySelectorAll('[data-sym="f"] .clip-mark')).toHaveLength(0);
  });

  it('shows the hovered unit and its value in a tooltip, noting a clipped value', () => {
    render(<HeatStrips rows={rows} unit={0} onSelectUnit={() => {}} />);
    const strip = screen.getByRole('slider', { name: /cell state c_t/ });
    giveWidth(strip);
    fireEvent.mouseMove(strip, { clientX: 100 + 150 }); // the second of four units
    const tip = screen.getByRole('tooltip');
    expect(tip.textContent).toBe(
      'unit 1, cell state c_t: 5.250 (beyond the colour scale, drawn as 3.000)',
    );
    expect(strip.getAttribute('aria-describedby')).toBe(tip.id);
    fireEvent.mouseLeave(strip);
    expect(screen.queryByRole('tooltip')).toBeNull();
  });

  it('is a slider over the units: focus shows the selected unit, arrow keys pick the next', () => {
    const onSelectUnit = vi.fn();
    render(<HeatStrips rows={rows} unit={2} onSelectUnit={onSelectUnit} />);
    const strip = screen.getByRole('slider', { name: /forget gate f_t/ });
    expect(strip.tabIndex).toBe(0);
    expect(strip.getAttribute('aria-valuenow')).toBe('2');
    expect(strip.getAttribute('aria-valuetext')).toBe('unit 2, forget gate f_t: 0.900');
    fireEvent.focus(strip);
    expect(screen.getByRole('tooltip').textContent).toBe('unit 2, forget gate f_t: 0.900');
    fireEvent.keyDown(strip, { key: 'ArrowRight' });
    expect(onSelectUnit).toHaveBeenLastCalledWith(3);
    fireEvent.keyDown(strip, { key: 'Home' });
    expect(onSelectUnit).toHaveBeenLastCalledWith(0);
    fireEvent.blur(strip);
    expect(screen.queryByRole('tooltip')).toBeNull();
  });
});

describe('ColorLegend', () => {
  it('shows the clip mark for a scale that clips, and not for the gate scale', () => {
    const { container, rerender } = render(
      <ColorLegend scale={scaleOf('cell')} label="cell state c" />,
    );
    expect(container.querySelector('.color-legend__clip')?.textContent).toBe(' clipped beyond ±3');
    expect(container.textContent).toContain('≥3');
    rerender(<ColorLegend scale={scaleOf('gate')} label="gate" />);
    expect(container.querySelector('.color-legend__clip')).toBeNull();
  });
});

describe('CellBelt', () => {
  const belt = {
    cPrev: Float64Array.of(4, 0.5),
    f: Float64Array.of(0.5, 1),
    kept: Float64Array.of(2, 0.5),
    written: Float64Array.of(-0.25, 0.1),
    c: Float64Array.of(1.75, -3.5),
    cellScale: scaleOf('cell'),
    gateScale: scaleOf('gate'),
  };

  it('marks clipped lanes and shows a tooltip for the lane under the pointer', () => {
    const { container } = render(<CellBelt {...belt} unit={0} />);
    expect(
      Array.from(container.querySelectorAll('.clip-mark'), (m) => m.getAttribute('data-clipped')),
    ).toEqual(['cprev:0', 'c:1']);
    const chart = container.querySelector('.cell-belt')!;
    giveWidth(chart, 480, 200);
    // The last station (c_t) sits at the right; with two lanes of 6 px below a 22 px head, y =
    // 30 is lane 1.
    fireEvent.mouseMove(chart, { clientX: 100 + 460, clientY: 30 });
    expect(screen.getByRole('tooltip').textContent).toBe(
      valueTip('cell state', 'c_t', 1, -3.5, scaleOf('cell')),
    );
    expect(screen.getByRole('tooltip').textContent).toContain('drawn as -3.000');
  });

  it('on focus names every station of the selected lane; arrow keys move the lane', () => {
    const onSelectUnit = vi.fn();
    render(<CellBelt {...belt} unit={0} onSelectUnit={onSelectUnit} />);
    const slider = screen.getByRole('slider', { name: /Cell-state belt/ });
    fireEvent.focus(slider);
    expect(screen.getByRole('tooltip').textContent).toBe(
      'unit 0: cell state c(t−1): 4.000 (beyond the colour scale, drawn as 3.000); forget gate f_t: 0.500; kept f⊙c(t−1): 2.000; written i⊙g_t: -0.250; cell state c_t: 1.750',
    );
    fireEvent.keyDown(slider, { key: 'ArrowDown' });
    expect(onSelectUnit).toHaveBeenLastCalledWith(1);
  });
});

describe('UnrolledDiagram state pictures', () => {
  it('dot the units whose cell state the scale clips', () => {
    const column = (t: number, c: number[]): DiagramColumn => ({
      t,
      char: 'a',
      unknown: false,
      cells: [{ h: Float64Array.of(0.1, -0.2, 0.3, 0.4), c: Float64Array.from(c) }],
      top: { kind: 'guesses', guesses: [{ char: 'b', p: 0.5 }] },
    });
    const { container } = render(
      <UnrolledDiagram
        columns={[column(0, [0.5, 3.5, -1, -8]), column(1, [0.5, 1, 2, 2.9])]}
        rows={[{ layer: 0, direction: 0 }]}
        current={0}
        row={0}
        unit={0}
        hScale={scaleOf('tanh')}
        cScale={scaleOf('cell')}
        onSelectStep={() => {}}
        onSelectCell={() => {}}
        onMoveRow={() => {}}
        reducedMotion
        label="diagram"
      />,
    );
    const dots = Array.from(container.querySelectorAll('.unrolled__clip'), (d) =>
      d.getAttribute('data-clipped'),
    );
    // Units 1 (3.5) and 3 (−8) of the first step; none of the second, nor of any h (tanh).
    expect(dots).toEqual(['1', '3']);
  });
});
