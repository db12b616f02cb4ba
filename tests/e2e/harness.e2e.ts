// Tests of the harness itself, against a small fixture page that misbehaves on demand: each kind
// of problem must make expectClean fail, so that the app's tests cannot pass by accident.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  expectAccessible,
  expectClean,
  longTasks,
  resetLongTasks,
  setupApp,
  type Problems,
} from './harness.ts';
import { serveStatic, type StaticServer } from './server.ts';

let fixtures: StaticServer | undefined;
beforeAll(async () => {
  fixtures = await serveStatic(join(import.meta.dirname, 'fixtures'));
});
afterAll(() => fixtures?.close());

const app = setupApp({
  baseUrl: () => {
    if (fixtures === undefined) throw new Error('the fixture server is not running');
    return fixtures.url;
  },
});

/** Opens the fixture with a scenario and waits until it ran. */
async function openScenario(scenario: string): Promise<ReturnType<typeof app.openApp>> {
  const opened = await app.openApp(`#/${scenario}`);
  await opened.page.getByText(`Ran ${scenario}`).waitFor();
  return opened;
}

/** Waits until the recorder has something in `kind`. */
async function recorded(problems: Problems, kind: keyof Problems): Promise<string[]> {
  await expect.poll(() => problems[kind].length, { timeout: 5_000 }).toBeGreaterThan(0);
  return problems[kind];
}

describe('expectClean', () => {
  test('passes on a clean page', async () => {
    const { page, recorder } = await openScenario('clean');
    await page.waitForTimeout(200);
    expectClean(recorder);
  });

  const cases: readonly (readonly [string, keyof Problems, RegExp])[] = [
    ['console-error', 'consoleErrors', /boom from the page/],
    ['console-warning', 'consoleWarnings', /careful from the page/],
    ['page-error', 'pageErrors', /kaboom from the page/],
    ['missing-file', 'failedRequests', /missing\.json: HTTP 404/],
    ['foreign-request', 'foreignRequests', /localhost:9\/tracker\.json/],
    ['unhandled-rejection', 'pageErrors', /rejected in the page/],
    ['worker-error', 'consoleErrors', /boom from the worker/],
    ['worker-throw', 'pageErrors', /kaboom from the worker/],
  ];
  test.each(cases)('fails on %s', async (scenario, kind, message) => {
    const { recorder } = await openScenario(scenario);
    const lines = await recorded(recorder.problems, kind);
    expect(lines.join('\n')).toMatch(message);
    expect(() => expectClean(recorder)).toThrow(message);
    // Chromium also logs a failed load as a console error.
    expectClean(recorder, { allow: [message, /Failed to load resource/] });
  });
});

describe('expectAccessible', () => {
  test('injects axe-core despite the page CSP and passes an accessible page', async () => {
    const { page } = await openScenario('clean');
    await expectAccessible(page);
  });

  test('fails on a button without a name', async () => {
    const { page } = await openScenario('inaccessible-button');
    await expect(expectAccessible(page)).rejects.toThrow(/button-name/);
  });
});

describe('long-task observer', () => {
  test('counts a 120 ms task, and forgets it on reset', async () => {
    const { page } = await openScenario('long-task');
    await expect.poll(async () => (await longTasks(page)).count).toBeGreaterThan(0);
    expect((await longTasks(page)).worstMs).toBeGreaterThanOrEqual(100);
    await resetLongTasks(page);
    expect(await longTasks(page)).toEqual({ count: 0, worstMs: 0, totalMs: 0 });
  });
});
