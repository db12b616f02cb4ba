// The Time series view end to end in Chromium: monthly CO₂ prepared in plain sight, a model
// trained live in the worker beats the last value on validation, Pause stops it, another series
// from the menu loads with its own preparation and address, and the page stays accessible.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import {
  expectAccessible,
  expectClean,
  screenshot,
  setupApp,
  waitForEngineReady,
} from './harness.ts';

const app = setupApp();

describe('the Time series view', () => {
  test(
    'trains on CO₂ and beats the last value; pause; another series',
    { timeout: 120_000 },
    async () => {
      const { page, recorder } = await app.openApp('#/series');
      await waitForEngineReady(page);
      const train = page.getByRole('button', { name: 'Train', exact: true });
      await expect.poll(() => train.isEnabled(), { timeout: 30_000 }).toBe(true);
      const prep = await page.getByTestId('ts-prep').innerText();
      expect(prep).toMatch(/741 values of CO₂ \(ppm\), from 1958-03-01 to 2020-04-01/);
      expect(prep).toMatch(/first 592 changes .* last 148, from 2008-01-01 on/);
      const before = await page.getByTestId('ts-val').innerText();
      const persistence = Number(/last value ([\d.]+)/.exec(before)?.[1]);
      expect(persistence).toBeGreaterThan(1);

      await train.click();
      const valMse = async () =>
        Number(/Validation MSE ([\d.]+)/.exec(await page.getByTestId('ts-val').innerText())?.[1]);
      const started = Date.now();
      await expect.poll(valMse, { timeout: 60_000, interval: 500 }).toBeLessThan(persistence / 2);
      const verdict = await page.getByTestId('ts-val').innerText();
      console.log(
        `CO₂ (changes) after ${((Date.now() - started) / 1000).toFixed(1)} s: ${verdict}`,
      );
      expect(verdict).toMatch(/The model beats the last value/);
      // Loss, the predictions on the series, residuals, the free-running error and its cone.
      await expect.poll(() => page.locator('.line-chart').count()).toBe(5);
      // Running free for 20 steps from 40 starts, the model beats the last value carried forward.
      const k20 = async () => {
        const m = /k = 20: ([\d.]+) \(last value ([\d.]+)\)/.exec(
          await page.getByTestId('ts-free').innerText(),
        );
        return Number(m?.[1]) / Number(m?.[2]);
      };
      await expect.poll(k20, { timeout: 30_000, interval: 500 }).toBeLessThan(1);
      console.log(`CO₂ running free: ${await page.getByTestId('ts-free').innerText()}`);
      // The cone of error is shaded in the error chart and around the free-running forecast.
      expect(await page.locator('path.chart__band').count()).toBe(3);
      await screenshot(page, 'series-co2');

      await page.getByRole('button', { name: 'Pause', exact: true }).click();
      await expect.poll(() => train.isEnabled()).toBe(true);
      const step = async () => (await page.getByTestId('ts-step').innerText()).split(' ')[1];
      const paused = await step();
      await page.waitForTimeout(1000);
      expect(await step()).toBe(paused);
      await expectAccessible(page);

      // The model file says how its inputs were prepared (the mean and scale, the changes).
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Model file (.json)' }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^unrolled-series-co2-lstm-step\d+\.json$/);
      const file = JSON.parse(readFileSync(await download.path(), 'utf8')) as {
        config: { series?: { difference: boolean; horizon: number; scale: number } };
      };
      expect(file.config.series).toMatchObject({ difference: true, horizon: 1 });
      expect(file.config.series!.scale).toBeCloseTo(1.228, 3);

      // Pause autosaved the run: a reload puts it back at its step, with its curves.
      await expect
        .poll(() => page.getByTestId('ts-saved').innerText())
        .toMatch(`at step ${paused!}; a reload restores the run.`);
      await page.reload();
      await expect
        .poll(() => page.getByTestId('ts-saved').innerText(), { timeout: 30_000 })
        .toMatch(new RegExp(`^Restored your run at step ${paused!} \\(autosaved at`));
      expect(await step()).toBe(paused);
      await expect.poll(() => page.locator('.line-chart').count()).toBe(5);

      await page
        .getByRole('combobox', { name: /^Series/ })
        .selectOption({ label: 'Logistic map (synthetic)' });
      await expect
        .poll(() => page.getByTestId('ts-prep').innerText())
        .toMatch(/1,000 values of x,[\s\S]* first 800 values/);
      expect(page.url()).toMatch(/#\/series\?series=logistic$/);
      await expect.poll(() => page.getByTestId('ts-step').innerText()).toMatch(/^Step 0/);
      // Its slider makes the series again when let go, and the address keeps it.
      const first = (await page.getByTestId('ts-prep').innerText()).split('\n')[2];
      const r = page.getByRole('slider', { name: /^r:/ });
      await r.focus();
      for (let k = 0; k < 10; k++) await r.press('ArrowLeft');
      await expect.poll(() => page.url()).toMatch(/#\/series\?series=logistic&sr=3\.8$/);
      await expect
        .poll(async () => (await page.getByTestId('ts-prep').innerText()).split('\n')[2])
        .not.toBe(first);
      expectClean(recorder);
    },
  );
});

describe('an own CSV in the Time series view', () => {
  test('a bad file is refused with its reason and the series stays; a good one loads with its columns and comes back on a reload', async () => {
    const { page, recorder } = await app.openApp('#/series?series=sines');
    await waitForEngineReady(page);
    const prep = page.getByTestId('ts-prep');
    await expect
      .poll(() => prep.innerText(), { timeout: 30_000 })
      .toMatch(/^1,000 values of value/);
    const input = page.getByLabel('Your own CSV');
    await input.setInputFiles({
      name: 'words.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('day,mood\nmonday,fine\ntuesday,grey\n'),
    });
    await expect.poll(() => page.getByRole('alert').innerText()).toMatch(/^words\.csv: .*number/i);
    expect(await prep.innerText()).toMatch(/^1,000 values of value/);

    const rows = Array.from(
      { length: 240 },
      (_, t) => `2020-${String(t)},${(10 + 5 * Math.sin(t / 6)).toFixed(3)},${String(t % 7)}`,
    );
    await input.setInputFiles({
      name: 'mine.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`date,level,weekday\n${rows.join('\n')}\n`),
    });
    await expect
      .poll(() => prep.innerText())
      .toMatch(/^240 values of level, from 2020-0 to 2020-239/);
    await expect(page.getByRole('combobox', { name: /^Series/ }).inputValue()).resolves.toBe('own');
    await page.getByRole('combobox', { name: /^Column/ }).selectOption('weekday');
    await expect.poll(() => prep.innerText()).toMatch(/^240 values of weekday/);
    // A reload of the tab brings the file back, with its column.
    await page.reload();
    await expect
      .poll(() => prep.innerText(), { timeout: 30_000 })
      .toMatch(/^240 values of weekday/);
    // The menu leaves the file for the series it replaced, and a reload keeps it left.
    await page.getByRole('combobox', { name: /^Series/ }).selectOption('sines');
    await expect.poll(() => prep.innerText()).toMatch(/^1,000 values of value/);
    await page.reload();
    await expect
      .poll(() => prep.innerText(), { timeout: 30_000 })
      .toMatch(/^1,000 values of value/);
    expectClean(recorder);
  });
});

describe('stopping early in the Time series view', () => {
  test('when validation rises, the model of its lowest point comes back at its step', async () => {
    const { page, recorder } = await app.openApp('#/series?series=seattle');
    await waitForEngineReady(page);
    const train = page.getByRole('button', { name: 'Train', exact: true });
    await expect.poll(() => train.isEnabled(), { timeout: 30_000 }).toBe(true);
    await train.click();
    // Four years of daily highs are few: the model soon learns them by heart.
    const best = page.getByTestId('ts-best');
    await best.waitFor({ timeout: 90_000 });
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    await expect.poll(() => train.isEnabled()).toBe(true);
    const said = /lowest, ([\d.]+), at step ([\d,]+)/.exec(await best.innerText());
    const [loss, step] = [said![1]!, said![2]!];
    console.log(`Seattle: ${await best.innerText()}`);
    await page.getByRole('button', { name: 'Go back to that model' }).click();
    await expect.poll(() => page.getByTestId('ts-step').innerText()).toMatch(`Step ${step} ·`);
    await expect(page.getByTestId('ts-val').innerText()).resolves.toMatch(
      `Validation MSE ${loss} at step ${step}.`,
    );
    expect(await best.count()).toBe(0);
    console.log(`after going back: ${await page.getByTestId('ts-val').innerText()}`);
    expectClean(recorder);
  }, 150_000);
});

describe('the Time series model in the Forward pass view', () => {
  test('is stepped through from the series view: numbers in, predictions and squared error out', async () => {
    const { page, recorder } = await app.openApp('#/series?series=sines');
    await waitForEngineReady(page);
    const train = page.getByRole('button', { name: 'Train', exact: true });
    await expect.poll(() => train.isEnabled(), { timeout: 30_000 }).toBe(true);
    await train.click();
    await page.waitForTimeout(2000);
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    await expect.poll(() => train.isEnabled()).toBe(true);

    await page.getByRole('link', { name: 'Step through it in the Forward pass' }).click();
    await expect.poll(() => page.url()).toMatch(/#\/forward\?model=series/);
    await expect
      .poll(() => page.getByTestId('series-window').innerText(), { timeout: 30_000 })
      .toMatch(/first \d+ steps of the validation part/);
    // Each input is a normalised number, not a character.
    const input = page.locator('.unrolled__col[data-step="1"]');
    await expect.poll(() => input.textContent()).toMatch(/-?\d+\.\d+/);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    // The equations: the linear head and PyTorch's squared error (no ½), with the step's numbers.
    const equations = page.locator('.fwd-equations');
    await equations.scrollIntoViewIfNeeded();
    await expect
      .poll(() => equations.textContent(), { timeout: 15_000 })
      .toMatch(/\\hat y_\{t\+1\}/);
    const tex = (await equations.textContent())!;
    expect(tex).toMatch(/\\ell_t\} &= \\left\(\\hat x_\{t\+1\} - x_\{t\+1\}\\right\)\^2/);
    expect(tex).not.toMatch(/\\frac\{1\}\{2\}/);
    await screenshot(page, 'forward-series', { fullPage: true });
    expectClean(recorder);
  });
});
