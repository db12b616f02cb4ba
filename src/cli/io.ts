// Where a command writes (its output, its messages and progress, and whether those go to a
// terminal, for the updating progress line) and what its models compute with. main.ts passes the
// process's streams and the WebAssembly kernel; tests pass buffers and call run() in-process.

import type { Compute } from '../engine/kernels.ts';

export interface Io {
  /** Standard output: results (JSON, text, summaries). */
  out(text: string): void;
  /** Standard error: progress and messages. */
  err(text: string): void;
  /** True when err goes to a terminal. */
  readonly errIsTTY: boolean;
  /** What models compute with (the kernel when main.ts could compile it); plain JS when absent. */
  readonly compute?: Compute;
}
