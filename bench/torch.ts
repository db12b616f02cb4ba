// PyTorch on the same jobs, for the bench's ratio column: runs bench/torch_job.py with the Python
// named by UNROLLED_TORCH_PYTHON (else python3). Where Python or torch is missing it says why and
// the column is left empty; nothing is installed.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { JobConfig } from './ours.ts';

export interface TorchTiming extends JobConfig {
  readonly threads: number;
  readonly charsPerSec: number;
}

const python = process.env['UNROLLED_TORCH_PYTHON'] ?? 'python3';

/** torch's version, or the reason it cannot run. */
export function torchVersion(): { version: string } | { skipped: string } {
  const probe = spawnSync(python, ['-c', 'import torch; print(torch.__version__)'], {
    encoding: 'utf8',
  });
  if (probe.status === 0) return { version: probe.stdout.trim() };
  return {
    skipped: `PyTorch column skipped: "${python}" cannot import torch (set UNROLLED_TORCH_PYTHON to a Python with torch).`,
  };
}

/** The jobs' throughput in PyTorch with `threads` threads (median of `rounds` windows each). */
export function torchTimings(
  configs: readonly JobConfig[],
  threads: number,
  windowSeconds: number,
  rounds: number,
): TorchTiming[] {
  const script = fileURLToPath(new URL('./torch_job.py', import.meta.url));
  const run = spawnSync(
    python,
    [script, JSON.stringify(configs), String(threads), String(windowSeconds), String(rounds)],
    { encoding: 'utf8', maxBuffer: 1 << 20 },
  );
  if (run.status !== 0) throw new Error(`PyTorch bench failed: ${run.stderr.slice(-2000)}`);
  return run.stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as TorchTiming);
}
