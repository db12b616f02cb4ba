// The settings table: its rows are consistent (unique keys and flags, valid defaults, conditions
// that name real settings), and the engine's defaults and validation come from it.
import { describe, expect, it } from 'vitest';
import { OPTIMIZER_KINDS } from '../../src/engine/optim.ts';
import { problemTemplate, problemText } from '../../src/engine/problem.ts';
import { PROBLEMS } from '../../src/engine/problems/index.ts';
import {
  cliDefault,
  DEFAULT_SETTINGS,
  differIn,
  nounOf,
  optimizerConfigOf,
  SETTING_ROWS,
  SETTINGS,
  SettingsError,
  settingProblem,
  settingsNamed,
  validateSettings,
  type SettingRow,
  type TrainSettings,
} from '../../src/engine/settings.ts';
import { edges } from './settingEdges.ts';

/** What validateSettings throws for `settings` (the test fails when it throws nothing). */
function refusal(settings: TrainSettings): SettingsError {
  try {
    validateSettings(settings);
  } catch (e) {
    expect(e).toBeInstanceOf(SettingsError);
    return e as SettingsError;
  }
  throw new Error('expected the settings to be refused');
}

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
      const error = refusal({ ...DEFAULT_SETTINGS, [name]: v });
      expect(error.message).toBe(`The ${nounOf(row)} ${problem}.`);
      // A code of its own per setting and kind, so the page can say it in the learner's language.
      expect(error.code, String(v)).toMatch(
        new RegExp(`^settings\\.${name}(Choice|Whole|Number|Range)$`),
      );
      expect(problemTemplate(error.code)).toBeDefined();
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

  it('refuses with a code and the values its words name', () => {
    expect(refusal({ ...DEFAULT_SETTINGS, hiddenSize: 4096 })).toMatchObject({
      code: 'settings.hiddenSizeWhole',
      vars: { min: 1, max: 512, got: '4096' },
    });
    expect(refusal({ ...DEFAULT_SETTINGS, lr: 0 })).toMatchObject({
      code: 'settings.lrRange',
      vars: { min: 1e-5, max: 10, got: '0' },
    });
    expect(refusal({ ...DEFAULT_SETTINGS, gateBias: '1' as unknown as number })).toMatchObject({
      code: 'settings.gateBiasNumber',
      vars: { got: '"1"' },
    });
    expect(refusal({ ...DEFAULT_SETTINGS, cell: 'tcn' as 'rnn' })).toMatchObject({
      code: 'settings.cellChoice',
      vars: { options: 'rnn, lstm, gru', got: '"tcn"' },
    });
  });

  it('names settings by their form labels, one or a list', () => {
    const labels = PROBLEMS.settings as Record<string, string>;
    for (const [name, row] of SETTING_ROWS) expect(labels[name], name).toBe(row.label);
    expect(settingsNamed(['hiddenSize'])).toEqual({ code: 'settings.hiddenSize', vars: {} });
    const two = settingsNamed(['cell', 'numLayers']);
    expect(problemText(two)).toBe('Cell, Layers');
    const all = settingsNamed(['cell', 'hiddenSize', 'numLayers', 'seed', 'optimizer']);
    expect(problemText({ code: 'run.needNewModel', vars: { settings: all } })).toBe(
      'Cell, Hidden size, Layers, Seed, Optimizer: these need a new model.',
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
