/**
 * `rapport pack sign FILE --key KEY [--sig PATH]`: a detached signature over the file's exact bytes.
 * Only a pack the extension would accept is signed (schema, regexes, its own examples, not expired):
 * a signature is the admin's word that the pack is good, and the worker refuses a bad one anyway.
 */
import * as z from 'zod';
import { publicKeyOf, signBytes } from '../shared/signing.ts';
import { filePath, parseCommand } from './args.ts';
import { CliError, EXIT } from './errors.ts';
import { readBytes, writeText } from './files.ts';
import type { Io } from './io.ts';
import { readKeyArg } from './keys.ts';
import { compilePackFile, formatProblems } from './load-pack.ts';

const schema = z.object({
  file: filePath('a FILE to sign'),
  key: filePath('a private KEY (a key file or the base64 key)'),
  sig: filePath('a PATH for the signature').optional(),
});

const options = { key: { type: 'string' }, sig: { type: 'string' } } as const;

export async function runPackSign(argv: readonly string[], io: Io): Promise<number> {
  const args = parseCommand('pack sign', argv, options, ['file'], schema);
  const bytes = await readBytes(io, args.file, 'file to sign');
  const outcome = await compilePackFile(io, args.file);
  if (!outcome.ok) {
    io.stderr(`${formatProblems(args.file, outcome.problems)}\nnot signed: fix the pack first\n`);
    return EXIT.failed;
  }
  const privateKey = await readKeyArg(io, args.key, '--key');
  let signature: string;
  let publicKey: string;
  try {
    [signature, publicKey] = await Promise.all([signBytes(bytes, privateKey), publicKeyOf(privateKey)]);
  } catch (error) {
    throw new CliError(`--key: ${(error as Error).message}`);
  }
  const sigPath = args.sig ?? `${args.file}.sig`;
  await writeText(io, sigPath, `${signature}\n`, 'signature');
  io.stdout(`wrote ${sigPath}\nverify with: rapport pack verify ${args.file} --pub ${publicKey}\n`);
  return EXIT.ok;
}
