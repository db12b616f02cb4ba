// `train --series`: a model with real-valued input and a linear head on a CSV column, through the
// same run() main.ts calls; the file is checked as the app checks it, and the model file loads.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.ts';
import { parseModelFile } from '../../src/engine/modelfile.ts';
import { sinesSeries } from '../../src/engine/tasks/seriesData.ts';

const dir = mkdtempSync(join(tmpdir(), 'unrolled-series-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function runIn(args: readonly string[]) {
  let stdout = '';
  let stderr = '';
  const code = run(args, { out: (s) => (stdout += s), err: (s) => (stderr += s), errIsTTY: false });
  return { code, stdout, stderr };
}

const values = sinesSeries(400, { periods: [12, 40], amplitudes: [1, 0.5], noise: 0.05, seed: 3 });
const csvFile = join(dir, 'sines.csv');
writeFileSync(
  csvFile,
  `step,level,flag\n${Array.from(values, (v, k) => `${k},${v.toFixed(6)},1`).join('\n')}\n`,
);
const small = ['--hidden', '8', '--seq', '24', '--batch', '8', '--steps', '600', '--seed', '2'];

describe('train --series', () => {
  it('learns a sum of sines better than the last value, and writes a model PyTorch-named', () => {
    const out = join(dir, 'sines.json');
    const r = runIn([
      'train',
      '--series',
      csvFile,
      '--season',
      '12',
      ...small,
      '--out',
      out,
      '--val',
      '0.2',
    ]);
    expect(r.stderr).toMatch(
      /on "level": 320 training \+ 80 validation values, predicting 1 step ahead/,
    );
    expect(r.code).toBe(0);
    const mse = Number(/val MSE\s+([\d.]+)/.exec(r.stdout)?.[1]);
    const last = Number(/last value\s+([\d.]+)/.exec(r.stdout)?.[1]);
    expect(r.stdout).toMatch(/value one season \(12\) back/);
    expect(mse).toBeLessThan(last);
    const loaded = parseModelFile(readFileSync(out, 'utf8'));
    expect(loaded.model.config).toMatchObject({
      input: 'dense',
      inputSize: 1,
      head: 'linear',
      outputSize: 1,
    });
    expect(loaded.task).toBe('series');
    // The same seed and options give the same file.
    const again = join(dir, 'again.json');
    runIn([
      'train',
      '--series',
      csvFile,
      '--season',
      '12',
      ...small,
      '--out',
      again,
      '--val',
      '0.2',
    ]);
    expect(readFileSync(again, 'utf8')).toBe(readFileSync(out, 'utf8'));
  });

  it('reads the column named, and refuses a bad file or column with the app’s message', () => {
    const flag = runIn([
      'train',
      '--series',
      csvFile,
      '--column',
      'flag',
      ...small,
      '--out',
      join(dir, 'x.json'),
    ]);
    expect(flag.code).toBe(0);
    const missing = runIn([
      'train',
      '--series',
      csvFile,
      '--column',
      'nope',
      '--out',
      join(dir, 'y.json'),
    ]);
    expect(missing).toEqual({
      code: 1,
      stdout: '',
      stderr: `unrolled: ${csvFile}: There is no column “nope”. The columns are: step, level, flag.\n`,
    });
    const short = join(dir, 'short.csv');
    writeFileSync(short, 'a,b\n1,2\n');
    expect(runIn(['train', '--series', short]).stderr).toBe(
      `unrolled: ${short}: The series has 1 values; at least 60 are needed to train and validate.\n`,
    );
  });

  it('exits non-zero on a diverged run and writes nothing', () => {
    const out = join(dir, 'diverged.json');
    const r = runIn([
      'train',
      '--series',
      csvFile,
      '--optimizer',
      'sgd',
      '--lr',
      '10',
      '--clip-mode',
      'none',
      '--cell',
      'rnn',
      '--steps',
      '200',
      '--out',
      out,
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/training diverged at step \d+/);
    expect(() => readFileSync(out)).toThrow();
  });

  it('with --difference, monthly CO₂ at Mauna Loa is predicted better than by its last value', () => {
    const co2 = join(
      import.meta.dirname,
      '..',
      '..',
      'public',
      'data',
      'series',
      'co2-concentration.csv',
    );
    const args = ['train', '--series', co2, '--season', '12', '--val', '0.2', ...small];
    const levels = runIn([...args, '--out', join(dir, 'co2.json')]);
    const changes = runIn([...args, '--difference', '--out', join(dir, 'co2d.json')]);
    const read = (out: string, what: RegExp) => Number(what.exec(out)?.[1]);
    const mse = /val MSE\s+([\d.]+)/;
    const last = /last value\s+([\d.]+)/;
    // The values leave the training range (the trend): the model does far worse than the last value.
    expect(read(levels.stdout, mse)).toBeGreaterThan(10 * read(levels.stdout, last));
    // Their changes stay in range: it beats the last value clearly.
    expect(changes.code).toBe(0);
    expect(changes.stdout).toMatch(/last change/);
    expect(read(changes.stdout, mse)).toBeLessThan(0.5 * read(changes.stdout, last));
  });

  it('keeps series flags to series runs', () => {
    expect(runIn(['train', '--corpus', csvFile, '--horizon', '2']).stderr).toBe(
      'unrolled: --horizon applies only with --series\n',
    );
    expect(runIn(['train', '--corpus', csvFile, '--difference']).stderr).toBe(
      'unrolled: --difference applies only with --series\n',
    );
    expect(runIn(['train', '--corpus', csvFile, '--series', csvFile]).stderr).toBe(
      'unrolled: give --corpus or --series, not both\n',
    );
  });
});
