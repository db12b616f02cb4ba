// The Forward pass view's backward mode in Chromium: the switch, stepping back through a text with
// keys and buttons while the running sums fill, the finite-difference check in the worker, a
// reload into the same backward step, reduced motion, and accessibility at desktop and phone
// width.
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

const TEXT = 'To be, or not to be';
const T = Array.from(TEXT).length - 1;

/** The backward step the view shows once the engine's answer for it has arrived. */
async function stepShown(page: Page, step: number): Promise<void> {
  await page.waitForFunction(
    (want) =>
      document.querySelector('.fwd-back')?.getAttribute('data-step') === String(want) &&
      document.querySelector('.fwd-back')?.getAttribute('aria-busy') === null,
    step,
    { timeout: 15_000 },
  );
}

function read(page: Page) {
  return page.evaluate(() => ({
    where: document.querySelector('.fwd-steps__where')?.textContent ?? '',
    sum: document.querySelector('[data-testid="sum-norm"]')?.textContent ?? '',
    done: document.querySelectorAll('.flow-step--done circle').length,
    dh: document.querySelector('.fwd-back [data-value="dh"]')?.textContent ?? '',
    complete: document.querySelector('[data-testid="sums-complete"]') !== null,
    tex: document.querySelector('[data-testid="backward-equations"] annotation')?.textContent ?? '',
  }));
}

describe('the backward mode', () => {
  test('steps back with keys and buttons, fills the sums, and reloads into the same step', async () => {
    const { page, recorder } = await app.openApp(
      `#/forward?model=gru&text=${encodeURIComponent(TEXT)}`,
    );
    await waitForEngineReady(page);
    await page.locator('.unrolled__col.is-current').waitFor({ timeout: 15_000 });
    await page.getByRole('radio', { name: 'Backward' }).check();
    await stepShown(page, T);
    const start = await read(page);
    expect(start.where).toBe(`Backward, step ${String(T)} of ${String(T)}`);
    expect(start.done).toBe(1);
    expect(start.complete).toBe(false);

    // Keys on the page: ← goes one step further back in time.
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('ArrowLeft');
    await stepShown(page, T - 1);
    await page.keyboard.press('ArrowLeft');
    await stepShown(page, T - 2);
    const twoBack = await read(page);
    expect(twoBack.done).toBe(3);
    // Buttons: one more step back, then forward again.
    await page.getByRole('button', { name: 'Step back', exact: true }).click();
    await stepShown(page, T - 3);
    const threeBack = await read(page);
    await page.getByRole('button', { name: 'Step forward', exact: true }).click();
    await stepShown(page, T - 2);
    expect((await read(page)).sum).toBe(twoBack.sum);
    // The running sum changes as steps join it.
    expect(new Set([start.sum, twoBack.sum, threeBack.sum]).size).toBe(3);

    // Home: the backward pass done, the sums complete.
    await page.keyboard.press('Home');
    await stepShown(page, 1);
    const done = await read(page);
    expect(done.complete).toBe(true);
    expect(done.done).toBe(T);

    // Check one weight by finite differences in the worker.
    await page.getByRole('button', { name: 'Check by finite differences' }).click();
    const out = page.getByTestId('grad-check');
    await expect.poll(() => out.textContent(), { timeout: 15_000 }).toContain('relative');
    const relative = Number(
      /relative difference (\d(?:\.\d+)?e[+-]\d+)/.exec((await out.textContent())!)?.[1],
    );
    expect(relative).toBeLessThan(1e-6);

    // Step 5, then reload: the same pass, step and numbers.
    for (let k = 1; k < 5; k++) await page.keyboard.press('ArrowRight');
    await stepShown(page, 5);
    await expect.poll(() => new URL(page.url()).hash).toContain('t=5');
    expect(new URL(page.url()).hash).toContain('pass=backward');
    const before = await read(page);
    await settle(page);
    await page.reload();
    await waitForEngineReady(page);
    await stepShown(page, 5);
    await page.locator('[data-testid="backward-equations"] .katex').waitFor();
    expect(await page.getByRole('radio', { name: 'Backward' }).isChecked()).toBe(true);
    expect(await read(page)).toEqual(before);
    expectClean(recorder);
  });

  test('plays from the last step down to the first', async () => {
    const { page, recorder } = await app.openApp(
      `#/forward?model=lstm&text=${encodeURIComponent(TEXT)}&pass=backward&t=4`,
    );
    await waitForEngineReady(page);
    await stepShown(page, 4);
    await page.getByRole('button', { name: 'Play' }).click();
    await stepShown(page, 1);
    await expect.poll(() => page.getByRole('button', { name: 'Play' }).count()).toBe(1);
    expectClean(recorder);
  });

  test('is instant under reduced motion and accessible at desktop and phone width', async () => {
    for (const viewport of [undefined, PHONE]) {
      const { page, recorder } = await app.openApp(
        `#/forward?model=lstm&pass=backward&t=6&k=4`,
        viewport ? { viewport, reducedMotion: true } : { reducedMotion: true },
      );
      await waitForEngineReady(page);
      await stepShown(page, 6);
      await page.locator('[data-testid="backward-equations"] .katex').waitFor();
      await expect(page.locator('.flow-strip--instant').count()).resolves.toBe(1);
      await expect(page.getByTestId('flow-cut').count()).resolves.toBeGreaterThan(0);
      await settle(page);
      await expectAccessible(page);
      const widths = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth: window.innerWidth,
      }));
      expect(widths.scrollWidth, 'page width').toBeLessThanOrEqual(widths.innerWidth);
      await screenshot(page, `backward-${viewport ? 'phone' : 'desktop'}`, { fullPage: true });
      expectClean(recorder);
    }
  });
});
