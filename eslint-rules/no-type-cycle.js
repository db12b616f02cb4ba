// A lint rule for the import cycles import-x/no-cycle does not see: it skips `import type`, so
// a cycle that closes through a type import (a.ts imports b.ts, b.ts imports a type from a.ts)
// passes it. This rule starts from each type-only import of the file being linted and follows
// every import, value or type, to see whether it leads back. Only our own files are followed.
import fs from 'node:fs';
import path from 'node:path';
import { createNodeResolver } from 'eslint-plugin-import-x';

const resolver = createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] });

/** The files a file imports, read from disk; cached by path and modification time. */
const importsCache = new Map();

const SPECIFIERS = [
  /\b(?:import|export)\b[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g,
  /\bimport\s*['"]([^'"]+)['"]/g,
  /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
];

function resolveFrom(specifier, fromFile) {
  if (!specifier.startsWith('.')) return null;
  const result = resolver.resolve(specifier, fromFile);
  if (
    !result.found ||
    result.path === null ||
    result.path.includes(`${path.sep}node_modules${path.sep}`)
  )
    return null;
  return result.path;
}

function importsOf(file) {
  let stat;
  try {
    stat = fs.statSync(file);
  } catch {
    return [];
  }
  const cached = importsCache.get(file);
  if (cached && cached.mtimeMs === stat.mtimeMs) return cached.imports;
  const text = fs
    .readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
  const imports = new Set();
  for (const pattern of SPECIFIERS) {
    for (const match of text.matchAll(pattern)) {
      const target = resolveFrom(match[1], file);
      if (target !== null) imports.add(target);
    }
  }
  const list = [...imports];
  importsCache.set(file, { mtimeMs: stat.mtimeMs, imports: list });
  return list;
}

/** The chain of files from `start` back to `goal` (both included), or null when there is none. */
function pathBack(start, goal) {
  const previous = new Map([[start, null]]);
  const queue = [start];
  while (queue.length > 0) {
    const file = queue.shift();
    for (const next of importsOf(file)) {
      if (next === goal) {
        const chain = [goal];
        for (let f = file; f !== null; f = previous.get(f)) chain.unshift(f);
        return chain;
      }
      if (!previous.has(next)) {
        previous.set(next, file);
        queue.push(next);
      }
    }
  }
  return null;
}

const isTypeOnly = (node) =>
  node.importKind === 'type' ||
  node.exportKind === 'type' ||
  (node.specifiers !== undefined &&
    node.specifiers.length > 0 &&
    node.specifiers.every((s) => s.importKind === 'type' || s.exportKind === 'type'));

export default {
  meta: {
    type: 'problem',
    docs: { description: 'Forbid import cycles that close through a type-only import.' },
    schema: [],
    messages: { cycle: 'Import cycle through a type import: {{chain}}.' },
  },
  create(context) {
    const file = context.physicalFilename;
    if (!path.isAbsolute(file)) return {};
    const check = (node) => {
      if (node.source === null || !isTypeOnly(node)) return;
      const target = resolveFrom(node.source.value, file);
      if (target === null || target === file) return;
      const chain = pathBack(target, file);
      if (chain === null) return;
      const rel = (f) => path.relative(context.cwd, f);
      context.report({
        node,
        messageId: 'cycle',
        data: { chain: [file, ...chain].map(rel).join(' → ') },
      });
    };
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
    };
  },
};
