// `train`'s setting flags come from the engine's settings table: one flag per row, in the help,
// accepting exactly what the app accepts and refusing the rest with the app's own words.
import { describe, expect, it } from 'vitest';
import { Flags } from '../../src/cli/args.ts';
import { run } from '../../src/cli/run.ts';
import { readSettings, SETTING_FLAGS } from '../../src/cli/settingFlags.ts';
import { trainUsage } from '../../src/cli/train.ts';
import {
  cliDefault,
  nounOf,
  SETTING_ROWS,
  SETTINGS,
  settingProblem,
  validateSettings,
  DEFAULT_SETTINGS,
  type SettingRow,
} from '../../src/engine/settings.ts';
import { edges } from '../engine/settingEdges.ts';

function runIn(args: readonly string[]): { code: number; stderr: string } {
  let stderr = '';
  const code = run(args, { out: () => {}, err: (s) => (stderr += s), errIsTTY: false });
  return { code, stderr };
}

/** `train` on a missing file with these flags: the flags are read before the file is. */
const train = (...flags: string[]) => runIn(['train', '--corpus', '/nonexistent/c.txt', ...flags]);

/** Flags that make a row apply (--cell rnn for --nonlinearity, …). */
function enabling(row: SettingRow): string[] {
  const when = row.appliesWhen;
  if (when === undefined) return [];
  const other = SETTINGS[when.setting as keyof typeof SETTINGS] as SettingRow;
  if (when.is !== undefined) return [`--${other.flag}`, when.is];
  // `isNot`: the other setting's default already enables it, or its first other option does.
  if (other.kind !== 'choice' || cliDefault(other, 'adam') !== when.isNot) return [];
  return [`--${other.flag}`, other.options.find((o) => o !== when.isNot)!];
}

describe('train’s setting flags', () => {
  it('has one flag per row, each in the help', () => {
    expect(SETTING_FLAGS).toEqual(SETTING_ROWS.map(([, r]) => r.flag));
    for (const flag of SETTING_FLAGS) expect(trainUsage).toMatch(new RegExp(`^  --${flag} `, 'm'));
  });

  it('refuses --hidden 4096 with the message the app gives', () => {
    const r = train('--hidden', '4096');
    expect(r).toEqual({
      code: 2,
      stderr: 'unrolled: --hidden must be a whole number from 1 to 512 (got 4096)\n',
    });
    expect(() => validateSettings({ ...DEFAULT_SETTINGS, hiddenSize: 4096 })).toThrow(
      'The hidden size must be a whole number from 1 to 512 (got 4096).',
    );
  });

  it.each(SETTING_ROWS)('--%s: accepts what the app accepts, refuses the rest', (name, row) => {
    const { good, bad } = edges(row);
    for (const value of good.filter((g) => g !== null)) {
      const r = train(...enabling(row), `--${row.flag}=${String(value)}`);
      expect(r.stderr, String(value)).toMatch(/^unrolled: cannot read the corpus/);
      expect(r.code).toBe(1);
    }
    const texts = [
      ...bad.filter((b) => typeof b === 'number' || (row.kind === 'choice' && b !== null)),
      'x',
    ].map(String);
    for (const text of texts) {
      const value = row.kind !== 'choice' && /^[-\d.e+]+$/i.test(text) ? Number(text) : text;
      const problem = settingProblem(row, value);
      expect(problem, text).not.toBeNull();
      expect(train(...enabling(row), `--${row.flag}=${text}`)).toEqual({
        code: 2,
        stderr: `unrolled: --${row.flag} ${problem}\n`,
      });
      expect(() => validateSettings({ ...DEFAULT_SETTINGS, [name]: value })).toThrow(
        `The ${nounOf(row)} ${problem}.`,
      );
    }
  });

  it('refuses a flag whose setting does not apply, as the form disables it', () => {
    expect(train('--weight-decay', '0.1').stderr).toBe(
      'unrolled: --weight-decay applies only to --optimizer adamw\n',
    );
    expect(train('--clip', '3', '--clip-mode', 'none').stderr).toBe(
      'unrolled: --clip does not apply to --clip-mode none\n',
    );
    expect(train('--gate-bias', '1', '--cell', 'rnn').code).toBe(2);
  });

  it('takes each row’s command-line default; the learning rate is PyTorch’s for the optimizer', () => {
    const read = (...args: string[]) => readSettings(new Flags(args, { strings: SETTING_FLAGS }));
    const defaults = read();
    for (const [name, row] of SETTING_ROWS) expect(defaults[name]).toBe(cliDefault(row, 'adam'));
    expect(() => validateSettings(defaults)).not.toThrow();
    expect(defaults).toMatchObject({ hiddenSize: 128, seqLen: 25, batchSize: 32, lr: 0.001 });
    expect(read('--optimizer', 'sgd').lr).toBe(0.1);
    expect(read('--optimizer', 'adamw')).toMatchObject({ lr: 0.001, weightDecay: 0.01 });
    expect(read('--optimizer', 'sgd', '--lr', '0.5').lr).toBe(0.5);
  });
});
