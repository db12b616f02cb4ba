// The Gradient flow view against an engine double that runs the real experiments in-process:
// sliders change the store, the address and the plot; the exact preset's table shows s^T.
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, test, vi } from 'vitest';
import { compareFigures } from '../../src/engine/experiments';
import { appStore } from '../../src/store/store';
import { loadKatex } from '../../src/viz/katex';
import { IDENTITY_VERDICT, PRESET_TEXT } from '../../src/content/gradients';
import { experimentEngine } from './gradientsEngine';
import { renderApp } from './renderApp';

beforeAll(async () => {
  await loadKatex();
  // jsdom has no canvas; the heatmap simply skips drawing.
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
});

/** Waits for the view's lazily loaded panel (slow on a busy machine, as in the Forward tests). */
const openedView = () =>
  screen.findByRole('heading', { name: 'The gradient flowing back' }, { timeout: 5000 });

const chartPath = () => document.querySelector('[data-series="h"]')?.getAttribute('d');

describe('Gradient flow view', () => {
  test('computes the default experiment and shows its exact identity', async () => {
    renderApp('#/gradients', experimentEngine());
    await openedView();
    expect(screen.getByText(/make gradients vanish or explode/)).toBeTruthy();
    const identities = screen.getByRole('list', { name: 'Exact identities' });
    expect(identities.textContent).toMatch(
      /s\^T = 0\.9\^50: theory 5\.154e-3, engine 5\.154e-3 ✓ equal/,
    );
    expect(screen.getByRole('link', { name: /Train it/ }).getAttribute('href')).toBe(
      '#/train?corpus=copy50&cell=rnn&hidden=32&init=orthogonal&scale=0.9&seq=50',
    );
  });

  test('a slider changes the store, the address and the plot', async () => {
    renderApp('#/gradients', experimentEngine());
    await openedView();
    const before = chartPath();
    const slider = screen.getByLabelText(/Recurrent scale s/);
    await act(async () => {
      fireEvent.change(slider, { target: { value: '1.2' } });
    });
    expect(appStore.getState().gradients.params.s).toBe(1.2);
    expect(window.location.hash).toBe('#/gradients?gs=1.2');
    await waitFor(() => expect(chartPath()).not.toBe(before));
    expect(screen.getByRole('list', { name: 'Exact identities' }).textContent).toMatch(/1\.2\^50/);
  });

  test('the exact LSTM preset: the Show data table holds σ(b_f)^{T−k}', async () => {
    renderApp('#/gradients?gp=carousel&gbf=1&gT=30', experimentEngine());
    await openedView();
    fireEvent.click(screen.getByRole('button', { name: 'Show data: gradient norms' }));
    const table = screen.getByRole('table', { name: /Norms of the gradient/ });
    const header = within(table)
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    const col = header.indexOf('LSTM ‖∂c_T/∂c_k‖');
    const rows = within(table).getAllByRole('row').slice(1);
    const last = rows[rows.length - 1]!; // k = 0
    const cells = within(last).getAllByRole('cell');
    const shown = Number(cells[col - 1]!.textContent);
    expect(shown / (1 / (1 + Math.exp(-1))) ** 30).toBeCloseTo(1, 3);
  });

  test('choosing a preset switches the controls', async () => {
    renderApp('#/gradients', experimentEngine());
    await openedView();
    await act(async () => {
      fireEvent.click(screen.getByRole('radio', { name: 'Clipping' }));
    });
    expect(window.location.hash).toBe('#/gradients?gp=clip');
    expect(screen.getByLabelText('Clipping mode')).toBeTruthy();
    await screen.findByRole('heading', { name: 'Before and after clipping' });
    expect(screen.getByTestId('clip-cosine').textContent).toBe('1.000000');
  });

  test('the non-normal preset writes its powers as text, without TeX braces', async () => {
    renderApp('#/gradients?gp=nonnormal', experimentEngine());
    await openedView();
    const description = document.querySelector('.gf-description')?.textContent ?? '';
    expect(description).toContain('‖[[λ^k, kαλ^(k−1)], [0, λ^k]]‖');
    // No preset's words hold a TeX group or command: they are shown as plain text.
    for (const [preset, text] of Object.entries(PRESET_TEXT))
      expect(`${text.label} ${text.description}`, preset).not.toMatch(/[_^]\{|\\[a-z]/);
  });

  test('clipping to 0.01: theory and engine shown equal are called equal', async () => {
    renderApp('#/gradients?gp=clip&gs=0.5&gct=0.01', experimentEngine());
    await openedView();
    const list = await screen.findByRole('list', { name: 'Exact identities' });
    expect(list.textContent).toMatch(/theory 1\.000e-2, engine 1\.000e-2 ✓ equal/);
    expect(list.textContent).not.toMatch(/differ/);
  });

  test('gates alone with b_f = b_z = −2 and T = 200: the engine shows 1.809e-185 too', async () => {
    renderApp('#/gradients?gp=carousel&gbf=-2&gbz=-2&gT=200', experimentEngine());
    await openedView();
    const list = await screen.findByRole('list', { name: 'Exact identities' });
    expect(list.textContent).toMatch(
      /σ\(b_f\)\^T = σ\(-2\)\^200: theory 1\.809e-185, engine 1\.809e-185 ✓ equal/,
    );
    expect(list.textContent).not.toMatch(/differ/);
  });
});

describe('the verdict shown after theory and engine', () => {
  test('equal, differ, or outside the range of a double', () => {
    expect(IDENTITY_VERDICT[compareFigures(1e-2, 1e-2 * (1 - 1e-13))]).toBe('✓ equal');
    expect(IDENTITY_VERDICT[compareFigures(1e-2, 2e-2)]).toBe('✗ differ');
    expect(IDENTITY_VERDICT[compareFigures(1e-315, 0)]).toBe(
      'both below 1e-308, the smallest double',
    );
  });
});
