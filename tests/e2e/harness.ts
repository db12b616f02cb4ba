// The browser-test harness: one headless Chromium per test file, one fresh browser context per
// opened page, and a recorder of everything that should never happen in a healthy page (console
// errors and warnings, uncaught exceptions, failed requests, requests to another origin).
// Also: axe-core accessibility checks, screenshots, and a long-task observer.
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import type * as Axe from 'axe-core';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type Locator,
  type Page,
} from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, inject } from 'vitest';
import { CHROMIUM_ARGS } from './chromium.ts';

export interface Viewport {
  readonly width: number;
  readonly height: number;
}

export const DESKTOP: Viewport = { width: 1280, height: 800 };
export const PHONE: Viewport = { width: 375, height: 740 };

export const SCREENSHOT_DIR = resolve(import.meta.dirname, 'screenshots');

/** Everything a page did wrong, one readable line per event. */
export interface Problems {
  readonly consoleErrors: string[];
  readonly consoleWarnings: string[];
  readonly pageErrors: string[];
  readonly failedRequests: string[];
  readonly foreignRequests: string[];
}

/** Live record of a page's problems; it keeps filling while the page runs. */
export interface Recorder {
  readonly problems: Problems;
  /** The app's own origin; any request elsewhere is a foreign request. */
  readonly origin: string;
}

export interface OpenedApp {
  readonly page: Page;
  readonly context: BrowserContext;
  readonly recorder: Recorder;
}

export interface OpenOptions {
  /** Defaults to DESKTOP. */
  readonly viewport?: Viewport;
  /** Emulates `prefers-reduced-motion: reduce` when true. */
  readonly reducedMotion?: boolean;
  /** Emulates `prefers-color-scheme`; defaults to light. */
  readonly colorScheme?: 'light' | 'dark';
}

export interface AppHarness {
  /** The browser of this test file, launched in beforeAll. */
  readonly browser: () => Browser;
  /**
   * Opens the app at `hashPath` (e.g. `#/train`) in a fresh browser context, recording its
   * problems from the first request on. The context is closed after the current test.
   */
  readonly openApp: (hashPath?: string, options?: OpenOptions) => Promise<OpenedApp>;
  /** The URL of `hashPath` in the app under test. */
  readonly urlOf: (hashPath?: string) => string;
}

export interface HarnessOptions {
  /** The app's address; defaults to the one global-setup.ts provides. */
  readonly baseUrl?: () => string;
}

const emptyProblems = (): Problems => ({
  consoleErrors: [],
  consoleWarnings: [],
  pageErrors: [],
  failedRequests: [],
  foreignRequests: [],
});

/** Launches Chromium with the flags that keep it off the network. */
export function launchChromium(executablePath = inject('chromiumPath')): Promise<Browser> {
  return chromium.launch({ executablePath, headless: true, args: [...CHROMIUM_ARGS] });
}

function isForeign(url: string, origin: string): boolean {
  if (url.startsWith('data:') || url.startsWith('blob:')) return false;
  try {
    return new URL(url).origin !== origin;
  } catch {
    return true;
  }
}

function where(location: { url: string; lineNumber: number }): string {
  return location.url === '' ? '' : ` (${location.url}:${String(location.lineNumber + 1)})`;
}

/** Shortens the data: URLs that some messages quote in full (an inlined font is kilobytes). */
function clipDataUrls(line: string): string {
  return line.replace(/(data:[^,\s'"]{0,40},)[^\s'"]{40,}/g, '$1…');
}

/** Records the problems of every page, worker and request of `context`. */
async function record(context: BrowserContext, origin: string): Promise<Recorder> {
  const problems = emptyProblems();
  // Requests to another origin never leave the machine: they are recorded, then aborted.
  await context.route(
    (url) => isForeign(url.href, origin),
    (route) => route.abort('blockedbyclient'),
  );
  context.on('console', (message) => {
    const line = clipDataUrls(`${message.text()}${where(message.location())}`);
    if (message.type() === 'error') problems.consoleErrors.push(line);
    else if (message.type() === 'warning') problems.consoleWarnings.push(line);
  });
  context.on('weberror', (webError) => {
    const error = webError.error();
    problems.pageErrors.push(error.stack ?? `${error.name}: ${error.message}`);
  });
  context.on('request', (request) => {
    if (isForeign(request.url(), origin)) {
      problems.foreignRequests.push(`${request.method()} ${request.url()}`);
    }
  });
  context.on('requestfailed', (request) => {
    if (isForeign(request.url(), origin)) return; // already recorded, and aborted on purpose
    const reason = request.failure()?.errorText ?? 'failed';
    // A font or icon still loading when the page reloads is cut short by the browser: not a
    // failure of the app (a missing file answers with an HTTP error, recorded below).
    const cutShort =
      ['font', 'image'].includes(request.resourceType()) ||
      new URL(request.url()).pathname === '/favicon.svg';
    if (reason === 'net::ERR_ABORTED' && cutShort) return;
    problems.failedRequests.push(`${request.method()} ${request.url()}: ${reason}`);
  });
  context.on('response', (response) => {
    if (response.status() >= 400) {
      const request = response.request();
      problems.failedRequests.push(
        `${request.method()} ${response.url()}: HTTP ${String(response.status())}`,
      );
    }
  });
  return { problems, origin };
}

/**
 * Sets up the browser tests of one file: launches Chromium before the first test, closes every
 * context after each test, and the browser after the last.
 */
export function setupApp(options: HarnessOptions = {}): AppHarness {
  let browser: Browser | undefined;
  const contexts = new Set<BrowserContext>();
  const baseUrl = options.baseUrl ?? (() => inject('baseUrl'));

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterEach(async () => {
    await Promise.all([...contexts].map((context) => context.close()));
    contexts.clear();
  });
  afterAll(async () => {
    await browser?.close();
  });

  const launched = (): Browser => {
    if (browser === undefined)
      throw new Error('Chromium is not running: call setupApp() at the top of the test file.');
    return browser;
  };
  const urlOf = (hashPath = ''): string => new URL(hashPath, baseUrl()).href;

  return {
    browser: launched,
    urlOf,
    async openApp(
      hashPath = '',
      { viewport = DESKTOP, reducedMotion = false, colorScheme = 'light' } = {},
    ) {
      const url = urlOf(hashPath);
      const context = await launched().newContext({
        viewport,
        reducedMotion: reducedMotion ? 'reduce' : 'no-preference',
        colorScheme,
      });
      contexts.add(context);
      await context.addInitScript(installLongTaskObserver);
      const recorder = await record(context, new URL(url).origin);
      const page = await context.newPage();
      await page.goto(url, { waitUntil: 'load' });
      return { page, context, recorder };
    },
  };
}

export interface ExpectCleanOptions {
  /** Messages matching any of these are expected, and not problems. */
  readonly allow?: readonly RegExp[];
}

const PROBLEM_TITLES: Readonly<Record<keyof Problems, string>> = {
  consoleErrors: 'console errors',
  consoleWarnings: 'console warnings',
  pageErrors: 'uncaught exceptions',
  failedRequests: 'failed requests',
  foreignRequests: 'requests to another origin',
};

/** One titled, indented list per kind of problem that occurred. */
export function formatProblems(problems: Problems): string {
  return (Object.keys(PROBLEM_TITLES) as (keyof Problems)[])
    .filter((kind) => problems[kind].length > 0)
    .map((kind) => {
      const lines = problems[kind].map((line) => `    ${line.replaceAll('\n', '\n      ')}`);
      return [`  ${PROBLEM_TITLES[kind]}:`, ...lines].join('\n');
    })
    .join('\n');
}

/**
 * Asserts that the page has had no problem so far. The failure lists every problem, and the
 * diff shows them by kind.
 */
export function expectClean(recorder: Recorder, { allow = [] }: ExpectCleanOptions = {}): void {
  const keep = (lines: readonly string[]): string[] =>
    lines.filter((line) => !allow.some((pattern) => pattern.test(line)));
  const { consoleErrors, consoleWarnings, pageErrors, failedRequests, foreignRequests } =
    recorder.problems;
  const found: Problems = {
    consoleErrors: keep(consoleErrors),
    consoleWarnings: keep(consoleWarnings),
    pageErrors: keep(pageErrors),
    failedRequests: keep(failedRequests),
    foreignRequests: keep(foreignRequests),
  };
  const summary = formatProblems(found);
  expect(found, `the page at ${recorder.origin} had problems:\n${summary}\n`).toEqual(
    emptyProblems(),
  );
}

// ---- The app's shell ------------------------------------------------------------------------

/** The current view's page heading. */
export function viewHeading(page: Page): Locator {
  return page.getByRole('main').getByRole('heading', { level: 1 });
}

/** A link of the main navigation, by its exact visible name (e.g. "Gradient flow"). */
export function navLink(page: Page, name: string): Locator {
  return page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });
}

/** The footer's status line about the engine worker. */
export function engineStatus(page: Page): Locator {
  return page.getByRole('contentinfo').getByRole('status');
}

/** Waits until the footer says the engine worker answered. */
export async function waitForEngineReady(page: Page, timeout = 10_000): Promise<void> {
  await expect
    .poll(() => engineStatus(page).innerText(), {
      timeout,
      message: `the footer should say "Engine ready" within ${String(timeout)} ms`,
    })
    .toMatch(/engine ready/i);
}

/** Waits until the page has loaded its lazy chunks and fonts and the network is quiet. */
export async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

// ---- Accessibility ---------------------------------------------------------------------------

let axeSource: string | undefined;

function readAxeSource(): string {
  axeSource ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  return axeSource;
}

type AxeWindow = Window & { axe?: typeof Axe };

/**
 * Runs axe-core on the page and returns its violations. The app's CSP allows only its own
 * scripts, so axe is not added as a script tag: its source is evaluated through the DevTools
 * protocol, which the page's CSP does not govern.
 */
export async function runAxe(page: Page, options: Axe.RunOptions = {}): Promise<Axe.Result[]> {
  const present = await page.evaluate(() => (window as AxeWindow).axe !== undefined);
  if (!present) await page.evaluate(readAxeSource());
  const results = await page.evaluate(async (runOptions) => {
    const axe = (window as AxeWindow).axe;
    if (axe === undefined) throw new Error('axe-core did not load into the page');
    return axe.run(document, runOptions);
  }, options);
  return results.violations;
}

/** One paragraph per violation: id, impact, help, link, and the offending nodes. */
export function formatViolations(violations: readonly Axe.Result[]): string {
  return violations
    .map((violation) => {
      const nodes = violation.nodes.map(
        (node) => `    ${node.target.join(' ')}\n      ${node.html.slice(0, 200)}`,
      );
      return [
        `[${violation.impact ?? 'unknown'}] ${violation.id}: ${violation.help}`,
        `  ${violation.helpUrl}`,
        ...nodes,
      ].join('\n');
    })
    .join('\n\n');
}

/** Asserts that axe-core finds no serious or critical violation on the page. */
export async function expectAccessible(page: Page, options: Axe.RunOptions = {}): Promise<void> {
  const violations = await runAxe(page, options);
  const severe = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    severe.length,
    `axe-core violations on ${page.url()}:\n\n${formatViolations(severe)}\n`,
  ).toBe(0);
}

// ---- Screenshots -----------------------------------------------------------------------------

/** Saves a PNG of the page as tests/e2e/screenshots/<name>.png and returns its path. */
export async function screenshot(
  page: Page,
  name: string,
  { fullPage = false }: { fullPage?: boolean } = {},
): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage, animations: 'disabled' });
  return path;
}

// ---- Long tasks ------------------------------------------------------------------------------

export interface LongTasks {
  /** Main-thread tasks of 50 ms or more since the page loaded or since the last reset. */
  readonly count: number;
  /** Duration of the longest of them, in milliseconds (0 if none). */
  readonly worstMs: number;
  readonly totalMs: number;
}

interface LongTaskProbe {
  read(): LongTasks;
  reset(): void;
}

type LongTaskWindow = Window & { __e2eLongTasks?: LongTaskProbe };

/** Runs in every page before its own scripts (see openApp): counts long tasks. */
function installLongTaskObserver(): void {
  let stats = { count: 0, worstMs: 0, totalMs: 0 };
  const add = (entries: PerformanceEntryList): void => {
    for (const entry of entries) {
      stats.count += 1;
      stats.totalMs += entry.duration;
      stats.worstMs = Math.max(stats.worstMs, entry.duration);
    }
  };
  let observer: PerformanceObserver | undefined;
  try {
    observer = new PerformanceObserver((list) => add(list.getEntries()));
    observer.observe({ type: 'longtask', buffered: true });
  } catch {
    // A browser without long-task timing reports none.
  }
  (window as LongTaskWindow).__e2eLongTasks = {
    read: () => {
      if (observer !== undefined) add(observer.takeRecords());
      return { ...stats };
    },
    reset: () => {
      observer?.takeRecords();
      stats = { count: 0, worstMs: 0, totalMs: 0 };
    },
  };
}

/** The long tasks the page has had so far (or since the last resetLongTasks). */
export function longTasks(page: Page): Promise<LongTasks> {
  return page.evaluate(() => {
    const probe = (window as LongTaskWindow).__e2eLongTasks;
    if (probe === undefined) throw new Error('the long-task observer is not installed');
    return probe.read();
  });
}

/** Forgets the long tasks seen so far, to measure one interaction alone. */
export function resetLongTasks(page: Page): Promise<void> {
  return page.evaluate(() => (window as LongTaskWindow).__e2eLongTasks?.reset());
}
