// Runs once before the browser tests: finds Chromium (installing it on Debian CI), and serves the
// built app from dist/ on loopback, unless E2E_BASE_URL points at an app that is already served.
// The test files read both through vitest's inject('chromiumPath') and inject('baseUrl').
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { findChromium } from './chromium.ts';
import { serveStatic } from './server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Address of the app, ending in a slash; tests append `#/view`. */
    baseUrl: string;
    /** The Chromium executable playwright-core launches. */
    chromiumPath: string;
  }
}

const DIST = resolve(import.meta.dirname, '../../dist');

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  project.provide('chromiumPath', findChromium());

  const external = process.env['E2E_BASE_URL'];
  if (external !== undefined && external !== '') {
    project.provide('baseUrl', external.endsWith('/') ? external : `${external}/`);
    return async () => {};
  }

  if (!existsSync(resolve(DIST, 'index.html'))) {
    console.log('dist/index.html is missing: building the app first.');
    const { build } = await import('vite');
    await build({ logLevel: 'warn' });
  }
  const server = await serveStatic(DIST);
  project.provide('baseUrl', server.url);
  return () => server.close();
}
