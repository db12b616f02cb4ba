// The Training view in Chromium, timed: press Train on tinyshakespeare and print when the validation
// loss first reaches 2.0, 1.8, 1.6 and 1.5 nats/char, the speed, and the main thread's long tasks.
// BENCH_APP_HASH chooses the settings (default: the view's defaults and hidden 128); BENCH_APP_SECONDS
// how long to train (default 180). Figures only: nothing here fails on a time.
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import {
  longTasks,
  resetLongTasks,
  setupApp,
  waitForEngineReady,
} from '../../tests/e2e/harness.ts';

const app = setupApp();
const THRESHOLDS = [2.0, 1.8, 1.6, 1.5];
const hashes = (process.env['BENCH_APP_HASH'] ?? '#/train|#/train?hidden=128').split('|');
const seconds = Number(process.env['BENCH_APP_SECONDS'] ?? 180);

const valLoss = async (page: Page): Promise<{ loss: number; step: number } | null> => {
  const text = await page.getByTestId('val-loss').innerText();
  const m = /Validation loss ([\d.]+) nats\/char at step ([\d,]+)/.exec(text);
  return m ? { loss: Number(m[1]), step: Number(m[2]!.replace(/,/g, '')) } : null;
};

describe('training speed in the app', () => {
  test.each(hashes)('%s', async (hash) => {
    const { page } = await app.openApp(hash);
    await waitForEngineReady(page);
    const train = page.getByRole('button', { name: 'Train', exact: true });
    await expect.poll(() => train.isEnabled(), { timeout: 60_000 }).toBe(true);
    const summary = await page.locator('.run-bar__stats').innerText();
    await resetLongTasks(page);
    await train.click();
    const started = Date.now();
    const reached = new Map<number, { s: number; step: number; loss: number }>();
    let last: { loss: number; step: number } | null = null;
    while (Date.now() - started < seconds * 1000 && !reached.has(1.5)) {
      await page.waitForTimeout(1000);
      const v = await valLoss(page);
      if (v === null || (last !== null && v.step === last.step)) continue;
      last = v;
      for (const th of THRESHOLDS)
        if (!reached.has(th) && v.loss <= th)
          reached.set(th, { s: (Date.now() - started) / 1000, ...v });
    }
    const speed = (await page.locator('.run-bar__stats').innerText()).replace(/\s+/g, ' ');
    const tasks = await longTasks(page);
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    console.log(`\n${hash} (${summary.replace(/\s+/g, ' ')})`);
    for (const th of THRESHOLDS) {
      const r = reached.get(th);
      console.log(
        `  ≤ ${th.toFixed(1)}: ${r ? `${r.s.toFixed(0)} s (step ${String(r.step)}, ${r.loss.toFixed(3)})` : `not within ${String(seconds)} s`}`,
      );
    }
    console.log(
      `  last validation: ${last ? `${last.loss.toFixed(3)} at step ${String(last.step)}` : 'none'}; ${speed}`,
    );
    console.log(
      `  long tasks on the main thread: ${String(tasks.count)}, worst ${tasks.worstMs.toFixed(0)} ms`,
    );
    expect(last).not.toBeNull();
  });
});
