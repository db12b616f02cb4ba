import { act, render } from '@testing-library/react';
import { describe, expect, test, vi } from 'vitest';
import { Equation } from '../../src/viz/Equation';
import { loadKatex } from '../../src/viz/katex';

describe('<Equation>', () => {
  test('shows the TeX source while KaTeX loads', async () => {
    // React warns that the render suspended inside an act() it did not await: that is the
    // point of this test, which looks at the fallback before the load finishes.
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const tex = 'h_t = \\tanh(W_{hh} h_{t-1})';
    const { container } = render(<Equation tex={tex} />);
    expect(container.querySelector('.equation--source code')?.textContent).toBe(tex);
    await act(() => loadKatex());
    expect(error.mock.calls.map(([message]) => String(message))).toEqual([
      expect.stringContaining('suspended inside an `act` scope'),
    ]);
    error.mockRestore();
  });

  describe('once KaTeX has loaded', () => {
    test('typesets inline, with MathML that carries the source', () => {
      const tex = 'h_t = \\tanh(W_{hh} h_{t-1})';
      const { container } = render(<Equation tex={tex} />);
      expect(container.querySelector('span.equation .katex math annotation')?.textContent).toBe(
        tex,
      );
      expect(container.querySelector('.katex-display')).toBeNull();
      expect(container.querySelector('.katex-error')).toBeNull();
      expect(container.querySelector('.equation--source')).toBeNull();
    });

    test('display mode renders a block', () => {
      const { container } = render(<Equation tex="x" display />);
      expect(container.querySelector('div.equation--display .katex-display')).not.toBeNull();
    });

    test('trusts \\htmlClass and nothing else', () => {
      const { container } = render(
        <Equation tex="\htmlClass{term-f}{f_t} + \href{https://example.com}{x}" />,
      );
      expect(container.querySelector('.term-f')?.textContent).toContain('f');
      expect(container.querySelector('a')).toBeNull();
    });

    test('is strict about input that is not LaTeX', () => {
      const { container } = render(<Equation tex="x é" />);
      expect(container.querySelector('.katex-error')?.getAttribute('title')).toMatch(/strict mode/);
    });
  });
});
