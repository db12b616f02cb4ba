// The interface in Simplified Chinese in Chromium: `lang=zh-CN` shows the shell's words in
// Chinese with real glyphs (Debian's Noto CJK, installed by .ci/run), at 1280 and 375 px without
// sideways scrolling; the switch goes back to English and keeps the view. Screenshots of each view
// in Chinese are written for the record. No console error, axe clean.
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import {
  expectAccessible,
  engineStatus,
  expectClean,
  PHONE,
  screenshot,
  settle,
  setupApp,
  viewHeading,
} from './harness.ts';

const app = setupApp();

const VIEWS = [
  ['lesson', '引导课程'],
  ['forward', '前向传播'],
  ['train', '训练'],
  ['gradients', '梯度流'],
  ['series', '时间序列'],
  ['tagging', '序列标注'],
  ['attention', '注意力机制'],
  ['about', '关于 Unrolled'],
] as const;

async function pageWidths(page: Page) {
  return page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
}

describe('简体中文', () => {
  test.each(VIEWS)('the %s view in Chinese', async (view, heading) => {
    const { page, recorder } = await app.openApp(`#/${view}?lang=zh-CN`);
    await expect
      .poll(() => engineStatus(page).innerText(), { timeout: 10_000 })
      .toMatch(/^引擎就绪/);
    await expect.poll(() => viewHeading(page).innerText()).toBe(heading);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    expect(await page.title()).toMatch(/ — Unrolled$/);
    // The view's panel, not the shell's loading line, in the screenshot.
    await page.locator('main .loading').waitFor({ state: 'detached' });
    if (view === 'attention') await page.getByTestId('at-step').waitFor();
    await settle(page);
    await screenshot(page, `zh-CN-${view}`);
    expectClean(recorder);
  });

  test('what the worker refuses reads in Chinese: a damaged model file, a CSV with a gap', async () => {
    const { page, recorder } = await app.openApp('#/train?lang=zh-CN&hidden=16');
    await expect
      .poll(() => engineStatus(page).innerText(), { timeout: 10_000 })
      .toMatch(/^引擎就绪/);
    await page.locator('main .loading').waitFor({ state: 'detached' });
    // Read and refused by the engine in the worker; the reason crosses as a code.
    await page.locator('#import-model').setInputFiles({
      name: 'model.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ format: 'unrolled-model', version: 2 })),
    });
    const alert = page.getByRole('alert').first();
    await expect.poll(() => alert.innerText(), { timeout: 30_000 }).toMatch(/“config”/);
    const refusal = await alert.innerText();
    expect(refusal).toMatch(/文件中没有 “config” 对象。/);
    // Nothing but the file's own key names is left in English.
    expect(refusal.replace(/“config”/g, '')).not.toMatch(/[A-Za-z]{3}/);

    await page.goto(new URL('#/series?lang=zh-CN&series=sines', page.url()).href);
    const gap = [
      'date,value',
      ...Array.from({ length: 30 }, (_, t) => `${t},${t === 12 ? '' : t}`),
    ];
    await page.getByLabel('你自己的 CSV').setInputFiles({
      name: 'gap.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`${gap.join('\n')}\n`),
    });
    await expect.poll(() => page.getByRole('alert').first().innerText()).toMatch(/^gap\.csv：/);
    const csv = await page.getByRole('alert').first().innerText();
    expect(csv).toMatch(/第 14 行/);
    expect(csv.replace(/gap\.csv|“value”/g, '')).not.toMatch(/[A-Za-z]{3}/);
    await screenshot(page, 'zh-CN-refusal');
    expectClean(recorder);
  });

  test('at 375 px the Chinese shell fits, and the switch goes back to English', async () => {
    const { page, recorder } = await app.openApp('#/attention?lang=zh-CN', { viewport: PHONE });
    await expect.poll(() => viewHeading(page).innerText()).toBe('注意力机制');
    // The view's own words in Chinese, and all of it within the width.
    await page.getByTestId('at-step').waitFor();
    await settle(page);
    expect(await page.getByRole('heading', { name: '解码器在看哪里' }).count()).toBe(1);
    const widths = await pageWidths(page);
    expect(widths.scrollWidth, 'page width').toBeLessThanOrEqual(widths.innerWidth);
    await screenshot(page, 'zh-CN-attention-phone');
    await expectAccessible(page);
    await page.getByRole('combobox', { name: '语言' }).selectOption('en');
    await expect.poll(() => viewHeading(page).innerText()).toBe('Attention');
    expect(page.url()).toMatch(/#\/attention\?lang=en$/);
    expectClean(recorder);
  });
});
