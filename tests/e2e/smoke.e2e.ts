// Smoke tests of the built app in Chromium: every view loads cleanly, is accessible, fits a
// phone, and can be reached by keyboard; the engine worker starts; bad addresses are handled;
// the About page renders its equations with bundled fonts; the page carries its CSP.
import { describe, expect, inject, test } from 'vitest';
import {
  PHONE,
  engineStatus,
  expectAccessible,
  expectClean,
  navLink,
  screenshot,
  settle,
  setupApp,
  viewHeading,
  waitForEngineReady,
} from './harness.ts';

const app = setupApp();

/** Each view, and the view its keyboard test starts from. */
const VIEWS = [
  { hash: '#/forward', link: 'Forward pass', name: 'forward', from: '#/train' },
  { hash: '#/train', link: 'Training', name: 'train', from: '#/gradients' },
  { hash: '#/gradients', link: 'Gradient flow', name: 'gradients', from: '#/forward' },
  { hash: '#/about', link: 'About', name: 'about', from: '#/forward' },
] as const;

/** The view's route, whatever settings the app appends: `#/train?cell=gru` is on `#/train`. */
function routeOf(url: string): string {
  return new URL(url).hash.split('?')[0] ?? '';
}

describe.each(VIEWS)('the $link view ($hash)', ({ hash, link, name, from }) => {
  test('loads with no error, failed request or request elsewhere', async () => {
    const { page, recorder } = await app.openApp(hash);
    await expect(viewHeading(page).innerText()).resolves.not.toBe('');
    await expect(navLink(page, link).getAttribute('aria-current')).resolves.toBe('page');
    await waitForEngineReady(page);
    await settle(page);
    await screenshot(page, `${name}-desktop`);
    expectClean(recorder);
  });

  test.each(['light', 'dark'] as const)(
    'has no serious or critical accessibility violation (%s theme)',
    async (colorScheme) => {
      const { page } = await app.openApp(hash, { colorScheme });
      await viewHeading(page).waitFor();
      await settle(page);
      await expect(page.locator('html').getAttribute('data-theme')).resolves.toBe(colorScheme);
      if (colorScheme === 'dark') await screenshot(page, `${name}-dark`);
      await expectAccessible(page);
    },
  );

  test('fits a 375 px screen without horizontal scrolling', async () => {
    const { page, recorder } = await app.openApp(hash, { viewport: PHONE });
    await viewHeading(page).waitFor();
    await settle(page);
    await screenshot(page, `${name}-phone`, { fullPage: true });
    const widths = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
    }));
    expect(widths.scrollWidth, 'page width at 375 px').toBeLessThanOrEqual(widths.innerWidth);
    expectClean(recorder);
  });

  test('is reached from another view with Tab and Enter alone', async () => {
    const { page, recorder } = await app.openApp(from);
    const before = await viewHeading(page).innerText();
    const target = navLink(page, link);
    let presses = 0;
    const isFocused = (): Promise<boolean> =>
      target.evaluate((element) => element === document.activeElement);
    while (!(await isFocused())) {
      presses += 1;
      expect(presses, `Tab should reach the "${link}" link within 30 presses`).toBeLessThanOrEqual(
        30,
      );
      await page.keyboard.press('Tab');
    }
    await page.keyboard.press('Enter');
    await expect.poll(() => routeOf(page.url())).toBe(hash);
    await expect.poll(() => viewHeading(page).innerText()).not.toBe(before);
    expectClean(recorder);
  });
});

test('the footer says the engine is ready within 5 seconds', async () => {
  const { page, recorder } = await app.openApp('#/forward');
  await expect(engineStatus(page).innerText()).resolves.not.toMatch(/failed|error/i);
  await waitForEngineReady(page, 5_000);
  expectClean(recorder);
});

test('a garbage address shows the default view with a notice', async () => {
  const { page, recorder } = await app.openApp('#/nope?x=%%%');
  await expect(viewHeading(page).innerText()).resolves.not.toBe('');
  await expect(navLink(page, 'Forward pass').getAttribute('aria-current')).resolves.toBe('page');
  const notice = page.getByRole('main').getByRole('status');
  await expect
    .poll(() => notice.innerText(), { message: 'a notice about the address' })
    .not.toBe('');
  await settle(page);
  expectClean(recorder);
});

test('the About page renders KaTeX with its bundled fonts', async () => {
  const { page, recorder } = await app.openApp('#/about');
  await page.locator('.katex').first().waitFor();
  await settle(page);
  const katexFonts = await page.evaluate(() =>
    [...document.fonts]
      .filter((font) => font.family.includes('KaTeX') && font.status === 'loaded')
      .map((font) => font.family),
  );
  expect(katexFonts, 'KaTeX fonts loaded from the app itself').not.toEqual([]);
  expect(recorder.problems.foreignRequests).toEqual([]);
  expectClean(recorder);
});

test('the built page carries a Content-Security-Policy', async () => {
  const html = await (await fetch(inject('baseUrl'))).text();
  const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(html);
  expect(meta, 'a CSP <meta> in index.html').not.toBeNull();
  const policy = meta?.[1] ?? '';
  expect(policy).toMatch(/default-src 'self'/);
  expect(policy).toMatch(/script-src 'self'/);
  expect(policy).not.toMatch(/'unsafe-eval'/);
});
