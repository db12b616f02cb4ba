// Where a command writes: its output, its messages and progress, and whether those go to a
// terminal (for the updating progress line). main.ts passes the process's streams; tests pass
// buffers and call run() in-process.

export interface Io {
  /** Standard output: results (JSON, text, summaries). */
  out(text: string): void;
  /** Standard error: progress and messages. */
  err(text: string): void;
  /** True when err goes to a terminal. */
  readonly errIsTTY: boolean;
}
