// The Tagging view in Chromium: the race of a forward-only model against a bidirectional one,
// trained live in the worker on the very same batches. On putting Shakespeare's spaces back the
// bidirectional model wins clearly; on the future task it solves what the forward one cannot. The
// figures after a fixed time (and at least a number of steps) are printed for the record. No console error, axe clean.
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

const status = (page: Page) => page.getByTestId('tag-status').innerText();

/** The last row of the metric chart's Show-data table: [step, forward, bidirectional]. */
async function lastScores(page: Page): Promise<number[]> {
  // The first chart: F1 of word ends (spaces), or accuracy (future).
  const button = page
    .getByRole('button', { name: /^Show data: (F1 of word ends|Accuracy)/ })
    .first();
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
  const rows = page.getByRole('table', { name: /of each model on the validation text/ }).first();
  const last = rows.getByRole('row').last();
  const cells = await last.locator('th, td').allInnerTexts();
  return cells.map((c) => Number(c.replace(/,/g, '')));
}

/**
 * Runs the race for `seconds` from the click on Start, and on until it has passed step `minStep`
 * (a busy machine takes fewer steps a second: the lesson is in the steps, not the seconds);
 * returns the last scores.
 */
async function race(page: Page, seconds: number, minStep: number): Promise<number[]> {
  await page.getByRole('button', { name: 'Start' }).click();
  const started = Date.now();
  await expect.poll(() => status(page), { timeout: 30_000 }).toMatch(/^Racing: step/);
  await page.waitForTimeout(Math.max(0, seconds * 1000 - (Date.now() - started)));
  const step = async () => Number(/step ([\d,]+)/.exec(await status(page))?.[1]?.replace(/,/g, ''));
  await expect.poll(step, { timeout: 120_000, interval: 500 }).toBeGreaterThanOrEqual(minStep);
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect.poll(() => status(page)).toMatch(/^Paused at step/);
  return lastScores(page);
}

describe('Tagging', () => {
  test('putting the spaces back: the bidirectional model wins the race', async () => {
    const { page, recorder } = await app.openApp('#/tagging');
    await waitForEngineReady(page);
    await page.getByRole('heading', { name: 'Tagging', level: 1 }).waitFor();
    expect(await status(page)).toBe('Ready: press Start.');
    const [step, forward, both] = await race(page, 60, 500);
    console.log(
      `Tagging race, spaces, GRU, 60 s (and step 500 at least): step ${step}, F1 of word ends forward ${forward}, bidirectional ${both}`,
    );
    expect(step).toBeGreaterThanOrEqual(200);
    expect(both).toBeGreaterThan(0.8);
    expect(both).toBeGreaterThan(forward! + 0.1);
    // The sample: both models' paragraphs, the forward one with more marked mistakes.
    const marks = async (name: string) =>
      page.getByTestId(`tag-sample-${name}`).locator('mark').count();
    await expect.poll(() => marks('forward'), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await marks('bidirectional')).toBeLessThan(await marks('forward'));
    const legend = await page.locator('.chart-legend').first().innerText();
    expect(legend).toMatch(/forward GRU, H = 41, 13,122 parameters/);
    expect(legend).toMatch(/bidirectional GRU, H = 24 per direction, 12,914 parameters/);
    await screenshot(page, 'tagging-spaces');
    await expectAccessible(page);
    expectClean(recorder);
  }, 240_000);

  test('the future task: reading backwards solves it, reading forwards cannot', async () => {
    const { page, recorder } = await app.openApp('#/tagging?ttask=future&tk=3');
    await waitForEngineReady(page);
    await page.getByRole('slider', { name: /Lookahead k/ }).waitFor();
    const [step, forward, both] = await race(page, 15, 150);
    console.log(
      `Tagging race, future k = 3, GRU, 15 s (and step 150 at least): step ${step}, accuracy forward ${forward}, bidirectional ${both}`,
    );
    expect(both).toBeGreaterThan(0.9);
    expect(forward).toBeLessThan(0.35);
    await expect.poll(() => page.getByTestId('tag-read').innerText()).toMatch(/^[abcd]{20,}$/);
    await screenshot(page, 'tagging-future');
    expectClean(recorder);
  }, 180_000);
});
