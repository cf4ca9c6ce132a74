/** `rapport pack keygen [--out NAME]`: a new Ed25519 key pair for signing packs. */
import * as z from 'zod';
import { generateKeyPair } from '../shared/signing.ts';
import { filePath, parseCommand } from './args.ts';
import { EXIT } from './errors.ts';
import { writeText } from './files.ts';
import type { Io } from './io.ts';

const schema = z.object({ out: filePath('a file NAME (writes NAME.pub and NAME.key)').optional() });

export async function runPackKeygen(argv: readonly string[], io: Io): Promise<number> {
  const { out } = parseCommand('pack keygen', argv, { out: { type: 'string' } }, [], schema);
  const { publicKey, privateKey } = await generateKeyPair();
  if (out === undefined) {
    io.stdout(`public key:  ${publicKey}\nprivate key: ${privateKey}\n`);
    io.stderr('Put the public key in the rulePackPublicKeys policy; keep the private key secret.\n');
    return EXIT.ok;
  }
  // Never overwrite: losing a private key that packs in the field were signed with is unrecoverable.
  await writeText(io, `${out}.key`, `${privateKey}\n`, 'private key', { exclusive: true, mode: 0o600 });
  await writeText(io, `${out}.pub`, `${publicKey}\n`, 'public key', { exclusive: true });
  io.stdout(`wrote ${out}.pub (public key: ${publicKey})\nwrote ${out}.key (private key: keep it secret)\n`);
  return EXIT.ok;
}
