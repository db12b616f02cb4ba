// Lint for Unrolled. The engine override keeps src/engine a pure-TypeScript leaf:
// no UI libraries and no DOM or worker globals, so it runs the same in the worker, Node and the CLI.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const uiLibraries = [
  'react',
  'react-dom',
  'react-dom/*',
  'zustand',
  'zustand/*',
  'katex',
  'd3',
  'd3-*',
  'idb-keyval',
];

export default tseslint.config(
  { ignores: ['dist', 'dist-*', 'node_modules', 'coverage', 'public', 'build', '.prof'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  {
    files: ['src/**/*.tsx', 'src/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    files: ['src/engine/**/*.ts'],
    languageOptions: { globals: { ...globals.es2022 } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: uiLibraries, message: 'src/engine is pure TypeScript: no UI libraries.' },
            {
              group: [
                '**/worker/*',
                '**/store/*',
                '**/panels/*',
                '**/viz/*',
                '**/content/*',
                '**/app/*',
              ],
              message: 'src/engine imports nothing outside src/engine.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...[
          'window',
          'document',
          'self',
          'postMessage',
          'navigator',
          'localStorage',
          'indexedDB',
          'fetch',
          'Worker',
          'importScripts',
          'location',
          'process',
        ].map((name) => ({
          name,
          message: 'src/engine uses no DOM, worker or Node globals.',
        })),
      ],
    },
  },
  {
    files: ['src/viz/**/*.ts', 'src/viz/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/store/*', 'zustand', 'zustand/*'],
              message: 'Charts take props; only panels read the store.',
            },
          ],
        },
      ],
    },
  },
);
