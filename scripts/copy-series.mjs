// Copies the real series the time-series lesson ships from the npm package vega-datasets into
// public/data/series/ (see the README there for each one's source and licence).
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SERIES_FILES = ['co2-concentration.csv', 'seattle-weather.csv', 'global-temp.csv'];

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const from = join(root, 'node_modules', 'vega-datasets', 'data');
const to = join(root, 'public', 'data', 'series');
mkdirSync(to, { recursive: true });
for (const file of SERIES_FILES) {
  copyFileSync(join(from, file), join(to, file));
  console.log(`copied ${file}`);
}
