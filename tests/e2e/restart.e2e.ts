// A dead worker in Chromium: the engine's worker closes itself in the middle of training (no
// event reaches the page); the footer says the engine stopped answering and restarts it, the
// Training view stops saying "Training…" and brings the run back at its last autosave, and
// Train and Pause work again. An uncaught error the worker survives leaves training going and
// the footer ready, with a note.
import type { Page, Worker } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { engineStatus, expectClean, setupApp, waitForEngineReady } from './harness.ts';

const app = setupApp();

const stepOf = async (page: Page): Promise<number> =>
  Number((await page.getByTestId('step').innerText()).replace(/,/g, ''));
const runStatus = (page: Page) => page.locator('.run-bar__status').innerText();
const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });

async function ready(page: Page): Promise<void> {
  await waitForEngineReady(page);
  await expect.poll(() => button(page, 'Train').isEnabled(), { timeout: 30_000 }).toBe(true);
}

async function trainPast(page: Page, step: number): Promise<void> {
  await button(page, 'Train').click();
  await expect.poll(() => stepOf(page), { timeout: 30_000 }).toBeGreaterThan(step);
}

/** The page's one dedicated worker: the engine's. */
function engineWorker(page: Page): Worker {
  const workers = page.workers();
  expect(workers).toHaveLength(1);
  return workers[0]!;
}

describe('a worker that dies', () => {
  test('is restarted while training and the run comes back at its last autosave', async () => {
    const { page, recorder } = await app.openApp('#/train?corpus=counting&hidden=32');
    await ready(page);
    const autosaved = async () =>
      /at step ([\d,]+); a reload/.exec(
        (await page.getByTestId('autosave').textContent()) ?? '',
      )?.[1];
    // A new model is autosaved at step 0; a training run every 15 s. Kill the worker just after
    // one of those, so the save to come back to is known (the next is 15 s away).
    await expect.poll(autosaved, { timeout: 15_000 }).toBe('0');
    await trainPast(page, 10);
    await expect.poll(autosaved, { timeout: 20_000 }).not.toBe('0');
    const saved = Number((await autosaved())?.replace(/,/g, ''));
    expect(saved).toBeGreaterThan(10);
    const dying = engineWorker(page);
    const killedAt = Date.now();
    // The worker closes itself, as a crashed or killed one would: the page hears nothing.
    void dying.evaluate(() => (self as unknown as { close(): void }).close()).catch(() => {});
    await expect
      .poll(() => engineStatus(page).innerText(), { timeout: 20_000 })
      .toBe('Engine stopped answering; restarting it…');
    await expect
      .poll(() => engineStatus(page).innerText(), { timeout: 20_000 })
      .toMatch(/^Engine ready \(.+\); restarted after it stopped answering$/);
    await expect.poll(() => runStatus(page), { timeout: 20_000 }).toBe('Ready');
    console.log(
      `restarted and restored ${((Date.now() - killedAt) / 1000).toFixed(1)} s after the worker closed`,
    );
    // The run is at the step its autosave holds (the one seen before the kill, or a later one
    // written in the moment before it).
    const restored = await stepOf(page);
    expect((await autosaved())?.replace(/,/g, '')).toBe(String(restored));
    expect(restored).toBeGreaterThanOrEqual(saved);
    await expect(page.locator('.callout--ok').innerText()).resolves.toMatch(
      new RegExp(
        `^The engine stopped answering and was restarted\\. Your run is back at step ${restored.toLocaleString('en-US')}, its last autosave \\(it had reached step [\\d,]+\\)\\.$`,
      ),
    );

    // The new worker trains on from the restored run, and Pause is answered.
    await trainPast(page, restored + 5);
    await button(page, 'Pause').click();
    await expect.poll(() => runStatus(page), { timeout: 2_000 }).toBe('Ready');
    // The steps already under way land within a moment; then the count stands still.
    await page.waitForTimeout(500);
    const paused = await stepOf(page);
    await page.waitForTimeout(1000);
    expect(await stepOf(page)).toBe(paused);
    expectClean(recorder);
  });

  test('an uncaught error it survives leaves training going and the engine ready', async () => {
    const { page } = await app.openApp('#/train?corpus=counting&hidden=32');
    await ready(page);
    await trainPast(page, 10);
    await engineWorker(page).evaluate(() => {
      setTimeout(() => {
        throw new Error('boom from the test');
      }, 0);
    });
    await expect
      .poll(() => engineStatus(page).innerText(), { timeout: 20_000 })
      .toMatch(
        /^Engine ready \(.+\); it reported an error and carries on \(.*boom from the test\)$/,
      );
    const at = await stepOf(page);
    await expect.poll(() => stepOf(page), { timeout: 10_000 }).toBeGreaterThan(at + 10);
    expect(await runStatus(page)).toBe('Training…');
    expect(page.workers()).toHaveLength(1);
    await button(page, 'Pause').click();
    await expect.poll(() => runStatus(page), { timeout: 2_000 }).toBe('Ready');
  });
});
