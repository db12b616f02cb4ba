// A teacher's links in Chromium: an embedded view (embed=1) has no header or footer and fits a
// small iframe, with its controls hidden as the link says (hide=) and a link that opens the same
// state in the full app; the teacher's tools hide a control at once and put it in the address.
import { describe, expect, test } from 'vitest';
import { expectAccessible, expectClean, setupApp, viewHeading } from './harness.ts';

const app = setupApp();

describe('links a teacher can send', () => {
  test('an embedded view with hidden controls, in a 640 px iframe’s width', async () => {
    const { page, recorder } = await app.openApp('#/gradients?gs=0.8&hide=s,seed&embed=1', {
      viewport: { width: 640, height: 720 },
    });
    await expect.poll(() => viewHeading(page).innerText()).toBe('Gradient flow');
    await page.locator('[data-control="t"]').waitFor();
    expect(await page.locator('header, footer, nav').count()).toBe(0);
    expect(await page.locator('[data-control="s"]').isVisible()).toBe(false);
    expect(await page.locator('[data-control="seed"]').isVisible()).toBe(false);
    expect(await page.locator('[data-control="t"]').isVisible()).toBe(true);
    const open = page.getByRole('link', { name: /^Open in Unrolled/ });
    expect(await open.getAttribute('target')).toBe('_blank');
    await open.focus();
    expect(new URL((await open.getAttribute('href'))!).hash).toBe(
      '#/gradients?gs=0.8&hide=s%2Cseed',
    );
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
    ).toBe(true);
    await expectAccessible(page);
    expectClean(recorder);
  });

  test('the tools under a view hide a control at once and keep it in the address', async () => {
    const { page, recorder } = await app.openApp('#/attention?lang=zh-CN');
    await page.locator('[data-control="hidden"]').waitFor();
    await page.getByText('教师工具', { exact: false }).click();
    const box = page.getByRole('checkbox', { name: '隐藏层大小' });
    await box.check();
    await expect.poll(() => page.locator('[data-control="hidden"]').isVisible()).toBe(false);
    expect(new URL(page.url()).hash).toMatch(/hide=hidden/);
    await page.waitForLoadState('networkidle');
    await page.reload();
    await page.locator('[data-control="task"]').waitFor();
    expect(await page.locator('[data-control="hidden"]').isVisible()).toBe(false);
    await expectAccessible(page);
    expectClean(recorder);
  });
});
