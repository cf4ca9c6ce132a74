/** Reading the files named on the command line, with errors that name the path and the cause. */
import { readFile, stat, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { CliError } from './errors.ts';
import { tooLarge, type Io } from './io.ts';

/** Far above any sane pack, ledger or eval set; keeps a wrong path (a disk image) from eating memory. */
export const MAX_FILE_BYTES = 64 * 2 ** 20;

export function resolvePath(io: Io, path: string): string {
  return resolve(io.cwd, path);
}

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}

export async function readBytes(io: Io, path: string, what: string): Promise<Uint8Array> {
  const full = resolvePath(io, path);
  try {
    const info = await stat(full);
    if (info.isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' });
    if (info.size > MAX_FILE_BYTES) throw tooLarge(`${what} ${path}`, MAX_FILE_BYTES);
    return await readFile(full);
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`cannot read ${what} ${path}: ${reason(error)}`);
  }
}

export async function readText(io: Io, path: string, what: string): Promise<string> {
  return new TextDecoder().decode(await readBytes(io, path, what));
}

/** `JSON.parse` says "at position N"; people need a line and a column. */
function describeJsonError(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const match = /position (\d+)/.exec(message);
  if (!match) return message;
  const before = text.slice(0, Number(match[1]));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return `${message} (line ${line}, column ${column})`;
}

/** Parses JSON or throws a CliError naming `where` (a path, or `path:line`) and the parse error. */
export function parseJson(text: string, where: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new CliError(`${where}: not valid JSON: ${describeJsonError(text, error)}`);
  }
}

export async function readJson(io: Io, path: string, what: string): Promise<unknown> {
  return parseJson(await readText(io, path, what), path);
}

export async function writeText(
  io: Io,
  path: string,
  text: string,
  what: string,
  options: { exclusive?: boolean; mode?: number } = {},
): Promise<void> {
  try {
    await writeFile(resolvePath(io, path), text, {
      flag: options.exclusive ? 'wx' : 'w',
      ...(options.mode === undefined ? {} : { mode: options.mode }),
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'EEXIST' ? 'it already exists (not overwriting)' : reason(error);
    throw new CliError(`cannot write ${what} ${path}: ${why}`);
  }
}
