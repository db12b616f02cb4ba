// npm run bench:app: the app's own training speed in Chromium (bench/app/), with the browser tests'
// harness (tests/e2e/harness.ts, the built app served on loopback). Prints figures, asserts none;
// not part of `npm test`.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'bench-app',
    environment: 'node',
    include: ['bench/app/**/*.e2e.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 30 * 60_000,
    hookTimeout: 60_000,
  },
});
