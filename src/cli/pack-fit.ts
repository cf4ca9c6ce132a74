/**
 * `rapport pack fit FILE --eval DRAFTS.jsonl [--eval …] [--only NAME,…] [--out FILE]`: fits the
 * pack's thresholds to an organisation's own labelled drafts and writes the pack with them (the
 * pack's own examples must still pass, or nothing is written). Words never move, only numbers.
 */
import { writeFile } from 'node:fs/promises';
import * as z from 'zod';
import { compilePack, fitThresholds, PackError, type EvalRow } from '../engine/index.ts';
import { filePath, parseCommand } from './args.ts';
import { CliError, EXIT } from './errors.ts';
import { parseEvalRows } from './eval.ts';
import { parseJson, readText } from './files.ts';
import type { Io } from './io.ts';
import { compileDefaultPack } from './load-pack.ts';
import { formatRatio, printable } from './output.ts';

const options = {
  eval: { type: 'string', multiple: true },
  only: { type: 'string' },
  out: { type: 'string' },
} as const;

const schema = z.object({
  file: filePath('a rule pack FILE'),
  eval: z
    .array(z.string().min(1), { error: 'needs at least one labelled FILE.jsonl' })
    .min(1, 'needs at least one labelled FILE.jsonl'),
  only: z.string().optional(),
  out: z.string().min(1).optional(),
});

export async function runPackFit(argv: readonly string[], io: Io): Promise<number> {
  const args = parseCommand('pack fit', argv, options, ['file'], schema);
  const json = parseJson(await readText(io, args.file, 'rule pack'), args.file) as Record<string, unknown>;
  const rows: EvalRow[] = [];
  for (const path of args.eval) rows.push(...parseEvalRows(await readText(io, path, 'eval set'), path));
  const isDefault = json.extends !== 'default';
  const base = isDefault ? undefined : compileDefaultPack();
  let result;
  try {
    result = fitThresholds(json, rows, base, args.only ? { only: args.only.split(',') } : {});
  } catch (error) {
    if (error instanceof PackError) throw new CliError(`${args.file}: ${error.problems.join('; ')}`);
    throw error;
  }
  const fitted = {
    ...json,
    thresholds: { ...(json.thresholds as object | undefined), ...result.thresholds },
  };
  const lines = [`${rows.length} labelled drafts; objective (mean F0.5 of the scored nudges)`];
  lines.push(
    `  before ${formatRatio(result.before.objective)}, after ${formatRatio(result.after.objective)}`,
  );
  for (const [name, { from, to }] of Object.entries(result.changed))
    lines.push(`  ${printable(name)}: ${from} → ${to}`);
  if (Object.keys(result.changed).length === 0) lines.push('  no threshold moved');
  for (const id of Object.keys(result.after.report.perId).sort()) {
    const b = result.before.report.perId[id]!;
    const a = result.after.report.perId[id]!;
    lines.push(
      `  ${id.padEnd(16)} precision ${formatRatio(b.precision)} → ${formatRatio(a.precision)}, recall ${formatRatio(b.recall)} → ${formatRatio(a.recall)}`,
    );
  }
  try {
    compilePack(fitted, base);
  } catch (error) {
    const detail = error instanceof PackError ? error.problems.join('; ') : String(error);
    io.stderr(`${lines.join('\n')}\nnot written: the fitted pack fails its own examples: ${detail}\n`);
    return EXIT.failed;
  }
  if (args.out) {
    await writeFile(args.out, `${JSON.stringify(fitted, null, 2)}\n`);
    lines.push(`wrote ${args.out}`);
  }
  io.stdout(`${lines.join('\n')}\n`);
  return EXIT.ok;
}
