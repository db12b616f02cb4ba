// The backward pass as a strip: arrows as wide as the gradient they carry, the steps done in
// colour and the rest waiting, the current step ringed, truncation borders, keys and clicks.
import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, test, vi } from 'vitest';
import { GradientFlowStrip } from '../../src/viz/GradientFlowStrip';

const WORDS = { hidden: '‖dL/dh‖', belt: 'belt', done: 'done', toDo: 'to come' };

function strip(props: Partial<Parameters<typeof GradientFlowStrip>[0]> = {}) {
  const onSelectStep = vi.fn();
  const view = render(
    <GradientFlowStrip
      labels={['a', 'b', 'c', 'd', 'e']}
      dh={new Float64Array([0.4, 0.1, 0.9, 0.2, 0.05])}
      dc={null}
      current={2}
      selected={2}
      reverse={false}
      trunc={0}
      reducedMotion={false}
      onSelectStep={onSelectStep}
      label="flow"
      words={WORDS}
      {...props}
    />,
  );
  return { ...view, onSelectStep };
}

const widths = (root: HTMLElement) =>
  [...root.querySelectorAll('.flow-step--done .flow-edge')].map((e) =>
    Number(e.getAttribute('stroke-width')),
  );

describe('GradientFlowStrip', () => {
  test('a forward layer has done the steps from the end down to the current one', () => {
    const { container } = strip();
    const done = [...container.querySelectorAll('.flow-step--done circle')].map(
      (c) => c.querySelector('title')?.textContent,
    );
    expect(done).toEqual([
      '‖dL/dh‖ at step 3: 0.9',
      '‖dL/dh‖ at step 4: 0.2',
      '‖dL/dh‖ at step 5: 0.05',
    ]);
    // Steps 3 to 5 send their gradient on to the step before; the largest norm draws widest.
    const w = widths(container);
    expect(w).toHaveLength(3);
    expect(w[0]).toBeGreaterThan(w[1]!);
    expect(w[1]).toBeGreaterThan(w[2]!);
    expect(
      container.querySelectorAll('.flow-step:not(.flow-step--done) circle title')[0]?.textContent,
    ).toBe('‖dL/dh‖ at step 1: to come');
  });

  test('a backward-direction layer runs from the first step up, and the belt gets its row', () => {
    const { container } = strip({ reverse: true, dc: new Float64Array([1, 1, 1, 1, 1]) });
    const done = container.querySelectorAll('.flow-step--done circle');
    expect(done).toHaveLength(6); // steps 1 to 3, on both rows
    const edge = container.querySelector('.flow-step--done .flow-edge')!;
    expect(Number(edge.getAttribute('x2'))).toBeGreaterThan(Number(edge.getAttribute('x1')));
  });

  test('truncation borders every K steps; clicks and keys pick a step', () => {
    const { container, onSelectStep } = strip({ trunc: 2 });
    expect(screen.getAllByTestId('flow-cut')).toHaveLength(2);
    const slider = screen.getByRole('slider', { name: 'flow' });
    expect(slider.getAttribute('aria-valuenow')).toBe('3');
    expect(slider.getAttribute('aria-valuetext')).toBe('step 3 of 5, reading c');
    fireEvent.keyDown(slider, { key: 'ArrowLeft' });
    expect(onSelectStep).toHaveBeenLastCalledWith(1);
    fireEvent.keyDown(slider, { key: 'End' });
    expect(onSelectStep).toHaveBeenLastCalledWith(4);
    fireEvent.keyDown(slider, { key: 'Home' });
    expect(onSelectStep).toHaveBeenLastCalledWith(0);
    fireEvent.click(container.querySelectorAll('.flow-hit')[4]!);
    expect(onSelectStep).toHaveBeenLastCalledWith(4);
  });

  test('keys move on from the step picked, not the one the engine last answered', () => {
    const { onSelectStep } = strip({ current: 4, selected: 2 });
    fireEvent.keyDown(screen.getByRole('slider', { name: 'flow' }), { key: 'ArrowLeft' });
    expect(onSelectStep).toHaveBeenLastCalledWith(1);
  });
});
