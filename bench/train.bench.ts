// npm run bench: training throughput (chars/s) of our engine, with its WebAssembly kernel ('ours')
// and on its plain-JS path ('js'), against TensorFlow.js (WASM and CPU backends) in the same
// process and PyTorch (bench/torch.ts, one thread and every core, where Python has torch), for RNN,
// LSTM and GRU at V = 65, H = 128 and 256, T = 25, batch 1 and 32, one layer, Adam; plus
// single-thread f64 matmul GFLOP/s. Defaults: 4 rounds of 0.8 s windows (1.2 s at batch 32). Options:
//   --cells lstm,gru  --batches 1,32  --hidden 128  --engines ours,js,wasm,cpu,torch  --rounds 5
//   --window 1  --quick

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import type * as TF from '@tensorflow/tfjs';
import type { CellKind } from '../src/engine/cell.ts';
import { createCompute, createKernel, type Compute } from '../src/engine/kernels.ts';
import { engineGflops, plainJsGflops } from './matmul.ts';
import { oursJob, type JobConfig } from './ours.ts';
import { tfjsJob, type TfVariant } from './tfjs.ts';
import { timeInterleaved, type Contender } from './timing.ts';
import { torchTimings, torchVersion } from './torch.ts';

type Engine = 'ours' | 'js' | 'wasm' | 'cpu' | 'torch1' | 'torchN';

function arg(name: string, fallback: string): string {
  const k = process.argv.indexOf(`--${name}`);
  return k >= 0 && process.argv[k + 1] ? process.argv[k + 1]! : fallback;
}

const quick = process.argv.includes('--quick');
const cells = arg('cells', 'rnn,lstm,gru').split(',') as CellKind[];
const batches = arg('batches', '1,32').split(',').map(Number);
const hiddens = arg('hidden', '128,256').split(',').map(Number);
const engines = arg('engines', 'ours,js,wasm,cpu,torch')
  .split(',')
  .flatMap((e) => (e === 'torch' ? ['torch1', 'torchN'] : [e])) as Engine[];
const rounds = Number(arg('rounds', quick ? '3' : '4'));
const windowSeconds = Number(arg('window', quick ? '0.5' : '0.8'));
const V = 65;
const T = 25;
const threadsN = cpus().length;

/**
 * TF.js variants run per backend. On the CPU backend the hand-built graph beat tf.layers in every
 * configuration we measured (tf.layers' GRU spends seconds per step in SplitV there), so only it runs.
 */
const variants: Record<'wasm' | 'cpu', TfVariant[]> = {
  wasm: ['layers', 'hand'],
  cpu: ['hand'],
};

async function loadTf(): Promise<{ tf: typeof TF; wasmVariant: string } | null> {
  if (!engines.includes('cpu') && !engines.includes('wasm')) return null;
  const tf = await import('@tensorflow/tfjs');
  // As a deployed app would run it: no debug checks, no console advice about tfjs-node.
  tf.enableProdMode();
  let wasmVariant = 'not run';
  if (engines.includes('wasm')) {
    const wasm = await import('@tensorflow/tfjs-backend-wasm');
    // In Node the backend reads its .wasm files from disk: point it at the package's dist folder.
    const require = createRequire(import.meta.url);
    const pkg = require.resolve('@tensorflow/tfjs-backend-wasm/package.json');
    wasm.setWasmPaths(path.join(path.dirname(pkg), 'dist') + path.sep);
    await tf.setBackend('wasm');
    const simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
    const threads = await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT');
    wasmVariant = `tfjs-backend-wasm${threads ? '-threaded' : ''}${simd ? '-simd' : ''}.wasm`;
  }
  return { tf, wasmVariant };
}

/**
 * A table row: figures per engine, our two paths relative to the best TF.js backend, and ours
 * relative to PyTorch on one thread (ours runs on one) and on every core.
 */
function row(config: string, f: Partial<Record<Engine, number>>): string[] {
  const tfBest = Math.max(f.wasm ?? 0, f.cpu ?? 0);
  const ratio = (v: number | undefined, to: number | undefined) =>
    v !== undefined && to !== undefined && to > 0 ? `${(v / to).toFixed(2)}×` : '—';
  return [
    config,
    fmt(f.ours),
    fmt(f.js),
    fmt(f.cpu),
    fmt(f.wasm),
    fmt(f.torch1),
    fmt(f.torchN),
    ratio(f.ours, tfBest || undefined),
    ratio(f.js, tfBest || undefined),
    ratio(f.ours, f.torch1),
    ratio(f.ours, f.torchN),
  ];
}

const fmt = (v: number | undefined): string =>
  v === undefined ? '—' : v >= 100 ? Math.round(v).toLocaleString('en-US') : v.toFixed(1);

function printTable(head: string[], lines: string[][]): void {
  const widths = head.map((h, k) => Math.max(h.length, ...lines.map((l) => l[k]!.length)));
  const row = (cols: string[]) =>
    '| ' +
    cols.map((c, k) => (k === 0 ? c.padEnd(widths[k]!) : c.padStart(widths[k]!))).join(' | ') +
    ' |';
  console.log(row(head));
  console.log(
    '|' + widths.map((w, k) => '-'.repeat(w + 1) + (k === 0 ? '-' : ':')).join('|') + '|',
  );
  for (const l of lines) console.log(row(l));
}

/** The kernel's bytes, built by `npm run build:wasm` (the prebench hook). */
const kernelBytes = readFileSync(new URL('../build/wasm/kernels.wasm', import.meta.url));

const kernel = createKernel(kernelBytes);
if (!kernel) throw new Error('kernels.wasm did not compile');

/** What our engine computes with: the kernel, or plain JS. */
function compute(on: boolean): Compute {
  return createCompute(on ? kernel : null);
}

async function main(): Promise<void> {
  const started = performance.now();
  console.log(
    `node ${process.version}; V = ${V}, H = ${hiddens.join(' and ')}, T = ${T}, one layer, Adam`,
  );
  const mm = plainJsGflops();
  console.log(`plain-JS f64 matmul 256×256: ${mm.gflops.toFixed(2)} GFLOP/s (${mm.name} loop)`);
  const js = engineGflops(compute(false));
  const wasm = engineGflops(compute(true));
  console.log(
    `engine's product 256×256×256 (projectDense): plain JS ${js.toFixed(2)} GFLOP/s, ` +
      `wasm kernel ${wasm.toFixed(2)} GFLOP/s`,
  );
  const loaded = await loadTf();
  if (loaded)
    console.log(`TF.js ${loaded.tf.version.tfjs}; WASM backend ran ${loaded.wasmVariant}`);
  console.log(
    `load average ${loadavg()
      .map((v) => v.toFixed(2))
      .join(', ')} (${cpus().length} cores)`,
  );
  console.log(`${rounds} interleaved rounds of ${windowSeconds} s windows per configuration\n`);

  const configs = hiddens.flatMap((H) =>
    cells.flatMap((cell) => batches.map((B): JobConfig => ({ cell, V, H, T, B }))),
  );
  const torch = torchColumns(configs);

  const lines: string[][] = [];
  const cpuLines: string[][] = [];
  for (const config of configs) {
    const { cell, B, H } = config;
    const contenders: (Contender & { engine: Engine })[] = [];
    for (const engine of engines) {
      if (engine === 'torch1' || engine === 'torchN') continue;
      if (engine === 'ours' || engine === 'js') {
        const on = engine === 'ours';
        contenders.push({
          name: on ? 'ours (wasm kernel)' : 'ours (plain JS)',
          engine,
          job: oursJob(config, compute(on)),
          before: async () => {},
        });
        continue;
      }
      const tf = loaded!.tf;
      for (const variant of variants[engine]) {
        await tf.setBackend(engine);
        contenders.push({
          name: `tfjs-${engine}-${variant}`,
          engine,
          job: tfjsJob(tf, config, variant),
          before: async () => {
            await tf.setBackend(engine);
          },
        });
      }
    }
    const slow = B === 1 ? 1 : 1.5;
    const timings = await timeInterleaved(contenders, {
      warmup: windowSeconds,
      window: windowSeconds * slow,
      rounds,
    });
    const label = `${cell} H=${H} B=${B}`;
    const fromTorch = torch.get(label) ?? {};
    const best: Partial<Record<Engine, number>> = { ...fromTorch };
    const bestCpu: Partial<Record<Engine, number>> = {};
    contenders.forEach((c, k) => {
      const t = timings[k]!;
      c.job.dispose?.();
      best[c.engine] = Math.max(best[c.engine] ?? 0, t.charsPerSec);
      bestCpu[c.engine] = Math.max(bestCpu[c.engine] ?? 0, t.charsPerCpuSec);
      console.log(
        `  ${label.padEnd(15)} ${c.name.padEnd(18)} ${fmt(t.charsPerSec).padStart(7)} chars/s` +
          ` (${fmt(t.charsPerCpuSec).padStart(7)} per CPU-s)  ${t.msPerStep.toFixed(1).padStart(6)} ms/step` +
          `  [${t.samples.map(fmt).join(', ')}]`,
      );
    });
    lines.push(row(label, best));
    cpuLines.push(row(label, bestCpu));
  }
  const head = ['config', 'ours', 'ours, JS', 'TF.js cpu', 'TF.js wasm'];
  head.push(`PyTorch 1 thr`, `PyTorch ${threadsN} thr`, 'ours / best TF', 'JS / best TF');
  head.push('ours / PyTorch 1', `ours / PyTorch ${threadsN}`);
  console.log('\nchars/s, median of the timed windows (TF.js: the faster of its variants)\n');
  printTable(head, lines);
  console.log(
    '\nthe same per second of CPU time (less sensitive to other load on the machine; PyTorch not measured so)\n',
  );
  printTable(head, cpuLines);
  console.log(
    `\nload average ${loadavg()
      .map((v) => v.toFixed(2))
      .join(', ')} (${cpus().length} cores)`,
  );
  console.log(`\ntotal ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

/** PyTorch's figures by row label, on one thread and on every core (empty where it cannot run). */
function torchColumns(configs: JobConfig[]): Map<string, Partial<Record<Engine, number>>> {
  const byLabel = new Map<string, Partial<Record<Engine, number>>>();
  if (!engines.includes('torch1')) return byLabel;
  const probe = torchVersion();
  if ('skipped' in probe) {
    console.log(probe.skipped);
    return byLabel;
  }
  console.log(`PyTorch ${probe.version}: the same jobs in float32, 1 and ${threadsN} threads`);
  for (const [engine, threads] of [
    ['torch1', 1],
    ['torchN', threadsN],
  ] as const) {
    for (const t of torchTimings(configs, threads, windowSeconds, rounds)) {
      const label = `${t.cell} H=${t.H} B=${t.B}`;
      byLabel.set(label, { ...byLabel.get(label), [engine]: t.charsPerSec });
      console.log(
        `  ${label.padEnd(15)} ${`pytorch ${threads} thr`.padEnd(18)} ${fmt(t.charsPerSec).padStart(7)} chars/s`,
      );
    }
  }
  return byLabel;
}

await main();
