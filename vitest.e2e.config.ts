// Browser tests: the built app, served on loopback and driven in headless Chromium through
// playwright-core (see tests/e2e/harness.ts). Kept apart from the unit projects in
// vitest.config.ts; `npm run test:e2e` builds the app, then runs this config.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'e2e',
    environment: 'node',
    include: ['tests/e2e/**/*.e2e.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    // One Chromium at a time: the machines running this have two cores.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    teardownTimeout: 10_000,
    // A poll waits on the worker, which on a busy two-core machine may take seconds to answer.
    expect: { poll: { timeout: 10_000 } },
  },
});
