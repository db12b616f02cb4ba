// The guided lesson in Chromium, in English and in 简体中文: the contents lists the ten chapters;
// each chapter, opened from the contents or from the card before it, shows its view's heading and
// its own title, an address with every setting of its `opens` and `ch=<id>`, no notice about the
// address, and its view in the promised state (the table below, read from the real controls); its
// question gives the hint after a wrong answer and the "right" message after the right one. For
// four chapters the answer is read from the view itself (the character read at step 3, the note
// at step 1 of the backward pass, the gradient-norm table shrinking back to step 1, the LSTM's
// cell path keeping about 0.58 of the gradient). At the end a reload of the contents shows every
// question answered (localStorage). In Chinese every chapter is photographed (full page) and two
// are checked at 375 px for sideways scrolling; axe runs on the contents and on one chapter in
// both languages. No console error. Nothing is trained: the training, tagging, attention and
// series chapters need only their views opened.
import type { Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import type { Locale } from '../../src/content/i18n/index.ts';
import { MESSAGES } from '../../src/content/i18n/all.ts';
import { CHAPTERS, LESSON_TEXT, type ChapterId } from '../../src/content/lesson/index.ts';
import {
  DESKTOP,
  PHONE,
  engineStatus,
  expectAccessible,
  expectClean,
  screenshot,
  setupApp,
  viewHeading,
} from './harness.ts';

const app = setupApp();

type Chapter = (typeof CHAPTERS)[number];

/** The chapter card above the view. */
const card = (page: Page): Locator => page.locator('main aside.lesson-card');

/** The view and the settings of a chapter's `opens` (`forward?model=rnn&t=1`). */
function opensOf(chapter: Chapter): { view: string; params: URLSearchParams } {
  const [view = '', query = ''] = chapter.opens.split('?');
  return { view, params: new URLSearchParams(query) };
}

/** The view and settings of the page's address now. */
function addressOf(page: Page): { view: string; params: URLSearchParams } {
  const hash = new URL(page.url()).hash.replace(/^#\//, '');
  const [view = '', query = ''] = hash.split('?');
  return { view, params: new URLSearchParams(query) };
}

/** The keys of `opens` missing from the address or holding another value, and a missing ch. */
function addressProblems(page: Page, chapter: Chapter): string[] {
  const want = opensOf(chapter);
  const got = addressOf(page);
  const problems: string[] = [];
  if (got.view !== want.view) problems.push(`view ${got.view} (want ${want.view})`);
  for (const [key, value] of [...want.params, ['ch', chapter.id]] as [string, string][]) {
    const shown = got.params.get(key);
    if (shown !== value) problems.push(`${key}=${String(shown)} (want ${value})`);
  }
  return problems;
}

/** "Step 3 of 5" or "第 3 步，共 5 步": the step shown and the number of steps (the where line). */
async function where(page: Page): Promise<{ t: number; T: number }> {
  const text = await page.locator('.fwd-steps__where').innerText();
  const m = /(\d+)\D+(\d+)/.exec(text);
  return m ? { t: Number(m[1]), T: Number(m[2]) } : { t: Number.NaN, T: Number.NaN };
}

/** The step shown, 1-based. */
async function stepShown(page: Page): Promise<number> {
  return (await where(page)).t;
}

/** Waits until the Forward view shows a trace. */
async function forwardReady(page: Page): Promise<void> {
  await page.locator('.unrolled__col.is-current').waitFor({ timeout: 20_000 });
}

/** The Forward view's model, text and step, read from its controls. */
async function expectForward(page: Page, model: string, text: string, t: number): Promise<void> {
  await forwardReady(page);
  await expect.poll(() => page.locator('.fwd-input select').first().inputValue()).toBe(model);
  expect(await page.locator('.fwd-input input[type="text"]').inputValue()).toBe(text);
  await expect.poll(() => stepShown(page)).toBe(t);
  expect(
    await page.locator('.unrolled__col.is-current').getAttribute('data-step'),
    'the highlighted column',
  ).toBe(String(t - 1));
}

/** The Gradient flow view's preset and one slider, once its results are shown. */
async function expectGradients(page: Page, preset: string, param: string, value: number) {
  await page.locator('.gf-flow').waitFor({ timeout: 15_000 });
  expect(await page.locator('input[name="gf-preset"]:checked').getAttribute('value')).toBe(preset);
  const slider = page.locator(`input[type="range"][data-param="${param}"]`);
  expect(Number(await slider.inputValue())).toBe(value);
}

/** The gradient-norm table (Show data under the chart): k and the column named `column`. */
async function normTable(page: Page, column: string): Promise<{ k: number; norm: number }[]> {
  const toggle = page.locator('.gf-flow .show-data__toggle');
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  const table = page.locator('.gf-flow table.show-data__table');
  // The table follows the chapter's settings once the worker has computed them.
  let heads: string[] = [];
  await expect
    .poll(
      async () => {
        heads = await table.locator('thead th').allInnerTexts();
        return heads.some((h) => h.trim() === column);
      },
      { timeout: 15_000, message: `a column "${column}"` },
    )
    .toBe(true);
  const at = heads.findIndex((h) => h.trim() === column);
  expect(at, `a column "${column}" among ${heads.join(' | ')}`).toBeGreaterThan(1);
  const rows: { k: number; norm: number }[] = [];
  for (const row of await table.locator('tbody tr').all()) {
    const cells = (await row.locator('th, td').allInnerTexts()).map((c) => c.trim());
    rows.push({ k: Number(cells[0]), norm: Number(cells[at]) });
  }
  return rows;
}

/** Each chapter's view in the state the chapter promises, read from the view's own controls. */
const PROMISED: Record<ChapterId, (page: Page, locale: Locale) => Promise<void>> = {
  step: (page) => expectForward(page, 'rnn', 'hello', 1),
  unroll: (page) => expectForward(page, 'lstm', 'recurrent', 5),
  loss: (page) => expectForward(page, 'gru', 'the cat sat', 3),
  training: async (page) => {
    await expect.poll(() => page.locator('select#corpus').inputValue()).toBe('shakespeare');
  },
  bptt: async (page) => {
    await forwardReady(page);
    await expect.poll(() => page.locator('.fwd-input select').first().inputValue()).toBe('rnn');
    expect(await page.locator('.fwd-input input[type="text"]').inputValue()).toBe('hello');
    expect(await page.locator('.fwd-pass input[value="backward"]').isChecked()).toBe(true);
    await page.locator('.fwd-back').waitFor({ timeout: 15_000 });
    // The chapter's "try": press ← to go back from the last step towards step 1, so the backward
    // pass should start at its last step (soft: the rest of the lesson is still walked).
    const { t, T } = await where(page);
    expect.soft(t, `the backward pass opens at step ${String(t)} of ${String(T)}`).toBe(T);
  },
  vanishing: (page) => expectGradients(page, 'scale', 's', 0.8),
  gates: (page) => expectGradients(page, 'carousel', 'bf', 4),
  bidirectional: async (page, locale) => {
    const checked = page.locator('[data-control="task"] input[type="radio"]:checked');
    await expect.poll(() => checked.count()).toBe(1);
    const label = (await checked.locator('xpath=..').innerText()).trim();
    expect(label).toBe(MESSAGES[locale].tagging.tasks.future.label);
    await page.locator('[data-control="lookahead"]').waitFor();
  },
  attention: async (page) => {
    const task = page.locator('.at-controls [data-control="task"] select');
    await expect.poll(() => task.inputValue(), { timeout: 15_000 }).toBe('reverse');
    expect(await page.locator('.at-controls [data-control="attention"] select').inputValue()).toBe(
      'additive',
    );
  },
  series: async (page) => {
    const series = page.locator('.ts-controls [data-control="series"] select');
    await expect.poll(() => series.inputValue(), { timeout: 15_000 }).toBe('seattle');
  },
};

/** The answer read from the view itself, for the chapters whose question allows it. */
const READ_FROM_VIEW: Partial<Record<ChapterId, (page: Page, locale: Locale) => Promise<void>>> = {
  // Step 3 reads "l": two steps forward from step 1, with the view's own button.
  step: async (page, locale) => {
    const next = page.getByRole('button', {
      name: MESSAGES[locale].forward.steps.next,
      exact: true,
    });
    await next.click();
    await expect.poll(() => stepShown(page)).toBe(2);
    await next.click();
    await expect.poll(() => stepShown(page)).toBe(3);
    const read = page.locator('.unrolled__col.is-current .unrolled__input text').first();
    expect(await read.textContent()).toBe('l');
    expect(await page.locator('.unrolled__col.is-current').getAttribute('data-step')).toBe('2');
  },
  // At step 1 of the backward pass the note says the sum is the optimizer's gradient.
  bptt: async (page, locale) => {
    const start = page.getByRole('button', {
      name: MESSAGES[locale].forward.steps.start,
      exact: true,
    });
    if ((await start.getAttribute('aria-disabled')) !== 'true') await start.click();
    const note = page.getByTestId('sums-complete');
    await note.waitFor({ timeout: 15_000 });
    expect(await note.innerText()).toBe(MESSAGES[locale].forward.backward.complete);
    expect(await stepShown(page)).toBe(1);
  },
  // s = 0.8: the norm shrinks at every step from k = T back to k = 0, by about 0.8 a step.
  vanishing: async (page) => {
    const rows = await normTable(page, '‖∂h_T/∂h_k‖');
    const T = rows[0]!.k;
    expect(rows.map((r) => r.k)).toEqual(Array.from({ length: T + 1 }, (_, i) => T - i));
    for (let i = 1; i < rows.length; i++)
      expect(rows[i]!.norm, `k = ${String(rows[i]!.k)}`).toBeLessThan(rows[i - 1]!.norm);
    const ratio = rows.at(-1)!.norm / rows[0]!.norm;
    expect(ratio).toBeCloseTo(0.8 ** T, 6);
    expect(ratio).toBeLessThan(1e-4);
  },
  // b_f = 4: the LSTM's cell path keeps σ(4)^30 ≈ 0.58 of the gradient from step T to step 1.
  gates: async (page) => {
    const rows = await normTable(page, 'LSTM ‖∂c_T/∂c_k‖');
    const atT = rows[0]!;
    const at1 = rows.at(-1)!;
    expect(atT.k).toBe(30);
    expect(at1.k).toBe(0);
    expect(at1.norm / atT.norm).toBeCloseTo(0.58, 2);
  },
};

/** The wrong answer gives the hint; the right one the "right" message. */
async function answer(page: Page, chapter: Chapter, locale: Locale): Promise<void> {
  const text = LESSON_TEXT[locale][chapter.id];
  const words = MESSAGES[locale].lesson.card;
  const form = card(page).locator('form.lesson-card__question');
  const options = form.getByRole('radio');
  expect(await options.count()).toBe(text.options.length);
  expect(await form.locator('fieldset').innerText()).toContain(text.question);
  const feedback = form.getByRole('status');
  const check = form.getByRole('button', { name: words.check, exact: true });

  await options.nth(chapter.answer === 0 ? 1 : 0).check();
  await check.click();
  await expect.poll(() => feedback.innerText()).toBe(words.wrong.replace('{{hint}}', text.hint));

  await options.nth(chapter.answer).check();
  await check.click();
  await expect.poll(() => feedback.innerText()).toBe(`${words.right} ${text.why}`);
}

async function pageFits(page: Page): Promise<void> {
  await page.setViewportSize(PHONE);
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => done(null))));
  const widths = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(widths.scrollWidth, 'page width at 375 px').toBeLessThanOrEqual(widths.innerWidth);
  await page.setViewportSize(DESKTOP);
}

const progressLine = (page: Page) => page.locator('main .lesson > p[role="status"]');

async function walkLesson(locale: Locale): Promise<void> {
  const words = MESSAGES[locale];
  const zh = locale === 'zh-CN';
  const contents = `#/lesson${zh ? '?lang=zh-CN' : ''}`;
  const started = Date.now();
  const { page, recorder } = await app.openApp(contents);
  await expect
    .poll(() => engineStatus(page).innerText(), { timeout: 15_000 })
    .toMatch(/^(Engine ready|引擎就绪)/);
  await expect.poll(() => viewHeading(page).innerText()).toBe(words.views.lesson.heading);

  // The contents: ten chapters in order, a start link and no progress yet.
  const items = page.locator('ol.lesson__chapters > li');
  await expect.poll(() => items.count()).toBe(CHAPTERS.length);
  for (const [n, chapter] of CHAPTERS.entries()) {
    const item = items.nth(n);
    expect(await item.getAttribute('data-chapter')).toBe(chapter.id);
    const link = item.locator('a').first();
    expect(await link.innerText()).toBe(LESSON_TEXT[locale][chapter.id].title);
    expect(await link.getAttribute('href')).toContain(`ch=${chapter.id}`);
  }
  expect(await page.getByRole('link', { name: words.lesson.start, exact: true }).count()).toBe(1);
  expect(await progressLine(page).innerText()).toBe(
    words.lesson.progress.replace('{{done}}', '0').replace('{{total}}', '10'),
  );
  await expectAccessible(page);

  for (const [n, chapter] of CHAPTERS.entries()) {
    const text = LESSON_TEXT[locale][chapter.id];
    const view = opensOf(chapter).view as keyof typeof words.views;
    if (n === 0) await items.nth(0).locator('a').first().click();
    else await card(page).locator('a[rel="next"]').click();

    // a. The view's heading, the chapter's title, the address, no notice.
    await expect
      .poll(() => card(page).getAttribute('data-chapter'), { timeout: 15_000 })
      .toBe(chapter.id);
    await expect.poll(() => viewHeading(page).innerText()).toBe(words.views[view].heading);
    expect(await card(page).getByRole('heading', { level: 2 }).innerText()).toBe(text.title);
    expect(await page.getByRole('complementary', { name: text.title, exact: true }).count()).toBe(
      1,
    );
    // b. The view in the promised state.
    await PROMISED[chapter.id](page, locale);
    await expect.poll(() => addressProblems(page, chapter), { timeout: 5_000 }).toEqual([]);
    if (zh) expect(addressOf(page).params.get('lang')).toBe('zh-CN');
    expect(await page.locator('main .notice').count(), 'a notice about the address').toBe(0);
    // d. The answer can be read from the view.
    await READ_FROM_VIEW[chapter.id]?.(page, locale);
    // c. The question: a hint, then the right answer.
    await answer(page, chapter, locale);

    if (zh) {
      await page.locator('main .loading').waitFor({ state: 'detached' });
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      await screenshot(page, `lesson-zh-CN-${chapter.id}`, { fullPage: true });
      if (chapter.id === 'step' || chapter.id === 'attention') await pageFits(page);
    }
    if (chapter.id === 'step') await expectAccessible(page);
    expect(await page.locator('main .notice').count(), 'a notice after using the view').toBe(0);
  }
  expect(await card(page).locator('a[rel="next"]').count()).toBe(0);

  // 2. Every question answered, kept in this browser across a reload.
  await card(page).getByRole('link', { name: words.lesson.card.contents, exact: true }).click();
  await expect.poll(() => viewHeading(page).innerText()).toBe(words.views.lesson.heading);
  // Reload once nothing is loading (a request cut short by the reload would count as failed).
  await page.waitForLoadState('networkidle');
  await page.reload({ waitUntil: 'load' });
  await expect.poll(() => progressLine(page).innerText()).toBe(words.lesson.complete);
  expect(await page.locator('ol.lesson__chapters .lesson__done').count()).toBe(CHAPTERS.length);
  expectClean(recorder);
  console.log(`The lesson in ${locale}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

describe('the guided lesson', () => {
  test('every chapter in English: its view, its state, its question', async () => {
    await walkLesson('en');
  }, 120_000);

  test('every chapter in 简体中文: its view, its state, its question, screenshots', async () => {
    await walkLesson('zh-CN');
  }, 120_000);
});
