/** A KEY argument is either the path of a key file or the base64 key itself. */
import { stat } from 'node:fs/promises';
import { decodeBase64 } from '../shared/signing.ts';
import { CliError } from './errors.ts';
import { readText, resolvePath } from './files.ts';
import type { Io } from './io.ts';

async function isFile(io: Io, path: string): Promise<boolean> {
  try {
    return (await stat(resolvePath(io, path))).isFile();
  } catch {
    return false;
  }
}

/** The key's base64 text, trimmed; a file wins over reading the argument as base64. */
export async function readKeyArg(io: Io, value: string, flag: string): Promise<string> {
  if (await isFile(io, value)) return (await readText(io, value, `key file (${flag})`)).trim();
  if (decodeBase64(value)) return value.trim();
  throw new CliError(`${flag} ${JSON.stringify(value)} is neither a readable key file nor a base64 key`);
}
