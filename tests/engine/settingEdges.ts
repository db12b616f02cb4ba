// Values just inside and just outside each settings row, shared by the tests that check that the
// engine, the URL, the stored schema and the command line all accept and refuse the same values.
import type { SettingRow } from '../../src/engine/settings.ts';

/** Values just inside and just outside a row's range (or options). */
export function edges(row: SettingRow): { good: unknown[]; bad: unknown[] } {
  if (row.kind === 'choice') return { good: [...row.options], bad: ['bogus', '', 1, null] };
  const step = row.kind === 'whole' ? 1 : Math.max(Math.abs(row.min), 1e-3) / 2;
  const good = [row.min, row.max, row.kind === 'nullableReal' ? null : row.default];
  const bad: unknown[] = [row.min - step, row.max + step, row.max * 10 + 1, NaN, Infinity, '5'];
  if (row.kind === 'whole') bad.push(row.min + 0.5);
  if (row.kind !== 'nullableReal') bad.push(null);
  return { good, bad };
}
