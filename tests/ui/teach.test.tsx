// A teacher's tools: each view names its controls; ticking one hides it at once and writes
// `hide=` into the address, which opens the view with the same controls hidden; the embed code
// links the same state with embed=1.
import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, test, vi } from 'vitest';
import { renderApp } from './renderApp';

const tools = () => screen.getByText(/^For teachers/).closest('details')!;

async function openTools() {
  const details = tools();
  act(() => {
    details.open = true;
    details.dispatchEvent(new Event('toggle'));
  });
  return within(details);
}

const VIEW_CONTROLS = {
  forward: ['model', 'text', 'pass', 'speed'],
  train: ['text', 'own-text', 'model', 'training'],
  gradients: ['preset', 's', 't', 'inputscale', 'nonlinearity', 'h', 'seed'],
  series: [
    'series',
    'own-series',
    'predict',
    'horizon',
    'cell',
    'hidden',
    'layers',
    'lr',
    'seq',
    'batch',
  ],
  tagging: ['task', 'cell', 'layers'],
  attention: ['task', 'attention', 'cell', 'hidden', 'bidirectional'],
} as const;

describe('a teacher’s tools', () => {
  test.each(Object.entries(VIEW_CONTROLS))(
    '%s names its controls',
    async (view, names) => {
      renderApp(`#/${view}`);
      await vi.waitFor(
        () => expect(document.querySelectorAll('#main [data-control]').length).toBeGreaterThan(2),
        { timeout: 8000 },
      );
      const t = await openTools();
      const boxes = t.getAllByRole('checkbox');
      const found = Array.from(
        document.querySelectorAll<HTMLElement>('#main [data-control]'),
        (e) => e.dataset.control,
      );
      expect([...new Set(found)]).toEqual(names);
      expect(boxes).toHaveLength(names.length);
      for (const box of boxes) expect(box.closest('label')!.textContent!.trim()).toMatch(/\S/);
    },
    20_000,
  );

  test('ticking a control hides it, the address keeps it, and a link opens it hidden', async () => {
    renderApp('#/gradients?gs=0.8');
    await vi.waitFor(() => expect(document.querySelector('[data-control="s"]')).not.toBeNull(), {
      timeout: 8000,
    });
    const t = await openTools();
    expect(
      t.getAllByRole('checkbox').map((b) => b.closest('label')!.textContent!.trim()),
    ).toContain('Experiment');
    fireEvent.click(t.getByRole('checkbox', { name: /^Recurrent scale s/ }));
    expect(window.location.hash).toBe('#/gradients?gs=0.8&hide=s');
    const style = document.querySelector('style')!.textContent;
    expect(style).toBe('[data-control="s"] { display: none !important; }');
    const embed = t.getByRole('textbox', { name: 'Embed code' }) as HTMLTextAreaElement;
    expect(embed.value).toBe(
      `<iframe src="${window.location.origin}/#/gradients?gs=0.8&amp;embed=1&amp;hide=s" title="Gradient flow — Unrolled" width="100%" height="800" loading="lazy"></iframe>`,
    );
    fireEvent.click(t.getByRole('checkbox', { name: /^Recurrent scale s/ }));
    expect(window.location.hash).toBe('#/gradients?gs=0.8');
    expect(document.querySelector('style')).toBeNull();
  }, 20_000);
});
