// The command table and dispatch of `npm run engine -- COMMAND [flags]`, a thin layer over
// src/engine (train, forward, sample, export-pytorch). Every failure is one line on stderr,
// "unrolled: …", with exit code 2 for a wrong command line and 1 for a failure while running.

import { CliError, UsageError } from './args.ts';
import type { Io } from './io.ts';
import { exportPytorch, exportUsage } from './exportPytorch.ts';
import { forward, forwardUsage } from './forward.ts';
import { sample, sampleUsage } from './sample.ts';
import { train, trainUsage } from './train.ts';

interface Command {
  readonly run: (args: readonly string[], io: Io) => void;
  readonly usage: string;
  readonly summary: string;
}

const COMMANDS: Readonly<Record<string, Command>> = {
  train: {
    run: train,
    usage: trainUsage,
    summary: 'train a character model or a tagger on a text file, or a series model on a CSV',
  },
  forward: {
    run: forward,
    usage: forwardUsage,
    summary: 'one forward and backward pass over a text, or a series model over a CSV, as JSON',
  },
  sample: { run: sample, usage: sampleUsage, summary: 'generate text from a model file' },
  'export-pytorch': {
    run: exportPytorch,
    usage: exportUsage,
    summary: 'write a PyTorch script that loads a model file',
  },
};

export const usage = `Usage: npm run engine -- COMMAND [flags]
       (add --silent after "npm run" to hide npm's own lines)

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(16)}${c.summary}`)
  .join('\n')}
  help [COMMAND]  this text, or a command's flags (also: COMMAND --help)

Example:
  npm run --silent engine -- train --corpus input.txt --hidden 128 --steps 2000 --out model.json
  npm run --silent engine -- sample --model model.json --prime "ROMEO:" --length 300
  npm run --silent engine -- forward --model model.json --text "hello"
  npm run --silent engine -- forward --model series.json --series data.csv --column value

Exit codes: 0 success, 1 failure while running, 2 wrong command line.`;

function lookup(name: string): Command {
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (command === undefined) {
    throw new UsageError(
      `unknown command "${name}" (commands: ${Object.keys(COMMANDS).join(', ')}, help)`,
    );
  }
  return command;
}

/**
 * Runs one command line (the words after "main.ts") and returns the exit code. A stack trace is
 * added only for an unexpected error and only when `debug` is set.
 */
export function run(argv: readonly string[], io: Io, debug = false): number {
  try {
    const [name, ...rest] = argv;
    if (name === undefined) {
      throw new UsageError('no command given (try: npm run engine -- --help)');
    }
    if (name === 'help' || name === '--help' || name === '-h') {
      const topic = rest[0];
      if (rest.length > 1) throw new UsageError('help takes at most one command name');
      io.out(`${topic === undefined ? usage : lookup(topic).usage}\n`);
      return 0;
    }
    lookup(name).run(rest, io);
    return 0;
  } catch (e) {
    const usageError = e instanceof UsageError;
    const known = usageError || e instanceof CliError;
    const message = e instanceof Error ? e.message : String(e);
    // A problem the engine reports (an empty corpus, a character not in the vocabulary) is a
    // failure of the run; anything else is a bug, and still gets one line.
    io.err(`unrolled: ${message.replace(/\s*[\r\n]+\s*/g, ' ')}\n`);
    if (!known && debug && e instanceof Error) io.err(`${e.stack ?? ''}\n`);
    return usageError ? 2 : 1;
  }
}
