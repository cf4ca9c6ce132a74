/** `rapport pack test FILE`: compile the pack, then run its own must-fire / must-pass examples. */
import * as z from 'zod';
import { runExamples } from '../engine/index.ts';
import { filePath, parseCommand } from './args.ts';
import { EXIT } from './errors.ts';
import type { Io } from './io.ts';
import { compilePackFile, formatProblems } from './load-pack.ts';
import { clip, printable } from './output.ts';

const schema = z.object({ file: filePath('a rule pack FILE') });

export async function runPackTest(argv: readonly string[], io: Io): Promise<number> {
  const { file } = parseCommand('pack test', argv, {}, ['file'], schema);
  // Compiled without its examples so that failing ones come back one by one, not as one refusal.
  const outcome = await compilePackFile(io, file, { skipExamples: true });
  if (!outcome.ok) {
    io.stderr(`${formatProblems(file, outcome.problems)}\n`);
    return EXIT.failed;
  }
  const failures = runExamples(outcome.pack);
  const label = `${printable(outcome.pack.name)} ${printable(outcome.pack.version)}`;
  if (failures.length === 0) {
    io.stdout(`${file}: every example of ${label} behaves\n`);
    return EXIT.ok;
  }
  const lines = failures.map((f) => {
    const what = f.expected === 'fire' ? 'should fire but did not' : 'should pass but fired';
    return `  - ${printable(f.rule)} ${what} on "${printable(clip(f.text, 80))}"`;
  });
  io.stderr(`${file}: ${failures.length} example(s) of ${label} failed:\n${lines.join('\n')}\n`);
  return EXIT.failed;
}
