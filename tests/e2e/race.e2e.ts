// The race at the end of the Gradient flow view in Chromium: Start makes the worker train a plain
// RNN and an LSTM side by side and both curves grow; Pause stops them where they are; leaving the
// view stops the race too. No console error, axe clean.
import type { Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import {
  expectAccessible,
  expectClean,
  navLink,
  screenshot,
  setupApp,
  waitForEngineReady,
} from './harness.ts';

const app = setupApp();

const raceSection = (page: Page): Locator => page.locator('section[aria-labelledby="gf-race-h"]');

/** Points of each curve of the recall chart (RNN, LSTM). */
async function recallPoints(page: Page): Promise<number[]> {
  const paths = raceSection(page).locator('.line-chart').first().locator('path');
  const ds = await paths.evaluateAll((els) => els.map((el) => el.getAttribute('d') ?? ''));
  return ds.map((d) => (d === '' ? 0 : d.split('L').length));
}

const status = (page: Page) => raceSection(page).getByTestId('race-status').innerText();

/** The step the status line reports. */
async function statusStep(page: Page): Promise<number> {
  const m = /step ([\d,]+)/.exec(await status(page));
  return m ? Number(m[1]!.replace(/,/g, '')) : 0;
}

describe('The race', () => {
  test('Start grows both curves; Pause stops them; leaving the view stops the race', async () => {
    const { page, recorder } = await app.openApp('#/gradients?gT=10');
    await waitForEngineReady(page);
    const section = raceSection(page);
    await section.getByRole('heading', { name: 'Race: a plain RNN against an LSTM' }).waitFor();
    const legend = await section.locator('.chart-legend').first().innerText();
    expect(legend).toMatch(/RNN, H = 67, 6,243 parameters/);
    expect(legend).toMatch(/LSTM, H = 32, 6,284 parameters/);
    expect(await recallPoints(page)).toEqual([0, 0]);

    await section.getByRole('button', { name: 'Start' }).click();
    // Scored at step 0, then every 50 steps: both curves get a second point.
    await expect
      .poll(() => recallPoints(page), { timeout: 30_000 })
      .toSatisfy((n: number[]) => n.length === 2 && n.every((k) => k >= 2));
    await expect.poll(() => status(page)).toMatch(/^Racing: step [\d,]+ of 2,000, \d+ steps\/s\.$/);

    await section.getByRole('button', { name: 'Pause' }).click();
    await expect.poll(() => status(page)).toMatch(/^Paused at step [\d,]+ of 2,000\.$/);
    const step = await statusStep(page);
    const points = await recallPoints(page);
    expect(step).toBeGreaterThanOrEqual(50);
    await page.waitForTimeout(1500);
    expect(await statusStep(page)).toBe(step);
    expect(await recallPoints(page)).toEqual(points);
    expect(points[0]).toBe(points[1]);
    await section.scrollIntoViewIfNeeded();
    await screenshot(page, 'race-paused');
    await expectAccessible(page);

    // Resume, then leave for another view: the race stops, and is where it was on return.
    await section.getByRole('button', { name: 'Resume' }).click();
    await expect.poll(() => status(page)).toMatch(/^Racing/);
    await navLink(page, 'About').click();
    await page.waitForTimeout(300);
    await navLink(page, 'Gradient flow').click();
    await raceSection(page).waitFor();
    await expect.poll(() => status(page)).toMatch(/^Paused at step/);
    const left = await statusStep(page);
    await page.waitForTimeout(1500);
    expect(await statusStep(page)).toBe(left);
    expectClean(recorder);
  }, 120_000);
});
