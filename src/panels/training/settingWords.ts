// The words of a training setting in the language in effect: its label, unit, help and options,
// read by the setting's key from the messages (`training.settings.<key>`), which repeat the
// engine's settings table (engine/settingsTable.ts) in English.
import type { TFunction } from 'i18next';
import type { SettingName, SettingRow } from '../../engine/settings';
import type { MessageKey } from '../../store/messages';

export interface SettingWords {
  label: string;
  /** Only for a row with a unit. */
  unit: string | undefined;
  help: string;
  /** What the form shows for one of a choice's options. */
  option: (value: string) => string;
}

export function settingWords(t: TFunction, name: SettingName, row: SettingRow): SettingWords {
  const say = (key: string) => t(key as MessageKey) as string;
  const base = `training.settings.${name}`;
  return {
    label: say(`${base}.label`),
    unit: row.unit !== undefined ? say(`${base}.unit`) : undefined,
    help: say(`${base}.help`),
    option: (value) => say(`${base}.options.${value}`),
  };
}
