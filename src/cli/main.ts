// The engine on the command line: `npm run engine -- COMMAND [flags]` (see run.ts). This file only
// connects run() to the process: its arguments, streams and exit code. UNROLLED_DEBUG=1 adds the
// stack trace of an unexpected error.

import { readFileSync } from 'node:fs';
import { createCompute, createKernel, type Kernel } from '../engine/kernels.ts';
import { run } from './run.ts';

// The WebAssembly matrix kernel (built by `npm run build:wasm`); without it the engine runs its
// plain-JS path, which gives the same numbers more slowly.
let kernel: Kernel | null = null;
try {
  kernel = createKernel(readFileSync(new URL('../../build/wasm/kernels.wasm', import.meta.url)));
} catch {
  // plain JS
}

// A reader that stops early (`| head`) closes the pipe: stop quietly, as Unix tools do.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code !== 'EPIPE') throw e;
  process.exit(process.exitCode ?? 0);
});

process.exitCode = run(
  process.argv.slice(2),
  {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    errIsTTY: process.stderr.isTTY === true,
    compute: createCompute(kernel),
  },
  Boolean(process.env['UNROLLED_DEBUG']),
);
