// The Forward pass view in Chromium: the pretrained model loads, stepping with buttons and keys
// moves the highlight and updates gates, equations and guesses, the URL restores the view, the
// page stays clean and accessible, and a step's time to the next paint is measured and printed.
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import {
  PHONE,
  expectAccessible,
  expectClean,
  longTasks,
  resetLongTasks,
  screenshot,
  settle,
  setupApp,
  waitForEngineReady,
} from './harness.ts';
import { describeTasks, traceMainThread } from './mainThread.ts';

const app = setupApp();

/** Waits until the view shows a trace (the diagram and the plugged equations are typeset). */
async function ready(page: Page): Promise<void> {
  await waitForEngineReady(page);
  await page.locator('.unrolled__col.is-current').waitFor({ timeout: 15_000 });
  await page.locator('[data-testid="plugged-equations"] .katex').waitFor();
}

/** What the view shows for the current step, read from the page. */
function snapshot(page: Page) {
  return page.evaluate(() => {
    const text = (selector: string) => document.querySelector(selector)?.textContent ?? null;
    return {
      step: document.querySelector('.unrolled__col.is-current')?.getAttribute('data-step') ?? null,
      where: text('.fwd-steps__where'),
      f: text('.heat-strips [data-value="f"]'),
      h: text('.heat-strips [data-value="h"]'),
      gates: [...document.querySelectorAll('.heat-strips [data-value]')]
        .filter((e) => e.getAttribute('data-value') !== 'hprev')
        .map((e) => e.textContent ?? ''),
      diagramH: text('.unrolled__col.is-current .unrolled__value'),
      tex: text('[data-testid="plugged-equations"] annotation'),
      loss: text('[data-value="loss"]'),
      guesses: document.querySelector('.top-guesses svg')?.getAttribute('aria-label') ?? null,
      live: text('[aria-live="polite"][aria-atomic="true"]'),
    };
  });
}

type Snapshot = Awaited<ReturnType<typeof snapshot>>;

/** The snapshot once the deferred details (cell, equations) show the highlighted step. */
async function settled(page: Page): Promise<Snapshot> {
  await page.waitForFunction(() => {
    const step = Number(
      document.querySelector('.unrolled__col.is-current')?.getAttribute('data-step'),
    );
    const label = `step ${String(step + 1)}`;
    return (
      document.querySelector('#fwd-cell-h')?.textContent?.endsWith(label) === true &&
      document.querySelector('.fwd-equations h3')?.textContent?.includes(`at ${label}`) === true
    );
  });
  return snapshot(page);
}

/** The numbers of one step agree with each other across strips, diagram and equations. */
function expectConsistent(s: Snapshot): void {
  expect(s.h).not.toBeNull();
  expect(s.diagramH).toBe(s.h);
  expect(s.gates.length).toBeGreaterThan(1);
  for (const v of s.gates) expect(s.tex).toContain(v);
}

describe('the Forward pass view', () => {
  test('steps with buttons and keys; gates, equations and guesses follow', async () => {
    const { page, recorder } = await app.openApp('#/forward');
    await ready(page);
    const first = await settled(page);
    expect(first.step).toBe('0');
    expect(first.where).toMatch(/^Step 1 of 44$/);
    expectConsistent(first);

    await page.getByRole('button', { name: 'Step forward', exact: true }).click();
    const second = await settled(page);
    expect(second.step).toBe('1');
    expect(second.f).not.toBe(first.f);
    expect(second.tex).not.toBe(first.tex);
    expect(second.guesses).not.toBe(first.guesses);
    expect(second.live).toMatch(/^Step 2 of 44: read “e”, top guess/);
    expectConsistent(second);
    await expect.poll(() => new URL(page.url()).hash).toBe('#/forward?t=2');

    // Keys work once focus is in the view (here: on the button just clicked).
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect((await settled(page)).step).toBe('3');
    await page.keyboard.press('ArrowLeft');
    expect((await settled(page)).step).toBe('2');
    await page.keyboard.press('End');
    const end = await settled(page);
    expect(end.step).toBe('43');
    expectConsistent(end);
    await page.keyboard.press('Home');
    expect((await settled(page)).step).toBe('0');

    await page.getByRole('button', { name: 'Step back', exact: true }).focus();
    await page.locator('.diagram-scroll').focus();
    await page.keyboard.press('Space');
    await expect.poll(async () => Number((await settled(page)).step)).toBeGreaterThan(1);
    await page.keyboard.press('Space');
    await expect(page.getByRole('button', { name: 'Play', exact: true }).count()).resolves.toBe(1);

    // The text box keeps its keys.
    const box = page.getByRole('textbox', { name: /Text/ });
    const before = (await settled(page)).step;
    await box.focus();
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowLeft');
    expect((await settled(page)).step).toBe(before);

    // A click on a column jumps there.
    await page.locator('.unrolled__col[data-step="6"] .unrolled__input').click();
    expect((await settled(page)).step).toBe('6');
    await screenshot(page, 'forward-stepped-desktop');
    expectClean(recorder);
  });

  test('reloading restores the model, text, step, layer and unit from the URL', async () => {
    const { page, recorder } = await app.openApp(
      '#/forward?model=gru&text=To+be%2C+or+not+to+be&t=5&unit=7',
    );
    await ready(page);
    const shown = await settled(page);
    expect(shown.step).toBe('4');
    await expect(page.getByRole('spinbutton', { name: /Hidden unit/ }).inputValue()).resolves.toBe(
      '7',
    );
    await expect(
      page.getByRole('heading', { name: 'Inside the GRU cell at step 5' }).count(),
    ).resolves.toBe(1);
    expectConsistent(shown);

    await page.getByRole('button', { name: 'Step forward', exact: true }).click();
    await page.getByRole('spinbutton', { name: /Hidden unit/ }).fill('3');
    await expect
      .poll(() => new URL(page.url()).hash)
      .toBe('#/forward?model=gru&text=To+be%2C+or+not+to+be&t=6&unit=3');
    const before = await settled(page);
    await settle(page);
    await page.reload();
    await ready(page);
    expect(await settled(page)).toEqual(before);
    expectClean(recorder);
  });

  test('has no serious accessibility violation at desktop and phone width', async () => {
    for (const viewport of [undefined, PHONE]) {
      const { page, recorder } = await app.openApp('#/forward?t=3', viewport ? { viewport } : {});
      await ready(page);
      await settle(page);
      // Open every "Show data" table so they are checked too.
      await page.evaluate(() => {
        for (const toggle of document.querySelectorAll<HTMLButtonElement>('.show-data__toggle'))
          toggle.click();
      });
      await expectAccessible(page);
      const widths = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth: window.innerWidth,
      }));
      expect(widths.scrollWidth, 'page width').toBeLessThanOrEqual(widths.innerWidth);
      if (viewport) await screenshot(page, 'forward-stepped-phone', { fullPage: true });
      expectClean(recorder);
    }
  });

  test('is instant when the system asks for reduced motion', async () => {
    const { page, recorder } = await app.openApp('#/forward', { reducedMotion: true });
    await ready(page);
    await expect(page.locator('.fwd.fwd--instant').count()).resolves.toBe(1);
    expectClean(recorder);
  });

  test('a step paints within a frame (measured and printed)', async () => {
    const { page, recorder } = await app.openApp('#/forward');
    await ready(page);
    await settle(page);
    await page.locator('.diagram-scroll').focus();
    // In the page, for each ArrowRight: from the keydown (a capture listener on window, before
    // React's) to the end of React's synchronous work (a bubble listener on window, after React's
    // root listener and the microtask in which React renders a discrete update); to the paint of
    // the frame that first shows the new step highlighted (checked in each animation frame, then
    // timed in the task after it, when that frame has been painted); and to the paint of the
    // frame in which the deferred details (cell, guesses, equations) show it too.
    await page.evaluate(() => {
      type Step = {
        script: number;
        highlight: number;
        details: number;
        frames: number;
        litFrame: number;
      };
      const w = window as Window & { __steps?: Step[] };
      const steps: Step[] = [];
      w.__steps = steps;
      let start = 0;
      window.addEventListener(
        'keydown',
        (event) => {
          if (event.key === 'ArrowRight') start = performance.now();
        },
        { capture: true },
      );
      window.addEventListener('keydown', (event) => {
        if (event.key !== 'ArrowRight') return;
        const began = start;
        const script = performance.now() - began;
        // React has rendered the step already: read the new one.
        const step = Number(
          document.querySelector('.unrolled__col.is-current')?.getAttribute('data-step'),
        );
        const label = `step ${String(step + 1)}`;
        const record: Step = { script, highlight: NaN, details: NaN, frames: 0, litFrame: 0 };
        const frame = () => {
          record.frames += 1;
          const lit =
            record.litFrame === 0 &&
            document.querySelector('.unrolled__col.is-current')?.getAttribute('data-step') ===
              String(step);
          if (lit) record.litFrame = record.frames;
          const details =
            document.querySelector('#fwd-cell-h')?.textContent?.endsWith(label) === true &&
            document.querySelector('.fwd-equations h3')?.textContent?.includes(`at ${label}`) ===
              true;
          setTimeout(() => {
            const now = performance.now() - began;
            if (lit) record.highlight = now;
            if (details) {
              record.details = now;
              steps.push(record);
            }
          }, 0);
          if (!details) requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
      });
    });
    await resetLongTasks(page);
    const STEPS = 30;
    const traced = await traceMainThread(page, async () => {
      for (let k = 0; k < STEPS; k++) {
        await page.keyboard.press('ArrowRight');
        await page.waitForFunction(
          (n) => (window as Window & { __steps?: unknown[] }).__steps?.length === n,
          k + 1,
        );
      }
    });
    const steps = await page.evaluate(
      () =>
        (
          window as Window & {
            __steps?: {
              script: number;
              highlight: number;
              details: number;
              frames: number;
              litFrame: number;
            }[];
          }
        ).__steps ?? [],
    );
    const tasks = await longTasks(page);
    expect(steps).toHaveLength(STEPS);
    // The step is highlighted in the very next frame after the key press.
    expect(steps.map((s) => s.litFrame)).toEqual(steps.map(() => 1));
    const stats = (xs: number[]) => {
      const sorted = [...xs].sort((a, b) => a - b);
      const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))]!;
      return `median ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms, max ${sorted.at(-1)!.toFixed(1)} ms`;
    };
    console.log(
      [
        `Forward pass, ${String(STEPS)} steps with ArrowRight (the page's own clock):`,
        `  key → React done:               ${stats(steps.map((s) => s.script))}`,
        `  key → step highlighted, painted: ${stats(steps.map((s) => s.highlight))}`,
        `  key → all details painted:      ${stats(steps.map((s) => s.details))}`,
        `  frames until the highlight shows: ${String(Math.max(...steps.map((s) => s.litFrame)))} at most; until the details show: median ${String([...steps.map((s) => s.frames)].sort((a, b) => a - b)[steps.length >> 1])}`,
        `  long tasks: ${String(tasks.count)} (worst ${tasks.worstMs.toFixed(0)} ms)`,
        `  traced: ${describeTasks(traced)}`,
      ].join('\n'),
    );
    // A step's worst task costs the page 48–54 ms of work on a busy two-core machine, under the
    // trace (which adds its own cost): at the 50 ms target, not safely below it. This bound
    // catches a step that grows heavier; the figure is printed above.
    expect(traced.worstCpuMs).toBeLessThan(100);
    expect((await settled(page)).step).toBe(String(STEPS));
    expectClean(recorder);
  });
});

describe('a two-layer model', () => {
  test('is drawn as a grid with the guesses on top; a click or ↑ ↓ picks a cell', async () => {
    const { page, recorder } = await app.openApp('#/forward?model=lstm2&t=3');
    await ready(page);
    const column = page.locator('.unrolled__col[data-step="1"]');
    await expect(column.locator('.unrolled__grid-cell').count()).resolves.toBe(2);
    // The guesses sit above layer 2, which sits above layer 1.
    const y = async (selector: string) => (await column.locator(selector).boundingBox())!.y;
    const guess = await y('.unrolled__guess.is-top');
    const layer2 = await y('.unrolled__grid-cell[data-layer="1"] .unrolled__cell');
    const layer1 = await y('.unrolled__grid-cell[data-layer="0"] .unrolled__cell');
    expect(guess).toBeLessThan(layer2);
    expect(layer2).toBeLessThan(layer1);

    // A click on a layer-2 cell shows that cell's gates and equations.
    await page.getByRole('button', { name: /^Layer 2, step 5: / }).click();
    const heading = page.locator('#fwd-cell-h');
    await expect.poll(() => heading.textContent()).toBe('Inside the LSTM cell at step 5, layer 2');
    await expect
      .poll(() => page.locator('.fwd-equations h3').first().textContent())
      .toContain('at step 5, layer 2');
    const picked = page.locator('.unrolled__col.is-current .unrolled__grid-cell.is-picked');
    await expect(picked.getAttribute('data-layer')).resolves.toBe('1');
    // The diagram's value of the picked cell is the cell section's h.
    await expect
      .poll(async () => page.locator('.heat-strips [data-value="h"]').first().textContent())
      .toBe(await picked.locator('.unrolled__value').textContent());
    expect(page.url()).toContain('layer=2');

    // ↓ and ↑ move between the layers while the diagram has focus; → steps.
    await page.locator('.diagram-scroll').focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => heading.textContent()).toBe('Inside the LSTM cell at step 5, layer 1');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => heading.textContent()).toBe('Inside the LSTM cell at step 6, layer 2');
    await expectAccessible(page);
    await screenshot(page, 'forward-two-layers-desktop');
    expectClean(recorder);
  });
});

describe('the shipped bidirectional tagger', () => {
  test('reads the text without its spaces, both directions in rows, a tag above each step', async () => {
    const { page, recorder } = await app.openApp(
      '#/forward?model=tagger&text=To+be+or+not+to+be&t=4',
    );
    await ready(page);
    await expect
      .poll(() => page.locator('.fwd-diagram, main').first().innerText(), { timeout: 20_000 })
      .toContain('Tobeornottobe');
    // Two layers, each read both ways: four rows of states per step.
    const column = page.locator('.unrolled__col[data-step="1"]');
    await expect(column.locator('.unrolled__grid-cell').count()).resolves.toBe(4);
    const directions = await column
      .locator('.unrolled__grid-cell')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-direction')));
    expect(directions.sort()).toEqual(['0', '0', '1', '1']);
    // A tag above each step read so far; the trained tagger puts the word ends where they are.
    const tags = page.locator('.unrolled__tag');
    await expect.poll(() => tags.count()).toBeGreaterThanOrEqual(4);
    const wrong = await page.locator('.unrolled__tag.is-wrong').count();
    expect(wrong).toBe(0);
    await expectAccessible(page);
    await screenshot(page, 'forward-tagger');
    expectClean(recorder);
  });
});
