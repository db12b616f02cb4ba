// The settings table: its rows are consistent (unique keys and flags, valid defaults, conditions
// that name real settings), and the engine's defaults and validation come from it.
import { describe, expect, it } from 'vitest';
import { OPTIMIZER_KINDS } from '../../src/engine/optim.ts';
import {
  cliDefault,
  DEFAULT_SETTINGS,
  differIn,
  nounOf,
  optimizerConfigOf,
  SETTING_ROWS,
  SETTINGS,
  settingProblem,
  validateSettings,
  type SettingRow,
} from '../../src/engine/settings.ts';
import { edges } from './settingEdges.ts';

describe('the settings table', () => {
  it('keeps every URL key the app has used, and one flag per setting', () => {
    const urls = SETTING_ROWS.map(([, r]) => r.url);
    expect(urls).toEqual(
      expect.arrayContaining(
        'cell seed nl hidden layers seq batch opt lr clip clipAt init bias'.split(' '),
      ),
    );
    expect(new Set(urls).size).toBe(urls.length);
    const flags = SETTING_ROWS.map(([, r]) => r.flag);
    expect(new Set(flags).size).toBe(flags.length);
    expect(Object.keys(DEFAULT_SETTINGS)).toEqual(Object.keys(SETTINGS));
  });

  it.each(SETTING_ROWS)(
    '%s: its defaults fit its range, its condition names a setting',
    (_, row) => {
      expect(settingProblem(row, row.default)).toBeNull();
      for (const k of OPTIMIZER_KINDS) expect(settingProblem(row, cliDefault(row, k))).toBeNull();
      if (row.kind === 'choice') {
        for (const o of row.options) expect(row.labels[o]).toMatch(/\S/);
      }
      const when = row.appliesWhen;
      if (when) {
        const other = SETTINGS[when.setting as keyof typeof SETTINGS] as SettingRow;
        expect(other.kind).toBe('choice');
        const value = when.is ?? when.isNot;
        expect(other.kind === 'choice' && other.options.includes(value!)).toBe(true);
      }
    },
  );

  it.each(SETTING_ROWS)('%s: validation accepts its range and refuses the rest', (name, row) => {
    const { good, bad } = edges(row);
    for (const v of good)
      expect(() => validateSettings({ ...DEFAULT_SETTINGS, [name]: v })).not.toThrow();
    for (const v of bad) {
      const problem = settingProblem(row, v);
      expect(problem, String(v)).not.toBeNull();
      expect(() => validateSettings({ ...DEFAULT_SETTINGS, [name]: v })).toThrow(
        new RangeError(`The ${nounOf(row)} ${problem}.`),
      );
    }
  });

  it('words problems as the app always has', () => {
    const settings = { ...DEFAULT_SETTINGS, hiddenSize: 4096 };
    expect(() => validateSettings(settings)).toThrow(
      'The hidden size must be a whole number from 1 to 512 (got 4096).',
    );
    expect(() => validateSettings({ ...DEFAULT_SETTINGS, lr: 0 })).toThrow(
      'The learning rate must be between 0.00001 and 10 (got 0).',
    );
    expect(() => validateSettings({ ...DEFAULT_SETTINGS, cell: 'tcn' as 'rnn' })).toThrow(
      'The cell must be one of rnn, lstm, gru (got "tcn").',
    );
  });

  it('sorts changes into new model, new trainer and live', () => {
    const d = DEFAULT_SETTINGS;
    expect(differIn(d, { ...d, hiddenSize: 32 }, 'model')).toBe(true);
    expect(differIn(d, { ...d, seed: 2 }, 'model')).toBe(true);
    expect(differIn(d, { ...d, batchSize: 4 }, 'model')).toBe(false);
    expect(differIn(d, { ...d, batchSize: 4 }, 'trainer')).toBe(true);
    expect(differIn(d, { ...d, weightDecay: 0.1 }, 'trainer')).toBe(true);
    expect(differIn(d, { ...d, lr: 0.1, clipMode: 'none' }, 'trainer')).toBe(false);
  });

  it('gives the optimizer its settings: SGD with momentum, AdamW with its weight decay', () => {
    const d = DEFAULT_SETTINGS;
    expect(optimizerConfigOf({ ...d, optimizer: 'sgd', lr: 0.1 })).toEqual({
      kind: 'sgd',
      lr: 0.1,
      momentum: 0.9,
    });
    expect(optimizerConfigOf({ ...d, optimizer: 'adamw', weightDecay: 0.05 })).toEqual({
      kind: 'adamw',
      lr: d.lr,
      weightDecay: 0.05,
    });
  });
});
