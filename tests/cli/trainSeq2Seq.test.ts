// `train --task dates|reverse|sort|add` in-process through run(): a short run prints its progress
// and exact match by input length and writes a model file that forward reads back; flags that
// cannot work together and out-of-range lengths are refused before any training.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseSeq2SeqFile } from '../../src/engine/seq2seq/file.ts';
import { runIn } from './runIn.ts';

const dir = mkdtempSync(join(tmpdir(), 'unrolled-s2s-train-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('train --task reverse', () => {
  it('trains, reports and writes a model file that forward reads', () => {
    const out = join(dir, 'reverse.json');
    const args = ['train', '--task', 'reverse', '--steps', '40', '--hidden', '12'];
    args.push('--train-size', '400', '--val-size', '40', '--eval-every', '20', '--out', out);
    const { code, stderr } = runIn(args);
    expect(code, stderr).toBe(0);
    expect(stderr).toMatch(/^reverse: 400 training pairs, 40 held out; gru 12, attention additive/);
    expect(stderr).toMatch(
      /step 20 {2}train loss [\d.]+ {2}val loss [\d.]+ {2}exact [\d.]+% {2}per char/,
    );
    expect(stderr).toMatch(/step 40 /);
    expect(stderr).toMatch(/exact match by input length: 3: \d+% \(\d+\)/);
    const file = parseSeq2SeqFile(readFileSync(out, 'utf8'));
    expect(file).toMatchObject({ task: 'reverse', step: 40 });
    expect(file.model.config).toMatchObject({ cell: 'gru', hiddenSize: 12, attention: 'additive' });
    const forward = runIn(['forward', '--model', out, '--text', 'abc\tcba']);
    expect(forward.code, forward.stderr).toBe(0);
    expect((JSON.parse(forward.stdout) as { steps: unknown[] }).steps).toHaveLength(4);
  });

  it('refuses flags that cannot work together, and lengths out of range', () => {
    const bad = [
      ['train', '--task', 'dates', '--attention', 'dot', '--bidirectional'],
      ['train', '--task', 'add', '--max-length', '30'],
      ['train', '--task', 'reverse', '--attention', 'luong'],
      ['train', '--task', 'sort', '--corpus', 'x.txt'],
    ];
    for (const args of bad) {
      const { code, stderr } = runIn(args);
      expect(code, args.join(' ')).toBe(2);
      expect(stderr).toMatch(/^unrolled: /);
    }
  });
});
