/** `rapport pack verify FILE --pub KEY [--sig PATH]`: exit 0 when the signature holds, 1 when not. */
import * as z from 'zod';
import { publicKeyProblem, verifyBytes } from '../shared/signing.ts';
import { filePath, parseCommand } from './args.ts';
import { CliError, EXIT } from './errors.ts';
import { readBytes, readText } from './files.ts';
import type { Io } from './io.ts';
import { readKeyArg } from './keys.ts';

const schema = z.object({
  file: filePath('a FILE to verify'),
  pub: filePath('a public KEY (a key file or the base64 key)'),
  sig: filePath('a PATH to the signature').optional(),
});

const options = { pub: { type: 'string' }, sig: { type: 'string' } } as const;

export async function runPackVerify(argv: readonly string[], io: Io): Promise<number> {
  const args = parseCommand('pack verify', argv, options, ['file'], schema);
  const sigPath = args.sig ?? `${args.file}.sig`;
  const bytes = await readBytes(io, args.file, 'file to verify');
  const signature = await readText(io, sigPath, 'signature');
  const publicKey = await readKeyArg(io, args.pub, '--pub');
  const problem = publicKeyProblem(publicKey);
  if (problem) throw new CliError(`--pub ${problem}`);
  if (await verifyBytes(bytes, signature, publicKey)) {
    io.stdout(`OK: ${args.file} is signed by ${publicKey}\n`);
    return EXIT.ok;
  }
  io.stderr(
    `FAILED: ${sigPath} is not a valid signature of ${args.file} by ${publicKey} ` +
      '(the file changed after signing, or it was signed with another key)\n',
  );
  return EXIT.failed;
}
