import { describe, test } from 'vitest';
import { screenshot, setupApp, waitForEngineReady, formatProblems } from './harness.ts';

const app = setupApp();

describe('scratch', () => {
  test('backward screenshots', async () => {
    for (const url of ['#/forward?model=lstm&pass=backward&k=8', '#/forward?model=gru&pass=backward', '#/forward?pass=backward&t=5']) {
      const { page, recorder } = await app.openApp(url);
      await waitForEngineReady(page);
      await page.locator('[data-testid="flow-strip"]').waitFor({ timeout: 20_000 });
      await page.waitForTimeout(800);
      await screenshot(page, `zz-${url.replace(/[^a-z0-9]/gi, '_')}`, { fullPage: true });
      console.log(url, formatProblems(recorder.problems));
      console.log(await page.evaluate(() => document.querySelector('.fwd-back')?.textContent?.slice(0, 600)));
    }
  }, 120_000);
});
