/** `rapport pack validate FILE`: does the pack compile? Problems are listed with their JSON paths. */
import * as z from 'zod';
import { filePath, parseCommand } from './args.ts';
import { EXIT } from './errors.ts';
import type { Io } from './io.ts';
import { compilePackFile, formatProblems } from './load-pack.ts';
import { printable } from './output.ts';

const schema = z.object({ file: filePath('a rule pack FILE') });

export async function runPackValidate(argv: readonly string[], io: Io): Promise<number> {
  const { file } = parseCommand('pack validate', argv, {}, ['file'], schema);
  // Examples are `pack test`'s job; validate reports the schema and rule problems alone.
  const outcome = await compilePackFile(io, file, { skipExamples: true });
  if (!outcome.ok) {
    io.stderr(`${formatProblems(file, outcome.problems)}\n`);
    return EXIT.failed;
  }
  const { name, version } = outcome.pack;
  io.stdout(`${file}: valid rule pack ${printable(name)} ${printable(version)}\n`);
  return EXIT.ok;
}
