import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'engine',
          environment: 'node',
          include: [
            'tests/engine/**/*.test.ts',
            'tests/worker/**/*.test.ts',
            'tests/cli/**/*.test.ts',
            'tests/persist/**/*.test.ts',
            'tests/lint/**/*.test.ts',
            'tests/content/**/*.test.ts',
          ],
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'ui',
          environment: 'jsdom',
          include: [
            'tests/ui/**/*.test.ts',
            'tests/ui/**/*.test.tsx',
            'tests/store/**/*.test.ts',
            'tests/viz/**/*.test.ts',
            'tests/viz/**/*.test.tsx',
          ],
          setupFiles: ['tests/ui/setup.ts'],
        },
      },
    ],
  },
});
