// Runs a command line in this process, through the same run() that main.ts calls, with stdout and
// stderr captured (not a terminal). Shared by the CLI tests that need no real process.
import { run } from '../../src/cli/run.ts';

export function runIn(args: readonly string[]): { code: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const code = run(args, {
    out: (s) => (stdout += s),
    err: (s) => (stderr += s),
    errIsTTY: false,
  });
  return { code, stdout, stderr };
}
