// The URL keys and the stored schema of the training settings come from the engine's table: every
// row round-trips through the address, and the address and the stored data accept exactly the
// values the engine's validation accepts.
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  SETTING_ROWS,
  settingProblem,
  validateSettings,
} from '../../src/engine/settings';
import { configSchema } from '../../src/persist/trainingStore';
import {
  CONFIG_PARAMS,
  configFromParams,
  initialConfig,
  paramsFromConfig,
  settingsOf,
  type ConfigState,
} from '../../src/store/config';
import { parseHash, serialiseHash } from '../../src/store/url';
import { edges } from '../engine/settingEdges';

/** A value other than the default, inside the row's range. */
function another(name: string): string | number {
  const row = SETTING_ROWS.find(([n]) => n === name)![1];
  if (row.kind === 'choice') return row.options.find((o) => o !== row.default)!;
  return row.max;
}

const train = (query: string) => parseHash(`#/train?${query}`);

describe('training settings in the address', () => {
  it('has one key per row of the table, and the text', () => {
    expect(Object.keys(CONFIG_PARAMS)).toEqual(['corpus', ...SETTING_ROWS.map(([, r]) => r.url)]);
  });

  it.each(SETTING_ROWS)('%s round-trips through its key', (name, row) => {
    const config = { ...initialConfig(), [name]: another(name) } as ConfigState;
    const hash = serialiseHash({ view: 'train', params: paramsFromConfig(config) });
    expect(hash).toBe(`#/train?${row.url}=${String(another(name))}`);
    const { route, problems } = parseHash(hash);
    expect(problems).toEqual([]);
    expect(configFromParams(route.params)).toEqual(config);
    expect(paramsFromConfig(initialConfig())).toEqual({});
  });

  it.each(SETTING_ROWS)('%s: the address refuses what validation refuses', (name, row) => {
    const { good, bad } = edges(row);
    for (const value of good.filter((g) => g !== null)) {
      const { route, problems } = train(`${row.url}=${String(value)}`);
      expect(problems, String(value)).toEqual([]);
      const settings = settingsOf(configFromParams(route.params));
      expect(settings[name]).toBe(value);
      expect(() => validateSettings(settings)).not.toThrow();
    }
    for (const value of [
      ...bad.filter((b) => typeof b === 'number' || row.kind === 'choice'),
      'x',
    ]) {
      expect(settingProblem(row, value)).not.toBeNull();
      const { route, problems } = train(`${row.url}=${String(value)}`);
      expect(route.params, String(value)).toEqual({});
      expect(problems).toEqual([
        `Ignored ${row.url}=“${String(value)}”, which is not a valid value.`,
      ]);
    }
  });
});

describe('training settings in storage', () => {
  const stored = (patch: Record<string, unknown>) =>
    v.safeParse(configSchema, { ...initialConfig(), ...patch });

  it.each(SETTING_ROWS)('%s: accepts what validation accepts, and nothing else', (name, row) => {
    const { good, bad } = edges(row);
    for (const value of good) expect(stored({ [name]: value }).success, String(value)).toBe(true);
    for (const value of bad) expect(stored({ [name]: value }).success, String(value)).toBe(false);
  });

  it('reads a run saved before a setting existed with that setting’s default', () => {
    const { weightDecay: _, ...old } = { ...initialConfig(), hiddenSize: 32 };
    const parsed = v.safeParse(configSchema, old);
    expect(parsed.success && parsed.output).toEqual({ ...initialConfig(), hiddenSize: 32 });
    expect(stored({ hiddenSize: 4096 }).success).toBe(false);
    expect(stored({ corpus: 'nope' }).success).toBe(false);
  });

  it('stores the engine’s defaults', () => {
    expect(settingsOf(initialConfig())).toEqual(DEFAULT_SETTINGS);
  });
});
