// The Time series view end to end in Chromium: monthly CO₂ prepared in plain sight, a model
// trained live in the worker beats the last value on validation, Pause stops it, another series
// from the menu loads with its own preparation and address, and the page stays accessible.
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
      expect(prep).toMatch(/741 values of CO2 .* from 1958-03-01 to 2020-04-01/);
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
      // Loss, the predictions on the series, residuals and the free-running error.
      await expect.poll(() => page.locator('.line-chart').count()).toBe(4);
      // Running free for 20 steps from 40 starts, the model beats the last value carried forward.
      const k20 = async () => {
        const m = /k = 20: ([\d.]+) \(last value ([\d.]+)\)/.exec(
          await page.getByTestId('ts-free').innerText(),
        );
        return Number(m?.[1]) / Number(m?.[2]);
      };
      await expect.poll(k20, { timeout: 30_000, interval: 500 }).toBeLessThan(1);
      console.log(`CO₂ running free: ${await page.getByTestId('ts-free').innerText()}`);
      await screenshot(page, 'series-co2');

      await page.getByRole('button', { name: 'Pause', exact: true }).click();
      await expect.poll(() => train.isEnabled()).toBe(true);
      const step = async () => (await page.getByTestId('ts-step').innerText()).split(' ')[1];
      const paused = await step();
      await page.waitForTimeout(1000);
      expect(await step()).toBe(paused);
      await expectAccessible(page);

      await page
        .getByRole('combobox', { name: /^Series/ })
        .selectOption({ label: 'Logistic map, r = 3.9 (synthetic)' });
      await expect
        .poll(() => page.getByTestId('ts-prep').innerText())
        .toMatch(/1,000 values of x [\s\S]* first 800 values/);
      expect(page.url()).toMatch(/#\/series\?series=logistic$/);
      await expect.poll(() => page.getByTestId('ts-step').innerText()).toMatch(/^Step 0/);
      expectClean(recorder);
    },
  );
});
