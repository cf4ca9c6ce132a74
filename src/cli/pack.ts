/** `rapport pack …`: routes to one file per pack sub-command. */
import { UsageError } from './errors.ts';
import type { Io } from './io.ts';
import { runPackFit } from './pack-fit.ts';
import { runPackKeygen } from './pack-keygen.ts';
import { runPackSign } from './pack-sign.ts';
import { runPackTest } from './pack-test.ts';
import { runPackValidate } from './pack-validate.ts';
import { runPackVerify } from './pack-verify.ts';

type Run = (argv: readonly string[], io: Io) => Promise<number>;

const SUBCOMMANDS: Record<string, Run> = {
  validate: runPackValidate,
  test: runPackTest,
  keygen: runPackKeygen,
  sign: runPackSign,
  verify: runPackVerify,
  fit: runPackFit,
};

export async function runPack(argv: readonly string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  const run = name === undefined ? undefined : SUBCOMMANDS[name];
  if (!run) {
    const got = name === undefined ? 'nothing' : JSON.stringify(name);
    throw new UsageError(`pack needs one of ${Object.keys(SUBCOMMANDS).join(', ')} (got ${got})`, 'pack');
  }
  return run(rest, io);
}
