// Lint for Unrolled. Besides the usual checks it enforces ARCHITECTURE.md's import table: each
// part of src/ imports only the parts its row allows, and no import cycle exists anywhere. The
// engine stays a pure-TypeScript leaf: no UI libraries and no DOM or worker globals, so it runs
// the same in the worker, Node and the CLI.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import globals from 'globals';
import noTypeCycle from './eslint-rules/no-type-cycle.js';

const root = import.meta.dirname;

/**
 * ARCHITECTURE.md's table: which parts (folders of src/, or single files in them) each part may
 * import. `types`: parts it may import types from, and nothing else. Its own folder is always
 * allowed; `src/main.tsx` (the entry) may import anything and nothing imports it.
 */
const ARCHITECTURE = {
  engine: { imports: [] },
  worker: { imports: ['engine', 'persist'] },
  store: {
    imports: ['engine', 'content', 'persist', 'worker/client.ts', 'worker/protocol.ts'],
  },
  persist: { imports: ['engine', 'content', 'store/config.ts'], types: ['store'] },
  panels: { imports: ['store', 'viz', 'content', 'engine'] },
  viz: { imports: ['content'], types: ['engine'] },
  content: { imports: ['engine/problems'], types: ['engine'] },
  app: { imports: ['store', 'panels', 'content'] },
  cli: { imports: ['engine'] },
};

const PARTS = Object.keys(ARCHITECTURE);

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

/** Packages a part must not import, with the reason. */
const PACKAGES = {
  engine: [uiLibraries, 'src/engine is pure TypeScript: no UI libraries.'],
  worker: [uiLibraries, 'The worker hosts the engine: no UI libraries.'],
  cli: [uiLibraries, 'The command line runs the engine in Node: no UI libraries.'],
  content: [uiLibraries, 'Content is text and equations as data: no UI libraries.'],
  persist: [
    ['react', 'react-dom', 'react-dom/*', 'zustand', 'zustand/*', 'katex', 'd3', 'd3-*'],
    'src/persist only stores and validates data.',
  ],
  viz: [['zustand', 'zustand/*', 'idb-keyval'], 'Charts take props; only panels read the store.'],
};

const describeRow = (part) => {
  const { imports, types = [] } = ARCHITECTURE[part];
  const allowed = [...imports, ...types.map((t) => `${t} types`)];
  return `src/${part} may import ${allowed.length > 0 ? allowed.join(', ') : 'only itself'} (ARCHITECTURE.md).`;
};

/** import-x/no-restricted-paths zones: for each part, every other part it may not import. */
function zonesOf(part) {
  const { imports, types = [] } = ARCHITECTURE[part];
  const zones = [];
  for (const other of [...PARTS.filter((p) => p !== part), 'main.tsx']) {
    if (imports.includes(other) || types.includes(other)) continue;
    const files = imports
      .filter((i) => i.startsWith(`${other}/`))
      .map((i) => `./${i.slice(other.length + 1)}`);
    zones.push({
      target: `./src/${part}`,
      from: `./src/${other}`,
      ...(files.length > 0 ? { except: files } : {}),
      message: describeRow(part),
    });
  }
  return zones;
}

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Import patterns for a part: its banned packages, and value imports from its types-only parts. */
function patternsOf(part) {
  const { imports, types = [] } = ARCHITECTURE[part];
  const patterns = [];
  const packages = PACKAGES[part];
  if (packages) patterns.push({ group: packages[0], message: packages[1] });
  for (const other of types) {
    // Files of that part it may import whole (e.g. persist → store/config.ts).
    const files = imports
      .filter((i) => i.startsWith(`${other}/`))
      .map((i) => escape(i.slice(other.length + 1).replace(/\.tsx?$/, '')));
    const except = files.length > 0 ? `(?!(?:${files.join('|')})(?:\\.tsx?)?$)` : '';
    patterns.push({
      regex: `(^|/)${escape(other)}/${except}`,
      allowTypeImports: true,
      message: describeRow(part),
    });
  }
  return patterns;
}

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
  // The import table and cycles. The resolver finds our imports with and without `.ts`.
  {
    files: ['src/**/*.tsx', 'src/**/*.ts'],
    plugins: { 'import-x': importX, local: { rules: { 'no-type-cycle': noTypeCycle } } },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [
        createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] }),
      ],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { basePath: root, zones: PARTS.flatMap(zonesOf) }],
      'import-x/no-cycle': 'error',
      'local/no-type-cycle': 'error',
    },
  },
  ...PARTS.map((part) => ({
    files: [`src/${part}/**/*.ts`, `src/${part}/**/*.tsx`],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: patternsOf(part) }],
    },
  })),
  {
    files: ['src/engine/**/*.ts'],
    languageOptions: { globals: { ...globals.es2022 } },
    rules: {
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
);
