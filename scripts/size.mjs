// npm run size: the gzip size (zlib level 9) of every JS and CSS file the build emits, and the
// first-load total a visitor downloads before the app can run: the scripts and stylesheets that
// dist/index.html references, plus everything those scripts import statically (dynamic import()
// chunks, the worker and fonts load later and are not counted). Fails when over the budget.
// Builds the app first when dist/ is missing. `node scripts/size.mjs DIR` measures another build.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, parseAst } from 'vite';

/** First-load budget, gzip bytes. */
const BUDGET = 150 * 1024;

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = resolve(process.argv[2] ?? join(root, 'dist'));
const assets = join(dist, 'assets');

/** @param {number} bytes */
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

/** @param {string} file */
const gzipSize = (file) => gzipSync(readFileSync(file), { level: 9 }).length;

/** @param {string} file */
const isCode = (file) => /\.(m?js|css)$/.test(file);

/**
 * Local files that an HTML page loads at once: module scripts, modulepreloads, stylesheets.
 * @param {string} html
 * @param {string} base directory of the page
 * @returns {string[]} absolute paths
 */
function referencedByHtml(html, base) {
  const found = [];
  for (const match of html.matchAll(/<(script|link)\b[^>]*>/gi)) {
    const tag = match[0];
    const isScript = match[1]?.toLowerCase() === 'script';
    const rel = /\brel\s*=\s*["']?([^"'\s>]+)/i.exec(tag)?.[1]?.toLowerCase();
    if (!isScript && rel !== 'stylesheet' && rel !== 'modulepreload') continue;
    const url = new RegExp(`\\b${isScript ? 'src' : 'href'}\\s*=\\s*["']([^"']+)["']`, 'i').exec(
      tag,
    )?.[1];
    if (url === undefined || /^([a-z]+:)?\/\//i.test(url)) continue;
    found.push(resolve(base, url.replace(/^\//, './').split(/[?#]/)[0] ?? ''));
  }
  return found;
}

/**
 * Local files a JS module imports statically: `import ... from`, bare `import '...'` and
 * `export ... from`. Dynamic `import()` is an expression, not a declaration, so it is skipped.
 * @param {string} file
 * @returns {string[]} absolute paths
 */
function staticImports(file) {
  const program = parseAst(readFileSync(file, 'utf8'));
  const found = [];
  for (const node of program.body) {
    if (
      node.type === 'ImportDeclaration' ||
      node.type === 'ExportAllDeclaration' ||
      node.type === 'ExportNamedDeclaration'
    ) {
      const source = node.source?.value;
      if (typeof source === 'string' && source.startsWith('.')) {
        found.push(resolve(dirname(file), source));
      }
    }
  }
  return found;
}

/**
 * The first-load files: what index.html references, closed over static imports.
 * @returns {Set<string>}
 */
function firstLoad() {
  const pending = referencedByHtml(readFileSync(join(dist, 'index.html'), 'utf8'), dist);
  const seen = new Set();
  while (pending.length > 0) {
    const file = /** @type {string} */ (pending.pop());
    if (seen.has(file)) continue;
    if (!existsSync(file)) throw new Error(`index.html or a chunk refers to a missing ${file}`);
    seen.add(file);
    if (/\.m?js$/.test(file)) pending.push(...staticImports(file));
  }
  return seen;
}

if (!existsSync(join(dist, 'index.html'))) {
  if (process.argv[2] !== undefined) throw new Error(`${dist} holds no index.html`);
  console.log('dist/ is missing: building the app first.\n');
  await build({ root, logLevel: 'warn' });
}

const loadedFirst = firstLoad();
const files = readdirSync(assets)
  .filter(isCode)
  .map((name) => join(assets, name))
  .concat([...loadedFirst].filter((file) => !file.startsWith(assets + '/')))
  .filter((file, index, all) => all.indexOf(file) === index)
  .map((file) => ({
    name: relative(dist, file),
    raw: readFileSync(file).length,
    gzip: gzipSize(file),
    first: loadedFirst.has(file),
  }))
  .sort((a, b) => Number(b.first) - Number(a.first) || b.gzip - a.gzip);

const nameWidth = Math.max(...files.map((file) => file.name.length), 'file'.length);
const row = (/** @type {string[]} */ cells) =>
  `${(cells[0] ?? '').padEnd(nameWidth)}  ${(cells[1] ?? '').padStart(10)}  ${(cells[2] ?? '').padStart(10)}  ${cells[3] ?? ''}`;

console.log('JS and CSS in dist/ (1 KB = 1024 bytes; gzip at level 9)\n');
console.log(row(['file', 'raw', 'gzip', 'first load']));
console.log(row(['-'.repeat(nameWidth), '-'.repeat(10), '-'.repeat(10), '----------']));
for (const file of files)
  console.log(row([file.name, kb(file.raw), kb(file.gzip), file.first ? 'yes' : '']));

const total = files.filter((file) => file.first).reduce((sum, file) => sum + file.gzip, 0);
const all = files.reduce((sum, file) => sum + file.gzip, 0);
console.log(row(['-'.repeat(nameWidth), '', '-'.repeat(10), '']));
console.log(row(['all JS and CSS', '', kb(all), '']));
console.log(row(['first load', '', kb(total), `budget ${kb(BUDGET)}`]));

if (total > BUDGET) {
  console.error(`\nFirst load is ${kb(total - BUDGET)} over the ${kb(BUDGET)} budget.`);
  process.exitCode = 1;
} else {
  console.log(`\nFirst load is within budget (${kb(BUDGET - total)} to spare).`);
}
