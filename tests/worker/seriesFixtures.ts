// The series the worker's series tests read: monthly CO₂ at Mauna Loa, as the app ships it.
import { readFileSync } from 'node:fs';
import type { SeriesSpec } from '../../src/engine/tasks/seriesSources.ts';

export const CO2_CSV = 'public/data/series/co2-concentration.csv';

export const co2: SeriesSpec = {
  kind: 'csv',
  name: 'co2',
  text: readFileSync(CO2_CSV, 'utf8'),
  column: 'CO2',
};
