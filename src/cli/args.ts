// Command-line flags: node:util parseArgs (strict: no unknown flags, no stray words), then typed
// readers that reject what Number() would quietly accept ("", "0x10", " 5") and values out of range.
// Every problem is a UsageError (exit code 2); problems found while running are CliErrors (exit 1).

import { parseArgs } from 'node:util';

/** The command line is wrong: exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** The command line is fine but the work failed (missing file, bad model file, divergence): exit 1. */
export class CliError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliError';
  }
}

export interface FlagNames {
  readonly strings: readonly string[];
  readonly booleans?: readonly string[];
}

/** A decimal number: 12, -3.5, .5, 2e-3 (no hex, no spaces, no "Infinity"). */
export const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

type Bound = { gt?: number; ge?: number; lt?: number; le?: number };

function describeBound(b: Bound): string {
  const parts: string[] = [];
  if (b.gt !== undefined) parts.push(`> ${b.gt}`);
  if (b.ge !== undefined) parts.push(`≥ ${b.ge}`);
  if (b.lt !== undefined) parts.push(`< ${b.lt}`);
  if (b.le !== undefined) parts.push(`≤ ${b.le}`);
  return parts.join(' and ');
}

/** Parsed flags of one command, read with checks. `help` (-h) is always accepted. */
export class Flags {
  private readonly values: Readonly<Record<string, string | boolean | undefined>>;

  constructor(args: readonly string[], names: FlagNames) {
    const options: Record<string, { type: 'string' | 'boolean'; short?: string }> = {
      help: { type: 'boolean', short: 'h' },
    };
    for (const n of names.strings) options[n] = { type: 'string' };
    for (const n of names.booleans ?? []) options[n] = { type: 'boolean' };
    try {
      this.values = parseArgs({ args: [...args], options, strict: true, allowPositionals: false })
        .values as Record<string, string | boolean | undefined>;
    } catch (e) {
      throw new UsageError(rewordParseError(e as Error));
    }
  }

  get help(): boolean {
    return this.values['help'] === true;
  }

  has(name: string): boolean {
    return this.values[name] !== undefined;
  }

  string(name: string): string | undefined {
    const v = this.values[name];
    return typeof v === 'string' ? v : undefined;
  }

  required(name: string, placeholder: string): string {
    const v = this.string(name);
    if (v === undefined) throw new UsageError(`missing --${name} ${placeholder}`);
    return v;
  }

  bool(name: string): boolean {
    return this.values[name] === true;
  }

  /** A number within the bounds, or the fallback when the flag is absent. */
  real(name: string, bound: Bound, fallback: number): number {
    const raw = this.string(name);
    if (raw === undefined) return fallback;
    const v = DECIMAL.test(raw) ? Number(raw) : NaN;
    if (!Number.isFinite(v)) throw new UsageError(`--${name} must be a number (got "${raw}")`);
    const ok =
      (bound.gt === undefined || v > bound.gt) &&
      (bound.ge === undefined || v >= bound.ge) &&
      (bound.lt === undefined || v < bound.lt) &&
      (bound.le === undefined || v <= bound.le);
    if (!ok) throw new UsageError(`--${name} must be ${describeBound(bound)} (got ${raw})`);
    return v;
  }

  /** A whole number from lo to hi, or the fallback when the flag is absent. */
  int(name: string, lo: number, hi: number, fallback: number): number {
    const raw = this.string(name);
    if (raw === undefined) return fallback;
    const v = DECIMAL.test(raw) ? Number(raw) : NaN;
    if (!Number.isInteger(v) || v < lo || v > hi) {
      throw new UsageError(`--${name} must be a whole number from ${lo} to ${hi} (got "${raw}")`);
    }
    return v;
  }

  /** One of the choices, or the fallback when the flag is absent. */
  choice<T extends string>(name: string, choices: readonly T[], fallback: T): T {
    const raw = this.string(name);
    if (raw === undefined) return fallback;
    const found = choices.find((c) => c === raw);
    if (found === undefined) {
      throw new UsageError(`--${name} must be one of ${choices.join(', ')} (got "${raw}")`);
    }
    return found;
  }
}

/** parseArgs messages, made short and one line (its "ambiguous" message spans three). */
function rewordParseError(e: Error): string {
  const code = (e as Error & { code?: string }).code;
  const flag = /'(-[^' ]*)/.exec(e.message)?.[1];
  const positional = /argument '([^']*)'/.exec(e.message)?.[1];
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown flag ${flag ?? e.message}`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `unexpected argument "${positional ?? '?'}" (values follow their flag: --flag VALUE)`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      if (e.message.includes('ambiguous')) {
        return `${flag} is missing its value (for a value that starts with "-", write ${flag}=VALUE)`;
      }
      if (e.message.includes('does not take an argument')) return `${flag} takes no value`;
      return `${flag} is missing its value`;
    default:
      return e.message.replace(/\s*\n\s*/g, ' ');
  }
}
