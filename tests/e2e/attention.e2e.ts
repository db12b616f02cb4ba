// The Attention view in Chromium: an encoder–decoder with additive attention trained live in the
// worker on dates ("27 November 2026" → "2026-11-27") until its attention matrix is clearly
// diagonal. Threshold, on a held-out example with a month name and a four-digit year (16 to 25
// characters, so one place either side of the year is at most 6 of 16 positions): the output's year rows (1–4)
// put at least DIAGONAL of their weight, on average, on the input's year digits (give or take one
// place: additive attention, reading s_{t−1}, often looks half a place early), and the day rows
// (9–10) the same on the input's day digits. The time to get there and to 95 % exact match on
// held-out dates are printed. Then one decoder step, the address, no console error, axe clean.
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import {
  expectAccessible,
  expectClean,
  screenshot,
  setupApp,
  waitForEngineReady,
} from './harness.ts';

const app = setupApp();

/** Mean mass of the year rows on the year digits (and of the day rows on the day digits). */
const DIAGONAL = 0.7;

const status = (page: Page) => page.getByTestId('at-status').innerText();

/** The attention matrix's Show-data table: the input characters and the rows of α. */
async function matrix(page: Page): Promise<{ input: string; alpha: number[][] }> {
  const button = page.getByRole('button', {
    name: /^(Show|Hide) data: Attention of each output character/,
  });
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
  const table = page.getByRole('table', { name: /Attention of each output character/ });
  const rows = await table.locator('tbody tr').all();
  const alpha: number[][] = [];
  for (const row of rows) alpha.push((await row.locator('td').allInnerTexts()).map(Number));
  const input = (await page.getByTestId('at-result').locator('.at-io').first().innerText()).trim();
  return { input, alpha };
}

/** Positions of the year's four digits and the day's one or two (the first short number). */
export function datePositions(input: string): { year: number[]; day: number[] } {
  const groups = [...input.matchAll(/\d+/g)].map((m) => ({ at: m.index, n: m[0].length }));
  const span = (g: { at: number; n: number }) => Array.from({ length: g.n }, (_, k) => g.at + k);
  return {
    year: span(groups.find((g) => g.n === 4)!),
    day: span(groups.find((g) => g.n <= 2)!),
  };
}

/** Mean over `rows` of the weight within one place of `positions`. */
function mass(alpha: number[][], rows: number[], positions: number[]): number {
  const near = new Set(positions.flatMap((p) => [p - 1, p, p + 1]));
  let sum = 0;
  for (const r of rows) sum += (alpha[r] ?? []).reduce((a, w, s) => a + (near.has(s) ? w : 0), 0);
  return sum / rows.length;
}

const exact = async (page: Page) => {
  const text = await page.getByTestId('at-val').innerText();
  const m = /: ([\d.]+) ?% of held-out inputs exactly right/.exec(text);
  return m ? Number(m[1]) / 100 : 0;
};

describe('Attention', () => {
  test('dates: the attention matrix turns diagonal while the model trains', async () => {
    const { page, recorder } = await app.openApp('#/attention');
    await waitForEngineReady(page);
    await page.getByRole('heading', { name: 'Attention', level: 1 }).waitFor();
    await expect.poll(() => status(page), { timeout: 30_000 }).toMatch(/^Step 0/);
    // A held-out example with a month name and a four-digit year ("Tuesday, 27 November 2026").
    // The menu fills once the worker has sent the held-out pairs.
    let example = -1;
    let options: string[] = [];
    await expect
      .poll(
        async () => {
          options = await page.getByLabel('Held-out example').locator('option').allInnerTexts();
          example = options.findIndex((o) => /\d{4}/.test(o) && /[A-Za-z]{3}/.test(o));
          return example;
        },
        { timeout: 15_000 },
      )
      .toBeGreaterThanOrEqual(0);
    await page.getByLabel('Held-out example').selectOption(String(example));
    await expect
      .poll(() => page.getByTestId('at-result').locator('.at-io').first().innerText())
      .toBe(options[example]);

    await page.getByRole('button', { name: 'Train', exact: true }).click();
    const started = Date.now();
    let diagonalAt: number | null = null;
    let exactAt: number | null = null;
    let figures = { year: 0, day: 0 };
    while (Date.now() - started < 240_000 && (diagonalAt === null || exactAt === null)) {
      await page.waitForTimeout(2000);
      const { input, alpha } = await matrix(page);
      const at = datePositions(input);
      figures = { year: mass(alpha, [0, 1, 2, 3], at.year), day: mass(alpha, [8, 9], at.day) };
      if (diagonalAt === null && figures.year >= DIAGONAL && figures.day >= DIAGONAL)
        diagonalAt = Date.now() - started;
      if (exactAt === null && (await exact(page)) >= 0.95) exactAt = Date.now() - started;
    }
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    await expect.poll(() => status(page)).not.toMatch(/steps\/s/);
    const step = Number(/Step ([\d,]+)/.exec(await status(page))?.[1]?.replace(/,/g, ''));
    console.log(
      `Attention, dates, additive, GRU 64: diagonal (year ${figures.year.toFixed(2)}, day ${figures.day.toFixed(2)}) after ${diagonalAt === null ? 'never' : `${(diagonalAt / 1000).toFixed(1)} s`}; 95 % exact after ${exactAt === null ? 'never' : `${(exactAt / 1000).toFixed(1)} s`}; stopped at step ${step}`,
    );
    expect(diagonalAt).not.toBeNull();
    expect(figures.year).toBeGreaterThanOrEqual(DIAGONAL);
    expect(figures.day).toBeGreaterThanOrEqual(DIAGONAL);
    await screenshot(page, 'attention-dates');

    // One decoder step: the lines and the equations with its numbers.
    await page.getByRole('button', { name: 'Next →' }).click();
    await expect(page.getByTestId('at-step').innerText()).resolves.toMatch(/^Step 2 of 11/);
    expect(page.url()).toContain('arow=2');
    expect(await page.locator('.at-equations .katex').count()).toBeGreaterThan(2);
    await expectAccessible(page);
    expectClean(recorder);
  }, 300_000);
});
