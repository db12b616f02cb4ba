// Training settings as the user chooses them (the Training view, the URL, the CLI): their defaults,
// validation with messages a learner can act on, and the engine configs they give. All of it is
// derived from the one table in settingsTable.ts. Pure data: no UI here.

import type { InitOptions } from './init.ts';
import type { Architecture, ModelConfig } from './model.ts';
import { optimizerFor, type OptimizerConfig, type OptimizerKind } from './optim.ts';
import { Problem, type ProblemCode, type ProblemInfo } from './problem.ts';
import {
  SETTING_ROWS,
  type Change,
  type SettingName,
  type SettingRow,
  type TrainSettings,
} from './settingsTable.ts';
import type { ClipConfig } from './trainer.ts';

export {
  SETTINGS,
  SETTING_ROWS,
  type Change,
  type SettingName,
  type SettingRow,
  type TrainSettings,
} from './settingsTable.ts';

export type SettingValue = string | number | null;

function fromRows(value: (row: SettingRow) => SettingValue): TrainSettings {
  return Object.fromEntries(SETTING_ROWS.map(([name, row]) => [name, value(row)])) as TrainSettings;
}

/** The app's defaults. */
export const DEFAULT_SETTINGS: TrainSettings = fromRows((row) => row.default);

/** A row's default on the command line (where it differs from the app's, e.g. PyTorch's lr). */
export function cliDefault(row: SettingRow, optimizer: OptimizerKind): SettingValue {
  if (row.kind === 'nullableReal' || row.cliDefault === undefined) return row.default;
  return typeof row.cliDefault === 'function' ? row.cliDefault(optimizer) : row.cliDefault;
}

/** What messages call a setting: "hidden size", "number of layers", "RNN nonlinearity". */
export function nounOf(row: SettingRow): string {
  const { label } = row;
  if (row.noun !== undefined) return row.noun;
  return /^.[a-z]/.test(label) ? label[0]!.toLowerCase() + label.slice(1) : label;
}

/** How a value misses a row: not an option, not a whole number in range, no number, out of range. */
type RefusalKind = 'choice' | 'whole' | 'number' | 'range';

/** What is wrong with a value for a row: its kind and the values its words name. */
interface Refusal {
  readonly kind: RefusalKind;
  readonly vars: { readonly [name: string]: string | number };
}

function refusalOf(row: SettingRow, v: unknown): Refusal | null {
  const got = typeof v === 'string' ? JSON.stringify(v) : String(v);
  if (row.kind === 'choice') {
    const ok = typeof v === 'string' && row.options.includes(v);
    return ok ? null : { kind: 'choice', vars: { options: row.options.join(', '), got } };
  }
  if (row.kind === 'whole') {
    const ok = typeof v === 'number' && Number.isInteger(v) && v >= row.min && v <= row.max;
    return ok ? null : { kind: 'whole', vars: { min: row.min, max: row.max, got } };
  }
  if (row.kind === 'nullableReal' && v === null) return null;
  if (typeof v !== 'number') return { kind: 'number', vars: { got } };
  const ok = Number.isFinite(v) && v >= row.min && v <= row.max;
  return ok ? null : { kind: 'range', vars: { min: row.min, max: row.max, got } };
}

/** The end of a sentence for each kind, with the refusal's values in place of {{name}}. */
const ENDINGS: Record<RefusalKind, string> = {
  choice: 'must be one of {{options}} (got {{got}})',
  whole: 'must be a whole number from {{min}} to {{max}} (got {{got}})',
  number: 'must be a number (got {{got}})',
  range: 'must be between {{min}} and {{max}} (got {{got}})',
};

/**
 * What is wrong with a value for a row, as the end of a sentence ("must be a whole number from 1
 * to 512 (got 4096)"), or null when it fits. The command line says it after the flag.
 */
export function settingProblem(row: SettingRow, v: unknown): string | null {
  const refusal = refusalOf(row, v);
  return refusal === null
    ? null
    : ENDINGS[refusal.kind].replace(/\{\{(\w+)\}\}/g, (_, name: string) =>
        String(refusal.vars[name]),
      );
}

/**
 * A setting out of range: "The <noun> <settingProblem>.", as a problem `settings.<name><Kind>`
 * (problems/settings.ts), so that the page says it in the learner's language.
 */
export class SettingsError extends Problem {}

/** Throws a SettingsError naming the first setting that is out of range. */
export function validateSettings(s: TrainSettings): void {
  for (const [name, row] of SETTING_ROWS) {
    const refusal = refusalOf(row, s[name]);
    if (refusal === null) continue;
    const kind = refusal.kind[0]!.toUpperCase() + refusal.kind.slice(1);
    throw new SettingsError(`settings.${name}${kind}` as ProblemCode, refusal.vars);
  }
}

/**
 * The settings `names` as a problem to name in another: one setting's form label, or a list of
 * two to five (`settings.list2` … `list5`).
 */
export function settingsNamed(names: readonly SettingName[]): ProblemInfo {
  const labels = names.map((name): ProblemInfo => ({ code: `settings.${name}`, vars: {} }));
  if (labels.length === 1) return labels[0]!;
  if (labels.length < 1 || labels.length > 5) throw new Error('Name one to five settings.');
  const vars = Object.fromEntries(labels.map((label, k) => ['abcde'[k]!, label]));
  return { code: `settings.list${labels.length as 2 | 3 | 4 | 5}`, vars };
}

/** Does a setting matter, given the others (the nonlinearity only for the RNN, …)? */
export function applies(row: SettingRow, s: TrainSettings): boolean {
  const when = row.appliesWhen;
  if (when === undefined) return true;
  const v = s[when.setting as SettingName];
  return (when.is === undefined || v === when.is) && (when.isNot === undefined || v !== when.isNot);
}

/** Do two settings differ in a setting whose change needs `change` (a new model, a new trainer)? */
export function differIn(a: TrainSettings, b: TrainSettings, change: Change): boolean {
  return SETTING_ROWS.some(([name, row]) => row.change === change && a[name] !== b[name]);
}

/** The architecture the settings choose (the task fixes the input and the head). */
export function architectureOf(s: TrainSettings): Architecture {
  return {
    cell: s.cell,
    nonlinearity: s.nonlinearity,
    hiddenSize: s.hiddenSize,
    numLayers: s.numLayers,
    bidirectional: false,
  };
}

/** A character model's configuration for these settings and a vocabulary of V characters. */
export function modelConfigOf(s: TrainSettings, vocabSize: number): ModelConfig {
  return {
    ...architectureOf(s),
    input: 'onehot',
    inputSize: vocabSize,
    outputSize: vocabSize,
    head: 'softmax',
  };
}

/** How the model starts: W_hh's initialisation and the gate bias (null: PyTorch's draw). */
export function initOptionsOf(s: TrainSettings): InitOptions {
  return {
    recurrent: s.init,
    ...(s.init !== 'default' ? { recurrentScale: s.recurrentScale } : {}),
    ...(s.gateBias !== null ? { forgetBias: s.gateBias, updateBias: s.gateBias } : {}),
  };
}

export function optimizerConfigOf(s: TrainSettings): OptimizerConfig {
  return optimizerFor(s.optimizer, s);
}

export function clipConfigOf(s: TrainSettings): ClipConfig {
  return s.clipMode === 'none'
    ? { mode: 'none' }
    : { mode: s.clipMode, threshold: s.clipThreshold };
}
