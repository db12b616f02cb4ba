// Takes the README's screenshot, docs/screenshot.png: the forward-pass view of the built app at
// 1280×800, once the engine is ready. Run `npm run build`, then `npx tsx scripts/screenshot.ts`.
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../tests/e2e/chromium.ts';
import { serveStatic } from '../tests/e2e/server.ts';

const root = resolve(import.meta.dirname, '..');
const dist = join(root, 'dist');
const output = join(root, 'docs', 'screenshot.png');

if (!existsSync(join(dist, 'index.html'))) {
  throw new Error('dist/index.html is missing: run `npm run build` first.');
}

const server = await serveStatic(dist);
const browser = await chromium.launch({
  executablePath: findChromium(),
  headless: true,
  args: [...CHROMIUM_ARGS],
});
try {
  const page = await browser.newPage({
    viewport: { width: 1280, height: 800 },
    reducedMotion: 'reduce',
  });
  await page.goto(new URL('#/forward', server.url).href);
  await page
    .locator('footer')
    .getByText(/engine ready/i)
    .waitFor({ timeout: 15_000 });
  // The view's panel is a lazily loaded chunk: wait for it, and for its fonts.
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  mkdirSync(join(root, 'docs'), { recursive: true });
  await page.screenshot({ path: output, animations: 'disabled' });
  console.log(`Wrote ${output}`);
} finally {
  await browser.close();
  await server.close();
}
