// `train --task spaces|future`: taggers trained from the command line, through the same run()
// main.ts calls. Real runs: the validation loss falls, a bidirectional model reads the future a
// forward one cannot, the file loads back as the tagger it is (and `forward` reads a text with its
// spaces); every bad combination of flags is one line and the right exit code.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.ts';
import { parseModel, parseModelFile } from '../../src/engine/modelfile.ts';
import { removeSpaces } from '../../src/engine/tasks/spaces.ts';
import { traceSequence } from '../../src/engine/trace.ts';
import { encode } from '../../src/engine/vocab.ts';

const dir = mkdtempSync(join(tmpdir(), 'unrolled-tagger-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function runIn(args: readonly string[]) {
  let stdout = '';
  let stderr = '';
  const code = run(args, { out: (s) => (stdout += s), err: (s) => (stderr += s), errIsTTY: false });
  return { code, stdout, stderr };
}

// The first 12,000 characters of tinyshakespeare: about 2,000 words.
const shakespeare = readFileSync(
  join(import.meta.dirname, '..', '..', 'public', 'corpora', 'tinyshakespeare.txt'),
  'utf8',
).slice(0, 12_000);
const corpus = join(dir, 'shakespeare.txt');
writeFileSync(corpus, shakespeare);

/** The validation figures of every progress line: [val loss, accuracy, F1 or NaN]. */
function progressFigures(stderr: string): number[][] {
  return [...stderr.matchAll(/val ([\d.]+)\s+acc ([\d.]+)(?:\s+F1 ([\d.]+))?/g)].map((m) => [
    Number(m[1]),
    Number(m[2]),
    m[3] === undefined ? NaN : Number(m[3]),
  ]);
}

/** "val   loss 0.1234 nats/char  accuracy 0.9 …" → its loss, accuracy and F1 (NaN when absent). */
function summary(
  stdout: string,
  split: 'train' | 'val',
): { loss: number; acc: number; f1: number } {
  const m = new RegExp(
    `  ${split}\\s+loss ([\\d.]+) nats/char  accuracy ([\\d.]+)(?:  F1 of “word end” ([\\d.]+))?`,
  ).exec(stdout);
  if (m === null) throw new Error(`no ${split} line in: ${stdout}`);
  return { loss: Number(m[1]), acc: Number(m[2]), f1: m[3] === undefined ? NaN : Number(m[3]) };
}

const spaces = (out: string, ...more: string[]) => [
  'train',
  '--task',
  'spaces',
  '--corpus',
  corpus,
  '--cell',
  'gru',
  '--hidden',
  '12',
  '--seq',
  '24',
  '--batch',
  '8',
  '--lr',
  '1e-2',
  '--steps',
  '240',
  '--eval-every',
  '60',
  '--seed',
  '3',
  '--out',
  join(dir, out),
  ...more,
];

describe('train --task spaces', () => {
  let bi: ReturnType<typeof runIn>;
  beforeAll(() => {
    bi = runIn(spaces('bi.json', '--bidirectional', '--layers', '2', '--digits', '5'));
  });

  it('trains a bidirectional tagger: the validation loss falls, word ends are found', () => {
    expect(bi.code).toBe(0);
    expect(bi.stderr).toMatch(
      /^Training a 2-layer bidirectional GRU tagger \(hidden 12, [\d,]+ parameters\) on [\d,]+ training \+ [\d,]+ validation characters, spaces removed \(\d+ distinct; classes inside, word end\), adam lr 0\.01, clip norm 5\.\n/,
    );
    const figures = progressFigures(bi.stderr);
    expect(figures).toHaveLength(4);
    const [first, last] = [figures[0]!, figures[3]!];
    expect(last[0]).toBeLessThan(first[0]! - 0.05);
    expect(last[2]).toBeGreaterThan(0.5);
    const val = summary(bi.stdout, 'val');
    const train = summary(bi.stdout, 'train');
    // The summary scores the saved (rounded) weights: close to the last progress line.
    expect(Math.abs(val.loss - last[0]!)).toBeLessThan(1e-3);
    expect(train.loss).toBeLessThan(first[0]!);
    // Better than the best rule that reads only the current character.
    const unigram = Number(/current character only, val loss ([\d.]+)/.exec(bi.stdout)?.[1]);
    expect(val.loss).toBeLessThan(unigram);
    expect(val.acc).toBeGreaterThan(0.85);
  });

  it('writes a file that loads back as a bidirectional tagger with its classes and task', () => {
    const text = readFileSync(join(dir, 'bi.json'), 'utf8');
    const loaded = parseModelFile(text);
    expect(loaded.model.config).toMatchObject({
      cell: 'gru',
      hiddenSize: 12,
      numLayers: 2,
      bidirectional: true,
      input: 'onehot',
      head: 'softmax',
      outputSize: 2,
    });
    expect(loaded.classes).toEqual(['inside', 'word end']);
    expect(loaded.task).toBe('spaces');
    expect(loaded.vocab!.chars).not.toContain(' ');
    // Rounded to 5 significant digits.
    const json = JSON.parse(text) as { tensors: Record<string, { data: number[] }> };
    const data = json.tensors['rnn.weight_hh_l1_reverse']!.data;
    expect(data.every((v) => Number(v.toPrecision(5)) === v)).toBe(true);
    // Not a character model: the character views refuse it with a reason.
    expect(() => parseModel(text)).toThrow(/bidirectional GRU .* not a character model/);
  });

  it('forward reads a text with its spaces: they are removed and the word ends are its targets', () => {
    const file = join(dir, 'bi.json');
    const r = runIn(['forward', '--model', file, '--text', 'First Citizen: speak.']);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    const { model, vocab } = parseModelFile(readFileSync(file, 'utf8'));
    const { chars, ends } = removeSpaces('First Citizen: speak.');
    const trace = traceSequence(model, encode(chars, vocab!), ends);
    expect(out['loss']).toBe(trace.loss);
    expect(out['text']).toBe('FirstCitizen:speak.');
    expect(out['targets']).toEqual([
      ...['inside', 'inside', 'inside', 'inside', 'word end'],
      ...['inside', 'inside', 'inside', 'inside', 'inside', 'inside', 'inside', 'word end'],
      ...['inside', 'inside', 'inside', 'inside', 'inside', 'word end'],
    ]);
    expect(out['layers']).toEqual(['l0', 'l0_reverse', 'l1', 'l1_reverse']);
    // Without spaces, nothing is scored, as before.
    const plain = JSON.parse(runIn(['forward', '--model', file, '--text', 'First']).stdout) as {
      loss: unknown;
    };
    expect(plain).toMatchObject({ loss: null });
    expect(plain).not.toHaveProperty('targets');
    // Labels for a text with spaces would contradict them.
    const both = runIn(['forward', '--model', file, '--text', 'a b', '--targets', 'inside,inside']);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/the spaces of --text are its targets: leave out --targets/);
  });

  it('the same seed and options write the same file', () => {
    const again = runIn(spaces('again.json', '--bidirectional', '--layers', '2', '--digits', '5'));
    expect(again.code).toBe(0);
    expect(readFileSync(join(dir, 'again.json'), 'utf8')).toBe(
      readFileSync(join(dir, 'bi.json'), 'utf8'),
    );
  });
});

describe('train --task future', () => {
  const future = (bidirectional: boolean) =>
    runIn([
      'train',
      '--task',
      'future',
      '--lookahead',
      '2',
      '--cell',
      'gru',
      '--hidden',
      '12',
      '--seq',
      '16',
      '--batch',
      '16',
      '--lr',
      '1e-2',
      '--steps',
      '300',
      '--eval-every',
      '100',
      '--out',
      join(dir, bidirectional ? 'future-bi.json' : 'future-fwd.json'),
      ...(bidirectional ? ['--bidirectional'] : []),
    ]);

  it('a forward model stays at chance (1/4); a bidirectional one reads the answer', () => {
    const fwd = future(false);
    const bi = future(true);
    expect(fwd.code).toBe(0);
    expect(bi.code).toBe(0);
    expect(fwd.stderr).toMatch(/on 36,000 training \+ 4,000 validation letters, tagged 2 ahead/);
    expect(bi.stdout).not.toMatch(/F1/);
    expect(summary(fwd.stdout, 'val').acc).toBeLessThan(0.3);
    expect(summary(bi.stdout, 'val').acc).toBeGreaterThan(0.95);
    const loaded = parseModelFile(readFileSync(join(dir, 'future-bi.json'), 'utf8'));
    expect(loaded.classes).toEqual(['a', 'b', 'c', 'd']);
    expect(loaded.task).toBe('future');
    expect(loaded.model.config.bidirectional).toBe(true);
  });
});

describe('flags that do not fit', () => {
  const out = ['--out', join(dir, 'never.json')];
  it.each([
    [
      ['--task', 'future', '--lookahead', '21'],
      '--lookahead must be a whole number from 0 to 20 (got "21")',
    ],
    [
      ['--task', 'future', '--lookahead=-1'],
      '--lookahead must be a whole number from 0 to 20 (got "-1")',
    ],
    [
      ['--task', 'spaces'],
      '--task spaces needs --corpus FILE (the text whose spaces it puts back)',
    ],
    [
      ['--task', 'words', '--corpus', corpus],
      '--task must be one of chars, spaces, future (got "words")',
    ],
    [
      ['--task', 'future', '--corpus', corpus],
      '--task future makes up its own letters; it reads no --corpus',
    ],
    [
      ['--task', 'future', '--val', '0.2'],
      '--val does not apply to --task future (its letters are split 90/10)',
    ],
    [
      ['--task', 'spaces', '--corpus', corpus, '--lookahead', '2'],
      '--lookahead applies only to --task future',
    ],
    [
      ['--task', 'spaces', '--corpus', corpus, '--val', '0'],
      'a tagger needs a validation part: --val above 0',
    ],
    [['--corpus', corpus, '--lookahead', '2'], '--lookahead applies only to --task future'],
    [
      ['--corpus', corpus, '--bidirectional'],
      '--bidirectional applies only to --task spaces or future (a model that predicts what comes next cannot read ahead)',
    ],
    [
      ['--series', corpus, '--task', 'spaces'],
      '--task does not apply to --series (a series model has its own task)',
    ],
    [
      ['--task', 'future', '--lookahead', '8', '--seq', '8'],
      '--seq must be above --lookahead (got 8 and 8): a window of T letters has answers only for its first T − K',
    ],
  ])('%j', (flags, message) => {
    const r = runIn(['train', ...flags, ...out]);
    expect(r).toEqual({ code: 2, stdout: '', stderr: `unrolled: ${message}\n` });
  });

  it('a text with too few words fails the run (exit 1) with the engine’s reason', () => {
    const short = join(dir, 'short.txt');
    writeFileSync(short, 'to be or not to be, that is the question. '.repeat(3));
    const r = runIn(['train', '--task', 'spaces', '--corpus', short, ...out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `unrolled: ${short}: The text has too few words to learn where they end.\n`,
    );
  });
});
