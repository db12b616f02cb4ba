// The Gradient flow view in Chromium: each control changes the plot, the exact presets' Show-data
// figures match s^T and σ(b_f)^T to the displayed precision, no console error, axe clean, and the
// page fits a phone.
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import {
  PHONE,
  expectAccessible,
  expectClean,
  screenshot,
  settle,
  setupApp,
  waitForEngineReady,
} from './harness.ts';

const app = setupApp();

const pathOf = (page: Page, id: string) =>
  page.locator(`[data-series="${id}"]`).first().getAttribute('d');

async function ready(page: Page): Promise<void> {
  await waitForEngineReady(page);
  await page.getByRole('heading', { name: 'The gradient flowing back' }).waitFor();
}

/** Sets a range input's value the way a user's drag does (input events). */
async function slide(page: Page, param: string, value: string): Promise<void> {
  await page.locator(`input[data-param="${param}"]`).evaluate((el, v) => {
    const input = el as HTMLInputElement;
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
    setter.call(input, v);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }, value);
}

async function expectChanges(page: Page, series: string, change: () => Promise<void>) {
  const before = await pathOf(page, series);
  await change();
  await expect.poll(() => pathOf(page, series), { timeout: 10_000 }).not.toBe(before);
}

/** The number in the Show-data table at state k = 0 (last row) for a column header. */
async function tableValueAtZero(page: Page, column: string): Promise<number> {
  await page.getByRole('button', { name: 'Show data: gradient norms' }).click();
  const table = page.getByRole('table', { name: /Norms of the gradient/ });
  const headers = await table.getByRole('columnheader').allInnerTexts();
  const col = headers.indexOf(column);
  expect(col).toBeGreaterThan(0);
  const last = table.getByRole('row').last();
  const text = await last.locator('th, td').nth(col).innerText();
  return Number(text);
}

describe('Gradient flow', () => {
  test('each slider of the recurrent-scale experiment changes the plot; s^T in the table', async () => {
    const { page, recorder } = await app.openApp('#/gradients?gs=1.1&gT=40', {
      reducedMotion: true,
    });
    await ready(page);
    const shown = await tableValueAtZero(page, '‖∂h_T/∂h_k‖');
    // displayed with 4 significant digits
    expect(Math.abs(shown / 1.1 ** 40 - 1)).toBeLessThan(5e-4);
    await expectChanges(page, 'h', () => slide(page, 's', '0.8'));
    await expectChanges(page, 'h', () => slide(page, 'T', '60'));
    // A linear cell's Jacobian ignores the input, and tanh on a zero input is exactly the linear
    // cell (E1b): so add input first (no change yet), then tanh changes the plot, then input does.
    await slide(page, 'inputScale', '1.5');
    await expectChanges(page, 'h', () =>
      page
        .locator('select[data-param="nonlinearity"]')
        .selectOption('tanh')
        .then(() => undefined),
    );
    await expectChanges(page, 'h', () => slide(page, 'inputScale', '0.5'));
    await expectChanges(page, 'h', () =>
      page
        .locator('select[data-param="H"]')
        .selectOption('16')
        .then(() => undefined),
    );
    await expectChanges(page, 'h', () => page.locator('input[data-param="seed"]').fill('5'));
    expect(page.url()).toMatch(/gs=0\.8/);
    await settle(page);
    await expectAccessible(page);
    await screenshot(page, 'gradients-scale');
    expectClean(recorder);
  });

  test('the gates-alone preset: σ(b_f)^T in the table, and its sliders move the curves', async () => {
    const { page, recorder } = await app.openApp('#/gradients?gp=carousel&gbf=1&gT=30', {
      reducedMotion: true,
    });
    await ready(page);
    const shown = await tableValueAtZero(page, 'LSTM ‖∂c_T/∂c_k‖');
    expect(Math.abs(shown / (1 / (1 + Math.exp(-1))) ** 30 - 1)).toBeLessThan(5e-4);
    await expectChanges(page, 'lstm-c', () => slide(page, 'bf', '3'));
    await expectChanges(page, 'gru-h', () => slide(page, 'bz', '1'));
    await expectChanges(page, 'lstm-c', () => slide(page, 'inputScale', '1'));
    await settle(page);
    await expectAccessible(page);
    expectClean(recorder);
  });

  test('every other experiment loads, reacts to its first slider and stays accessible', async () => {
    const { page, recorder } = await app.openApp('#/gradients');
    await ready(page);
    const cases = [
      ['Random gain', 'g', '0.6', 'h'],
      ['RNN, LSTM, GRU', 'bf', '3', 'lstm-c'],
      ['Clipping', 's', '1.3', 'h'],
      ['Non-normal W_hh', 'alpha', '3', 'h'],
      ['Truncated BPTT', 'trunc', '60', 'truncated'],
    ] as const;
    for (const [label, param, value, series] of cases) {
      await page.getByRole('radio', { name: label }).check();
      await page.locator(`[data-series="${series}"]`).first().waitFor({ state: 'attached' });
      await expectChanges(page, series, () => slide(page, param, value));
    }
    await expect(page.getByTestId('trunc-verdict').innerText()).resolves.toMatch(/reaches h_/);
    await settle(page);
    await expectAccessible(page);
    expectClean(recorder);
  });

  test('fits a phone without horizontal scrolling', async () => {
    const { page, recorder } = await app.openApp('#/gradients?gp=cells', { viewport: PHONE });
    await ready(page);
    await settle(page);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'gradients-phone');
    expectClean(recorder);
  });
});
