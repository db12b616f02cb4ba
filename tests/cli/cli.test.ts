// The command-line tool, run as users run it (tsx src/cli/main.ts) on a small temporary corpus:
// train tiny models, then forward, sample and export-pytorch on them, checked against the engine
// itself; every bad command line gives one line on stderr and the right exit code. The long table
// of bad command lines runs in-process through run() (spawning tsx costs ~0.4 s each), and a
// sample of it again as real processes, to check the exit codes and streams end to end.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { namedTensors } from '../../src/engine/model.ts';
import { parseModel } from '../../src/engine/modelfile.ts';
import { traceSequence } from '../../src/engine/trace.ts';
import { encode } from '../../src/engine/vocab.ts';
import { run } from '../../src/cli/run.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const MAIN = join(ROOT, 'src', 'cli', 'main.ts');

interface Result {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI with stdin closed; stdout and stderr are pipes (so not a terminal). */
function cli(args: readonly string[]): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, [MAIN, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Runs a command line in this process, through the same run() that main.ts calls. */
function runIn(args: readonly string[]): Result {
  let stdout = '';
  let stderr = '';
  const io = {
    out: (s: string) => (stdout += s),
    err: (s: string) => (stderr += s),
    errIsTTY: false,
  };
  const code = run(args, io);
  return { code, stdout, stderr };
}

/** Runs many command lines, a few at a time (spawning tsx costs ~0.4 s of CPU each). */
async function cliAll(lines: readonly (readonly string[])[], parallel = 4): Promise<Result[]> {
  const results: Result[] = new Array<Result>(lines.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < lines.length) {
      const k = next++;
      results[k] = await cli(lines[k]!);
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  return results;
}

const dir = mkdtempSync(join(tmpdir(), 'unrolled-cli-'));
const path = (name: string): string => join(dir, name);
const CORPUS = path('corpus.txt');
const SENTENCE = 'the cat sat on the mat. 你好 😀 hello there!\n';
const TINY = ['--hidden', '8', '--batch', '2', '--seq', '8', '--eval-every', '10'];

let trained: Record<'lstm' | 'lstmAgain' | 'otherSeed' | 'gru' | 'rnn' | 'digits', Result>;

beforeAll(async () => {
  writeFileSync(CORPUS, SENTENCE.repeat(12));
  const train = (out: string, ...more: string[]): string[] => [
    'train',
    '--corpus',
    CORPUS,
    ...TINY,
    '--out',
    path(out),
    ...more,
  ];
  const [lstm, lstmAgain, otherSeed, gru, rnn, digits] = await cliAll([
    train('lstm.json', '--steps', '30', '--seed', '5'),
    train('lstm-again.json', '--steps', '30', '--seed', '5'),
    train('lstm-seed6.json', '--steps', '30', '--seed', '6'),
    train('gru.json', '--cell', 'gru', '--layers', '2', '--steps', '5', '--optimizer', 'rmsprop'),
    train('rnn.json', '--cell', 'rnn', '--nonlinearity', 'relu', '--steps', '5', '--val', '0'),
    train('lstm-digits.json', '--steps', '30', '--seed', '5', '--digits', '4'),
  ]);
  trained = {
    lstm: lstm!,
    lstmAgain: lstmAgain!,
    otherSeed: otherSeed!,
    gru: gru!,
    rnn: rnn!,
    digits: digits!,
  };
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const load = (name: string) => parseModel(readFileSync(path(name), 'utf8'));

describe('train', () => {
  it('trains, reports progress on stderr and a summary on stdout, writes the model', () => {
    const r = trained.lstm;
    expect(r.stderr).not.toMatch(/unrolled:/);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^Training a 1-layer LSTM \(hidden 8, [\d,]+ parameters\)/);
    expect(r.stderr).toMatch(/step 30\/30 {2}loss \d+\.\d{4} {2}val \d+\.\d{4} {2}[\d,]+ chars\/s/);
    expect(r.stderr).not.toContain('\r'); // not a terminal: plain lines
    expect(r.stdout).toMatch(/Trained a 1-layer LSTM \(hidden 8, [\d,]+ parameters\) for 30 steps/);
    expect(r.stdout).toMatch(/train loss \d+\.\d{4} nats\/char \(\d+\.\d{4} bits\/char\)/);
    expect(r.stdout).toMatch(/val loss {3}\d+\.\d{4} nats\/char/);
    const { model, vocab } = load('lstm.json');
    expect(model.config).toMatchObject({ cell: 'lstm', hiddenSize: 8, numLayers: 1 });
    expect(vocab.chars).toContain('😀');
    expect(vocab.chars).toContain('你');
    const params = namedTensors(model).reduce((s, t) => s + t.data.length, 0);
    expect(r.stdout).toContain(`${params.toLocaleString('en-US')} parameters`);
  });

  it('the same seed gives a byte-identical model file; another seed does not', () => {
    expect(trained.lstmAgain.code).toBe(0);
    expect(trained.otherSeed.code).toBe(0);
    const a = readFileSync(path('lstm.json'));
    expect(a.equals(readFileSync(path('lstm-again.json')))).toBe(true);
    expect(a.equals(readFileSync(path('lstm-seed6.json')))).toBe(false);
  });

  it('--digits rounds the saved weights', () => {
    expect(trained.digits.code).toBe(0);
    const exact = load('lstm.json').model;
    const rounded = load('lstm-digits.json').model;
    const e = namedTensors(exact);
    namedTensors(rounded).forEach((t, k) => {
      t.data.forEach((v, j) => expect(v).toBe(Number(e[k]!.data[j]!.toPrecision(4))));
    });
    expect(readFileSync(path('lstm-digits.json')).length).toBeLessThan(
      readFileSync(path('lstm.json')).length / 2,
    );
  });

  it('other cells, layers, optimizers and --val 0', () => {
    expect(trained.gru.code).toBe(0);
    expect(load('gru.json').model.config).toMatchObject({ cell: 'gru', numLayers: 2 });
    expect(trained.rnn.code).toBe(0);
    expect(trained.rnn.stdout).not.toContain('val loss');
    expect(load('rnn.json').model.config).toMatchObject({ cell: 'rnn', nonlinearity: 'relu' });
  });

  // The command line now applies the app's divergence rule (loss above 4·ln V, or not finite), so
  // this run stops at a huge finite loss a few steps before its loss became NaN.
  it('stops with exit code 1 and writes nothing when the loss is not finite', async () => {
    const out = path('diverged.json');
    const r = await cli([
      'train',
      '--corpus',
      CORPUS,
      ...TINY,
      '--cell',
      'rnn',
      '--nonlinearity',
      'relu',
      '--optimizer',
      'sgd',
      '--lr',
      '10', // the largest the settings allow; with these sizes and seed it reaches NaN
      '--hidden',
      '64',
      '--seq',
      '16',
      '--seed',
      '5',
      '--clip-mode',
      'none',
      '--steps',
      '20',
      '--out',
      out,
    ]);
    expect(r.code).toBe(1);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines.at(-1)).toMatch(/^unrolled: training diverged at step \d+ \(loss (NaN|\d+\.\d+)/);
    expect(lines.at(-1)).toContain('no model written');
    expect(r.stdout).toBe('');
    expect(existsSync(out)).toBe(false);
  });

  // It used to stop only on a non-finite loss: this run reaches 23 nats/char (4·ln V is 11.56)
  // at step 4 and exited 0 with the model written.
  it('stops with exit code 1 when the loss passes 4·ln V, as the app does', () => {
    const out = path('diverged-finite.json');
    const r = runIn([
      'train',
      '--corpus',
      CORPUS,
      ...TINY,
      '--cell',
      'rnn',
      '--optimizer',
      'sgd',
      '--lr',
      '10',
      '--seed',
      '5',
      '--clip-mode',
      'none',
      '--steps',
      '4',
      '--out',
      out,
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr.trimEnd().split('\n').at(-1)).toMatch(
      /^unrolled: training diverged at step 4 \(loss 23\.\d+, .*above 4·ln V = 11\.56\); no model written/,
    );
    expect(r.stdout).toBe('');
    expect(existsSync(out)).toBe(false);
  });
});

describe('forward', () => {
  const TEXT = 'hello 😀你 cat';
  const n = Array.from(TEXT).length;

  type Forward = {
    loss: number;
    logits: number[][];
    h: number[][][];
    c?: number[][][];
    gates: Record<string, number[]>[][];
    dLdh: number[][][];
    dLdhNorm: number[][];
    grads: Record<string, { shape: number[]; data: number[] }>;
  };

  const GATES = {
    lstm: ['i', 'i_pre', 'f', 'f_pre', 'g', 'g_pre', 'o', 'o_pre', 'tanh_c', 'fc', 'ig'],
    gru: [
      'r',
      'r_ih',
      'r_hh',
      'r_pre',
      'z',
      'z_ih',
      'z_hh',
      'z_pre',
      'n',
      'n_ih',
      'n_hh',
      'n_pre',
      'u',
    ],
    rnn: ['a', 'a_ih', 'ah'],
  };

  it.each(['lstm', 'gru', 'rnn'] as const)(
    '%s: shapes, and the engine’s own numbers',
    async (cell) => {
      const file = path(`${cell}.json`);
      const r = await cli(['forward', '--model', file, '--text', TEXT]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout.trimEnd().split('\n')).toHaveLength(1); // one JSON object on one line
      const out = JSON.parse(r.stdout) as Forward;
      const { model, vocab } = load(`${cell}.json`);
      const { hiddenSize: H, numLayers: L } = model.config;
      const V = vocab.chars.length;
      const T = n - 1;
      expect(Object.keys(out)).toEqual([
        'loss',
        'logits',
        'h',
        ...(cell === 'lstm' ? ['c'] : []),
        'gates',
        'dLdh',
        'dLdhNorm',
        'grads',
      ]);
      const shape = (a: unknown): number[] => (Array.isArray(a) ? [a.length, ...shape(a[0])] : []);
      expect(shape(out.logits)).toEqual([T, V]);
      expect(shape(out.h)).toEqual([L, T, H]);
      if (cell === 'lstm') expect(shape(out.c)).toEqual([L, T, H]);
      else expect(out.c).toBeUndefined();
      expect(shape(out.dLdh)).toEqual([L, T, H]);
      expect(shape(out.dLdhNorm)).toEqual([L, T]);
      expect(shape(out.gates)).toEqual([L, T]);
      for (const layer of out.gates) {
        for (const step of layer) {
          expect(Object.keys(step).sort()).toEqual([...GATES[cell]].sort());
          for (const v of Object.values(step)) expect(v).toHaveLength(H);
        }
      }
      const tensors = namedTensors(model);
      expect(Object.keys(out.grads)).toEqual(tensors.map((t) => t.name));
      for (const t of tensors) {
        expect(out.grads[t.name]!.shape).toEqual(t.shape);
        expect(out.grads[t.name]!.data).toHaveLength(t.data.length);
      }

      // The same numbers as the engine's traceSequence on the same file (JSON keeps every bit).
      const ids = encode(TEXT, vocab);
      const trace = traceSequence(model, ids.slice(0, -1), ids.slice(1));
      expect(Math.abs(out.loss - trace.loss)).toBeLessThanOrEqual(1e-12);
      expect(out.loss).toBe(trace.loss);
      expect(out.logits).toEqual(trace.outputs.map((y) => Array.from(y)));
      expect(out.h).toEqual(trace.named.map((l) => l.map((s) => Array.from(s['h']!))));
      expect(out.dLdhNorm).toEqual(trace.dLdhNorm);
      expect(out.grads['decoder.weight']!.data).toEqual(
        Array.from(trace.grads['decoder.weight']!.data),
      );

      // And the numbers agree with one another, checked from the JSON alone.
      const close = (a: number, b: number): void => expect(Math.abs(a - b)).toBeLessThan(1e-12);
      const W = model.decoder.W;
      const top = out.h[L - 1]!;
      let loss = 0;
      const dBias = new Array<number>(V).fill(0);
      out.logits.forEach((y, t) => {
        // y_t = W_dec h_t + b_dec
        y.forEach((v, o) => {
          let s = model.decoder.b[o]!;
          for (let j = 0; j < H; j++) s += W[o * H + j]! * top[t]![j]!;
          close(v, s);
        });
        // ℓ_t = logsumexp(y_t) − y_t[target]; dL/db_dec = mean_t (softmax(y_t) − onehot(target))
        const max = Math.max(...y);
        const z = y.reduce((a, v) => a + Math.exp(v - max), 0);
        loss += max + Math.log(z) - y[ids[t + 1]!]!;
        y.forEach(
          (v, o) => (dBias[o]! += (Math.exp(v - max) / z - (o === ids[t + 1] ? 1 : 0)) / T),
        );
      });
      close(out.loss, loss / T);
      out.grads['decoder.bias']!.data.forEach((g, o) => close(g, dBias[o]!));
      out.dLdh.forEach((layer, l) =>
        layer.forEach((d, t) => close(out.dLdhNorm[l]![t]!, Math.hypot(...d))),
      );
      out.gates.forEach((layer, l) =>
        layer.forEach((g, t) => {
          const h = out.h[l]![t]!;
          const hPrev = t > 0 ? out.h[l]![t - 1]! : new Array<number>(H).fill(0);
          for (let j = 0; j < H; j++) {
            if (cell === 'lstm') {
              close(g['tanh_c']![j]!, Math.tanh(out.c![l]![t]![j]!)); // tanh(c_t)
              close(h[j]!, g['o']![j]! * g['tanh_c']![j]!); // h_t = o ⊙ tanh(c_t)
            } else if (cell === 'gru') {
              const z = g['z']![j]!;
              close(h[j]!, (1 - z) * g['n']![j]! + z * hPrev[j]!); // h_t = (1 − z) ⊙ n + z ⊙ h_{t−1}
            } else {
              close(h[j]!, Math.max(0, g['a']![j]!)); // h_t = relu(a_t)
            }
          }
        }),
      );
    },
  );
});

describe('sample', () => {
  const model = path('lstm.json');
  const chars = (s: string): string[] => Array.from(s.replace(/\n$/, ''));

  it('prints the prime and LENGTH more characters, all from the vocabulary', async () => {
    const [a, again, other, greedy, topK, none] = await cliAll([
      ['sample', '--model', model, '--prime', 'the 😀', '--length', '40', '--seed', '3'],
      ['sample', '--model', model, '--prime', 'the 😀', '--length', '40', '--seed', '3'],
      ['sample', '--model', model, '--prime', 'the 😀', '--length', '40', '--seed', '4'],
      ['sample', '--model', model, '--prime', '你', '--length', '25', '--greedy'],
      ['sample', '--model', model, '--length', '30', '--top-k', '2', '--temperature', '1.5'],
      ['sample', '--model', model, '--prime', 'cat', '--length', '0'],
    ]);
    const { vocab } = load('lstm.json');
    for (const r of [a, again, other, greedy, topK, none]) {
      expect(r!.stderr).toBe('');
      expect(r!.code).toBe(0);
      expect(r!.stdout.endsWith('\n')).toBe(true);
      for (const c of chars(r!.stdout)) expect(vocab.chars).toContain(c);
    }
    expect(a!.stdout.startsWith('the 😀')).toBe(true);
    expect(chars(a!.stdout)).toHaveLength(5 + 40);
    expect(again!.stdout).toBe(a!.stdout);
    expect(other!.stdout).not.toBe(a!.stdout);
    expect(greedy!.stdout.startsWith('你')).toBe(true);
    expect(chars(greedy!.stdout)).toHaveLength(1 + 25);
    expect(chars(topK!.stdout)).toHaveLength(30);
    expect(none!.stdout).toBe('cat\n');
  });
});

describe('export-pytorch', () => {
  it('writes the script to --out, or prints it', async () => {
    const out = path('model.py');
    const [written, printed] = await cliAll([
      ['export-pytorch', '--model', path('gru.json'), '--out', out],
      ['export-pytorch', '--model', path('gru.json')],
    ]);
    expect(written!.code).toBe(0);
    expect(written!.stderr).toContain(`Wrote ${out}`);
    const script = readFileSync(out, 'utf8');
    expect(script).toMatch(/^#!\/usr\/bin\/env python3\n/);
    expect(script).toContain('nn.GRU(size, HIDDEN_SIZE, num_layers=NUM_LAYERS, batch_first=True)');
    expect(printed!.code).toBe(0);
    expect(printed!.stdout).toBe(script);
  });
});

describe('help', () => {
  it('prints usage on stdout with exit code 0', async () => {
    const lines = [['--help'], ['-h'], ['help'], ['help', 'train'], ['train', '--help']];
    const commands = ['forward', 'sample', 'export-pytorch'].flatMap((c) => [
      [c, '--help'],
      ['help', c],
      [c, '--model', 'unused.json', '-h'],
    ]);
    const results = [...lines, ...commands].map(runIn);
    for (const r of results) {
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^Usage: npm run engine -- /);
    }
    expect(results[0]!.stdout).toBe(results[2]!.stdout);
    for (const c of ['train', 'forward', 'sample', 'export-pytorch']) {
      expect(results[0]!.stdout).toContain(`  ${c} `);
    }
    expect(results[3]!.stdout).toBe(results[4]!.stdout);
    for (const flag of ['--corpus', '--cell', '--hidden', '--clip-mode', '--digits', '--seed']) {
      expect(results[3]!.stdout).toContain(flag);
    }
    const spawned = await cli(['--help']);
    expect(spawned).toEqual({ code: 0, stdout: results[0]!.stdout, stderr: '' });
  });
});

describe('bad command lines: one line on stderr, exit 2 (usage) or 1 (runtime)', () => {
  const model = (): string => path('lstm.json');
  const train = (...more: string[]): string[] => ['train', '--corpus', CORPUS, ...more];
  // [command line, exit code, message, also run as a real process]
  const CASES: [string[] | (() => string[]), number, RegExp, boolean?][] = [
    [[], 2, /^no command given/, true],
    [['bogus'], 2, /^unknown command "bogus"/],
    [['help', 'bogus'], 2, /^unknown command "bogus"/],
    [['train'], 2, /^missing --corpus FILE$/],
    [['train', '--corpus'], 2, /^--corpus is missing its value$/],
    [train('--bogus', '1'), 2, /^unknown flag --bogus$/, true],
    [
      train('--hidden', 'abc'),
      2,
      /^--hidden must be a whole number from 1 to 512 \(got "abc"\)$/,
      true,
    ],
    [train('--hidden', '0'), 2, /^--hidden must be a whole number/],
    [train('--hidden', '2.5'), 2, /^--hidden must be a whole number/],
    [train('--layers', '5'), 2, /^--layers must be a whole number from 1 to 4/],
    [train('--steps', '1e3x'), 2, /^--steps must be a whole number/],
    [train('--lr', '0x10'), 2, /^--lr must be a number \(got "0x10"\)$/],
    [train('--lr=-1'), 2, /^--lr must be between 0.00001 and 10 \(got -1\)$/, true],
    [train('--lr', '-1'), 2, /^--lr is missing its value/, true],
    [train('--val', '1'), 2, /^--val must be ≥ 0 and < 1/],
    [train('--cell', 'transformer'), 2, /^--cell must be one of rnn, lstm, gru/],
    [train('--clip-mode', 'max'), 2, /^--clip-mode must be one of none, norm, value/],
    [train('--nonlinearity', 'relu'), 2, /^--nonlinearity applies only to --cell rnn/],
    [train('extra'), 2, /^unexpected argument "extra"/],
    [
      ['train', '--corpus', path('missing.txt')],
      1,
      /^cannot read the corpus ".*missing\.txt": no such file$/,
      true,
    ],
    [['train', '--corpus', path('empty.txt')], 1, /text is empty/],
    [['train', '--corpus', path('latin1.txt')], 1, /is not UTF-8 text$/, true],
    [['train', '--corpus', path('short.txt')], 1, /too short/],
    // The app's checks (checkCorpus): one distinct character, or fewer than 100 characters.
    [['train', '--corpus', path('one-char.txt')], 1, /only one distinct character/, true],
    [['train', '--corpus', path('99-chars.txt')], 1, /too short: 99 characters; give at least 100/],
    [train('--out', path('no/such/dir/m.json')), 1, /^cannot write --out .*does not exist$/],
    [() => ['forward', '--model', model()], 2, /^missing --text TEXT$/],
    [
      () => ['forward', '--model', model(), '--text', 'h'],
      2,
      /^--text needs at least 2 characters/,
    ],
    [
      () => ['forward', '--model', model(), '--text', 'hé!'],
      1,
      /"é" \(U\+00E9\) at position 1 is not in the model's vocabulary/,
      true,
    ],
    [() => ['forward', '--model', model(), '--text', 'hi', 'x'], 2, /^unexpected argument "x"/],
    [['forward', '--model', path('missing.json'), '--text', 'hi'], 1, /no such file$/],
    [['forward', '--model', dir, '--text', 'hi'], 1, /it is a directory$/],
    [['forward', '--model', CORPUS, '--text', 'hi'], 1, /corpus\.txt: The file is not valid JSON/],
    [
      ['forward', '--model', path('v3.json'), '--text', 'hi'],
      1,
      /v3\.json: Unsupported model file version 3/,
      true,
    ],
    [['forward', '--model', path('nan.json'), '--text', 'hi'], 1, /not a finite number at index 0/],
    [
      () => ['sample', '--model', model(), '--length', 'ten'],
      2,
      /^--length must be a whole number/,
    ],
    [
      () => ['sample', '--model', model(), '--length=-1'],
      2,
      /^--length must be a whole number from 0/,
    ],
    [() => ['sample', '--model', model(), '--temperature', '0'], 2, /^--temperature must be > 0/],
    [
      () => ['sample', '--model', model(), '--top-k', '0'],
      2,
      /^--top-k must be a whole number from 1/,
    ],
    [() => ['sample', '--model', model(), '--greedy=yes'], 2, /^--greedy takes no value$/, true],
    [() => ['sample', '--model', model(), '--prime', 'é'], 1, /"é" \(U\+00E9\)/],
    [['sample'], 2, /^missing --model FILE$/],
    [['export-pytorch'], 2, /^missing --model FILE$/, true],
    [['export-pytorch', '--model', path('missing.json')], 1, /no such file$/],
  ];

  const check = (lines: string[][], results: Result[], codes: number[], messages: RegExp[]) => {
    results.forEach((r, k) => {
      const context = `${lines[k]!.join(' ')} → ${r.stderr}`;
      expect(r.code, context).toBe(codes[k]);
      expect(r.stdout, context).toBe('');
      expect(r.stderr.endsWith('\n'), context).toBe(true);
      expect(r.stderr.slice(0, -1), context).not.toContain('\n'); // one line, no stack trace
      expect(r.stderr, context).toMatch(/^unrolled: /);
      expect(r.stderr.slice('unrolled: '.length, -1), context).toMatch(messages[k]!);
    });
  };

  beforeAll(() => {
    writeFileSync(path('empty.txt'), '');
    writeFileSync(path('latin1.txt'), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]));
    writeFileSync(path('short.txt'), 'abcdef');
    writeFileSync(path('one-char.txt'), 'a'.repeat(500));
    writeFileSync(path('99-chars.txt'), 'ab'.repeat(49) + 'c');
    const file = JSON.parse(readFileSync(model(), 'utf8')) as Record<string, unknown>;
    writeFileSync(path('v3.json'), JSON.stringify({ ...file, version: 3 }));
    writeFileSync(
      path('nan.json'),
      readFileSync(model(), 'utf8').replace(/"data":\[[^,\]]+/, '"data":[1e999'),
    );
  });

  it(`${CASES.length} cases, in-process`, () => {
    const lines = CASES.map(([args]) => (typeof args === 'function' ? args() : args));
    const codes = CASES.map(([, code]) => code);
    const messages = CASES.map(([, , message]) => message);
    check(lines, lines.map(runIn), codes, messages);
  });

  it('as real processes (one of each kind)', async () => {
    const spawned = CASES.filter((c) => c[3] === true);
    const lines = spawned.map(([args]) => (typeof args === 'function' ? args() : args));
    const results = await cliAll(lines);
    check(
      lines,
      results,
      spawned.map((c) => c[1]),
      spawned.map((c) => c[2]),
    );
  });
});
