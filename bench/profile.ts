// One configuration of our engine, trained for a few seconds, for profiling:
//   node --cpu-prof --import tsx bench/profile.ts lstm 32 wasm 4 256   (cell, batch, wasm | js,
//   seconds, hidden size)
// then open the .cpuprofile in Chrome DevTools (Performance) or VS Code.

import { readFileSync } from 'node:fs';
import type { CellKind } from '../src/engine/cell.ts';
import { createCompute, createKernel } from '../src/engine/kernels.ts';
import { oursJob } from './ours.ts';

const cell = (process.argv[2] ?? 'lstm') as CellKind;
const B = Number(process.argv[3] ?? 32);
const wasm = (process.argv[4] ?? 'wasm') === 'wasm';
const seconds = Number(process.argv[5] ?? 4);
const H = Number(process.argv[6] ?? 128);

const kernel = wasm
  ? createKernel(readFileSync(new URL('../build/wasm/kernels.wasm', import.meta.url)))
  : null;
if (wasm && !kernel) throw new Error('kernels.wasm did not compile');
const job = oursJob({ cell, V: 65, H, T: 25, B }, createCompute(kernel));
const t0 = performance.now();
let chars = 0;
while (performance.now() - t0 < seconds * 1000) chars += job.step();
const rate = (chars / (performance.now() - t0)) * 1000;
console.log(
  `${cell} H=${H} B=${B} ${wasm ? 'wasm kernel' : 'plain JS'}: ${Math.round(rate)} chars/s`,
);
