// Reading and writing the CLI's files, with one-line messages for the usual failures (no such file,
// a directory, not UTF-8, not a model file). Model files are parsed by the engine's modelfile.ts.

import {
  closeSync,
  existsSync,
  openSync,
  readFileSync,
  readSync,
  renameSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname } from 'node:path';
import { ModelFileError, parseModelFile, type LoadedModel } from '../engine/modelfile.ts';
import { CliError } from './args.ts';

function reason(e: unknown): string {
  const code = (e as { code?: string }).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return (e as Error).message;
}

/** The file's text, decoded as strict UTF-8 (a byte-order mark is dropped). */
export function readText(path: string, what: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw new CliError(`cannot read the ${what} "${path}": ${reason(e)}`);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new CliError(`the ${what} "${path}" is not UTF-8 text`);
  }
}

/** The first `n` bytes of a file as text (to tell its format before reading all of it). */
export function readHead(path: string, n: number, what: string): string {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    throw new CliError(`cannot read the ${what} "${path}": ${reason(e)}`);
  }
  try {
    const bytes = Buffer.alloc(n);
    const got = readSync(fd, bytes, 0, n, 0);
    return bytes.subarray(0, got).toString('utf8');
  } catch (e) {
    throw new CliError(`cannot read the ${what} "${path}": ${reason(e)}`);
  } finally {
    closeSync(fd);
  }
}

/** Any model file: the model with its labels (vocabulary, classes) and task. */
export function loadAnyModelFile(path: string): LoadedModel {
  const text = readText(path, 'model file');
  try {
    return parseModelFile(text);
  } catch (e) {
    if (e instanceof ModelFileError) throw new CliError(`${path}: ${e.message}`);
    throw e;
  }
}

/** Fails early (before a long run) when `path` could not be written: no folder, or a folder. */
export function checkWritable(path: string, flag: string): void {
  const dir = dirname(path);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new CliError(`cannot write ${flag} "${path}": the folder "${dir}" does not exist`);
  }
  if (existsSync(path) && statSync(path).isDirectory()) {
    throw new CliError(`cannot write ${flag} "${path}": it is a directory`);
  }
}

/** Writes via a temporary file and a rename, so a reader never sees half a file. */
export function writeText(path: string, text: string): void {
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, path);
  } catch (e) {
    throw new CliError(`cannot write "${path}": ${reason(e)}`);
  }
}
