// The training settings on the command line: one flag per row of the engine's settings table
// (`--hidden`, `--lr`, …), its help line, and reading it with the app's ranges and messages. Only
// the defaults may differ from the app's, where the row says so (e.g. PyTorch's learning rates).

import {
  applies,
  cliDefault,
  nounOf,
  SETTING_ROWS,
  SETTINGS,
  settingProblem,
  type SettingName,
  type SettingRow,
  type SettingValue,
  type TrainSettings,
} from '../engine/settings.ts';
import { DECIMAL, UsageError, type Flags } from './args.ts';

/** The flags of the settings, without dashes. */
export const SETTING_FLAGS: readonly string[] = SETTING_ROWS.map(([, row]) => row.flag);

const OPTIMIZER = SETTINGS.optimizer;

/** The condition a setting applies under, as flags: ["--cell rnn", true] or ["--clip-mode none", false]. */
function condition(row: SettingRow): [string, boolean] | null {
  const when = row.appliesWhen;
  if (when === undefined) return null;
  const flag = SETTINGS[when.setting as SettingName].flag;
  return when.is !== undefined
    ? [`--${flag} ${when.is}`, true]
    : [`--${flag} ${when.isNot}`, false];
}

/** "applies only to --cell rnn", "does not apply to --clip-mode none" */
function whenText(row: SettingRow): string {
  const c = condition(row);
  return c === null ? '' : c[1] ? `applies only to ${c[0]}` : `does not apply to ${c[0]}`;
}

function defaultText(row: SettingRow): string {
  if (row.kind === 'nullableReal') return row.nullMeans;
  if (row.kind === 'real' && typeof row.cliDefault === 'function') {
    const perOptimizer = row.cliDefault;
    return OPTIMIZER.options.map((k) => `${k} ${perOptimizer(k)}`).join(', ');
  }
  return String(cliDefault(row, OPTIMIZER.cliDefault ?? OPTIMIZER.default));
}

function describe(row: SettingRow): string {
  const what = nounOf(row) + (row.unit === undefined ? '' : ` in ${row.unit}`);
  const range = row.kind === 'choice' ? '' : `, ${row.min} to ${row.max}`;
  const c = condition(row);
  const only = c === null ? '' : c[1] ? `; ${c[0]} only` : `; not with ${c[0]}`;
  return `${what}${range} (default ${defaultText(row)}${only})`;
}

/** One help line: the flag in a column of 27, the text wrapped at 100 characters. */
function usageLine(flag: string, text: string): string {
  const indent = ' '.repeat(29);
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && indent.length + line.length + 1 + word.length > 100) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  lines.push(line);
  const first = flag.length <= 26 ? `  ${flag.padEnd(27)}` : `  ${flag}\n${indent}`;
  return first + lines.join(`\n${indent}`);
}

/** The settings' lines of `train --help`, in the table's order. */
export function settingsUsage(): string {
  return SETTING_ROWS.map(([, row]) => {
    const value = row.kind === 'choice' ? row.options.join('|') : row.kind === 'whole' ? 'N' : 'X';
    return usageLine(`--${row.flag} ${value}`, describe(row));
  }).join('\n');
}

/** A flag's text as a value of its row (a number, if it is written as one). */
function parse(row: SettingRow, raw: string): string | number {
  return row.kind !== 'choice' && DECIMAL.test(raw) ? Number(raw) : raw;
}

/**
 * The settings the flags give, with the command line's defaults for the others. A value the app
 * would refuse, or a flag for a setting that does not apply (--nonlinearity with --cell lstm), is
 * a UsageError worded as the app words it.
 */
export function readSettings(f: Flags): TrainSettings {
  const given = new Map<string, SettingValue>();
  for (const [name, row] of SETTING_ROWS) {
    const raw = f.string(row.flag);
    if (raw === undefined) continue;
    const value = parse(row, raw);
    const problem = settingProblem(row, value);
    if (problem !== null) throw new UsageError(`--${row.flag} ${problem}`);
    given.set(name, value);
  }
  const optimizer =
    (given.get('optimizer') as TrainSettings['optimizer'] | undefined) ??
    OPTIMIZER.cliDefault ??
    OPTIMIZER.default;
  const settings = Object.fromEntries(
    SETTING_ROWS.map(([name, row]) => [name, given.get(name) ?? cliDefault(row, optimizer)]),
  ) as TrainSettings;
  for (const [name, row] of SETTING_ROWS) {
    if (given.has(name) && !applies(row, settings)) {
      throw new UsageError(`--${row.flag} ${whenText(row)}`);
    }
  }
  return settings;
}
