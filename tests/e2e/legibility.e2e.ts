// Legibility on a 375 px phone: chart text keeps a readable size (charts lay out in pixels
// rather than shrinking a wide drawing), equations with numbers plugged in scroll sideways
// instead of being cut off, and a legend's line swatch sits level with its label.
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import {
  PHONE,
  expectClean,
  screenshot,
  settle,
  setupApp,
  viewHeading,
  waitForEngineReady,
} from './harness.ts';

const app = setupApp();

/** The smallest rendered text size a chart may use, in CSS pixels. */
const MIN_TEXT_PX = 10;

/** Chart text (SVG <text>) drawn smaller than `min` px on screen: "class “text” size". */
function smallChartText(page: Page, min: number): Promise<string[]> {
  return page.evaluate((least) => {
    const out: string[] = [];
    for (const text of document.querySelectorAll('main svg text')) {
      const el = text as SVGTextElement;
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || el.textContent.trim() === '') continue;
      const ctm = el.getScreenCTM();
      if (ctm === null) continue;
      // The font size as drawn: the computed size times the SVG's scale on screen.
      const size = parseFloat(getComputedStyle(el).fontSize) * Math.hypot(ctm.a, ctm.b);
      if (size < least - 0.05)
        out.push(
          `${el.getAttribute('class') ?? el.parentElement?.getAttribute('class') ?? ''} “${el.textContent.trim()}” ${size.toFixed(1)} px`,
        );
    }
    return out;
  }, min);
}

/**
 * KaTeX equations cut off by an ancestor that hides overflow (rather than scrolling it), or that
 * run past the window's right edge with no scrolling box between.
 */
function clippedEquations(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const eq of document.querySelectorAll('main .katex')) {
      const box = eq.getBoundingClientRect();
      if (box.width === 0) continue;
      let scrolled = false;
      for (let a = eq.parentElement; a !== null && a !== document.body; a = a.parentElement) {
        const overflow = getComputedStyle(a).overflowX;
        if (overflow === 'auto' || overflow === 'scroll') {
          scrolled = true;
          // A sideways scroller hides what sticks out above or below it: tall fractions and
          // subscripts must fit its height.
          const edge = a.getBoundingClientRect();
          if (box.top < edge.top - 0.5 || box.bottom > edge.bottom + 0.5)
            out.push(`${eq.textContent.slice(0, 40)} cut at the top or bottom by .${a.className}`);
          break;
        }
        const edge = a.getBoundingClientRect();
        if ((overflow === 'hidden' || overflow === 'clip') && box.right > edge.right + 0.5) {
          out.push(`${eq.textContent.slice(0, 40)} cut by .${a.className}`);
          break;
        }
      }
      if (!scrolled && box.right > window.innerWidth + 0.5)
        out.push(`${eq.textContent.slice(0, 40)} runs off the screen`);
    }
    return out;
  });
}

describe.each([
  { hash: '#/forward?t=3', name: 'Forward pass', equations: true },
  { hash: '#/forward?model=gru&t=3', name: 'Forward pass, GRU', equations: true },
  { hash: '#/forward?model=rnn&t=3', name: 'Forward pass, RNN', equations: true },
  {
    hash: '#/forward?pass=backward&t=6&k=4',
    name: 'Forward pass, backward',
    equations: true,
    ready: '[data-testid="backward-equations"] .katex',
  },
  { hash: '#/train', name: 'Training', equations: false },
  { hash: '#/gradients', name: 'Gradient flow', equations: true },
  { hash: '#/gradients?gp=nonnormal', name: 'Gradient flow, non-normal', equations: true },
  { hash: '#/series', name: 'Time series', equations: true },
  {
    hash: '#/attention?atask=reverse&amax=6',
    name: 'Attention',
    equations: true,
    ready: '[data-testid="at-step"]',
  },
])('$name at 375 px', ({ hash, name, equations, ...more }) => {
  test('chart text is at least 10 px; equations scroll rather than being cut off', async () => {
    const { page, recorder } = await app.openApp(hash, { viewport: PHONE, reducedMotion: true });
    await viewHeading(page).waitFor();
    await waitForEngineReady(page);
    await page.locator('main svg text').first().waitFor();
    if (equations) await page.locator('main .katex').first().waitFor();
    // What shows only after a further answer from the engine.
    if ('ready' in more) await page.locator(more.ready).first().waitFor();
    await settle(page);
    await screenshot(page, `legibility-${name.replace(/\W+/g, '-')}`, { fullPage: true });
    expect(await smallChartText(page, MIN_TEXT_PX)).toEqual([]);
    expect(await clippedEquations(page)).toEqual([]);
    expectClean(recorder);
  });
});

test('after a training step, the Training view’s chart text is at least 10 px at 375 px', async () => {
  const { page, recorder } = await app.openApp('#/train', { viewport: PHONE, reducedMotion: true });
  await waitForEngineReady(page);
  const step = page.getByRole('button', { name: 'Step', exact: true });
  await expect.poll(() => step.isEnabled(), { timeout: 30_000 }).toBe(true);
  await step.click();
  await page.locator('.chart-legend li').first().waitFor();
  await settle(page);
  await screenshot(page, 'legibility-Training-stepped', { fullPage: true });
  expect(await smallChartText(page, MIN_TEXT_PX)).toEqual([]);
  expectClean(recorder);
});

test('a legend’s dashed line swatch is level with its label', async () => {
  const { page, recorder } = await app.openApp('#/train', { reducedMotion: true });
  await waitForEngineReady(page);
  const step = page.getByRole('button', { name: 'Step', exact: true });
  await expect.poll(() => step.isEnabled(), { timeout: 30_000 }).toBe(true);
  await step.click();
  const item = page.locator('.chart-legend li:has(.chart-legend__line)').first();
  await item.waitFor();
  const offset = await item.evaluate((li) => {
    const swatch = li.querySelector('svg')!.getBoundingClientRect();
    // The label's own line box: a range over the item's text.
    const range = document.createRange();
    range.selectNodeContents(li.lastChild!);
    const text = range.getBoundingClientRect();
    return swatch.top + swatch.height / 2 - (text.top + text.height / 2);
  });
  expect(Math.abs(offset)).toBeLessThanOrEqual(1);
  expectClean(recorder);
});

test('a strip’s and the belt’s tooltips name the unit and value, and stay on a phone screen', async () => {
  const { page, recorder } = await app.openApp('#/forward?t=3', {
    viewport: PHONE,
    reducedMotion: true,
  });
  await waitForEngineReady(page);
  const strip = page.getByRole('slider', { name: /^forget gate f_t/ });
  await strip.waitFor({ timeout: 15_000 });
  // The last unit, at the strip's right end: the tooltip must not run off the screen.
  const width = (await strip.boundingBox())!.width;
  await strip.hover({ position: { x: width - 1, y: 4 } });
  const tip = page.getByRole('tooltip');
  await expect
    .poll(() => tip.textContent({ timeout: 2000 }), { timeout: 10_000 })
    .toMatch(/^unit \d+, forget gate f_t: -?\d+\.\d{3}$/);
  const tipBox = (await tip.boundingBox())!;
  expect(tipBox.x).toBeGreaterThanOrEqual(0);
  expect(tipBox.x + tipBox.width).toBeLessThanOrEqual(PHONE.width);
  await screenshot(page, 'strip-tooltip-phone');
  await page.mouse.move(0, 0);
  const belt = page.getByRole('slider', { name: /Cell-state belt/ });
  await belt.focus();
  await expect
    .poll(() => tip.textContent({ timeout: 2000 }), { timeout: 10_000 })
    .toMatch(/^unit \d+: cell state c\(t−1\): /);
  await screenshot(page, 'belt-tooltip-phone');
  expectClean(recorder);
});
