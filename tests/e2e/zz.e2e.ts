import { describe, test } from 'vitest';
import { screenshot, setupApp, waitForEngineReady, formatProblems } from './harness.ts';

const app = setupApp();

describe('scratch', () => {
  test('backward screenshots', async () => {
    for (const url of ['#/forward?model=gru&pass=backward&t=20', '#/forward?model=fresh-rnn&pass=backward&t=10']) {
      const { page, recorder } = await app.openApp(url);
      await waitForEngineReady(page);
      await page.locator('[data-testid="flow-strip"]').waitFor({ timeout: 20_000 });
      await page.locator('[data-testid="backward-equations"] .katex').waitFor({ timeout: 20_000 });
      await page.locator('#fwd-beq-h').scrollIntoViewIfNeeded();
      await page.waitForTimeout(500);
      await screenshot(page, `zz-eq-${url.replace(/[^a-z0-9]/gi, '_')}`);
      await page.locator('[data-testid="backward-equations"]').scrollIntoViewIfNeeded();
      await page.waitForTimeout(300);
      await screenshot(page, `zz-eq2-${url.replace(/[^a-z0-9]/gi, '_')}`);
      await page.getByRole('button', { name: 'Check by finite differences' }).click();
      await page.waitForFunction(() => (document.querySelector('[data-testid="grad-check"]')?.textContent ?? '').includes('relative'));
      console.log(await page.locator('[data-testid="grad-check"]').textContent());
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('ArrowLeft');
      await page.waitForTimeout(800);
      console.log(await page.locator('.fwd-steps__where').textContent(), await page.locator('[data-testid="sum-norm"]').textContent(), page.url());
      console.log(url, formatProblems(recorder.problems));
    }
  }, 120_000);
});
