/**
 * `rapport pack fit FILE --eval DRAFTS.jsonl [--eval …] [--only NAME,…] [--signals RULE [--residual]] [--out FILE]`:
 * fits the pack's thresholds to an organisation's own labelled drafts, or with `--signals` the
 * weights and threshold of one `signals` rule (fit-signals.ts; with `--residual`, on the drafts the
 * rest of the pack leaves without that rule's nudge), and writes the pack with them (the
 * pack's own examples must still pass, or nothing is written). Words never move, only numbers.
 */
import { writeFile } from 'node:fs/promises';
import * as z from 'zod';
import {
  compilePack,
  fitSignals,
  fitThresholds,
  PackError,
  type CompiledPack,
  type EvalReport,
  type EvalRow,
} from '../engine/index.ts';
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
  signals: { type: 'string' },
  residual: { type: 'boolean' },
  out: { type: 'string' },
} as const;

const schema = z.object({
  file: filePath('a rule pack FILE'),
  eval: z
    .array(z.string().min(1), { error: 'needs at least one labelled FILE.jsonl' })
    .min(1, 'needs at least one labelled FILE.jsonl'),
  only: z.string().optional(),
  signals: z.string().min(1).optional(),
  residual: z.boolean().optional(),
  out: z.string().min(1).optional(),
});

export async function runPackFit(argv: readonly string[], io: Io): Promise<number> {
  const args = parseCommand('pack fit', argv, options, ['file'], schema);
  const json = parseJson(await readText(io, args.file, 'rule pack'), args.file) as Record<string, unknown>;
  const rows: EvalRow[] = [];
  for (const path of args.eval) rows.push(...parseEvalRows(await readText(io, path, 'eval set'), path));
  const isDefault = json.extends !== 'default';
  const base = isDefault ? undefined : compileDefaultPack();
  if (args.signals !== undefined) {
    if (args.only !== undefined)
      throw new CliError('pack fit: --only names thresholds; --signals fits one rule');
    return fitRule(io, args.file, json, rows, args.signals, base, args.out, args.residual === true);
  }
  if (args.residual) throw new CliError('pack fit: --residual goes with --signals RULE');
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
  lines.push(...comparison(result.before.report, result.after.report));
  return finish(io, lines, fitted, base, args.out);
}

/** `--signals RULE`: the rule's weights and threshold, fitted (see fitSignals). */
function fitRule(
  io: Io,
  file: string,
  json: Record<string, unknown>,
  rows: readonly EvalRow[],
  ruleId: string,
  base: CompiledPack | undefined,
  out: string | undefined,
  residual: boolean,
): Promise<number> {
  let fit;
  try {
    fit = fitSignals(json, rows, ruleId, base, { residual });
  } catch (error) {
    if (error instanceof PackError) throw new CliError(`${file}: ${error.problems.join('; ')}`);
    throw error;
  }
  const lines = [
    fit.veto
      ? `${rows.length} labelled drafts; ${printable(ruleId)} (a veto) reads the ${fit.drafts} the rest of the pack flags, ${fit.positives} of them wrongly`
      : `${rows.length} labelled drafts; ${printable(ruleId)} reads ${fit.drafts}${residual ? ' the rest of the pack leaves unflagged' : ''}, ${fit.positives} of them labelled`,
  ];
  for (const w of fit.weights)
    lines.push(`  ${printable(w.signal)}: ${w.fixed ? `${w.from} (required, kept)` : `${w.from} → ${w.to}`}`);
  lines.push(`  threshold: ${fit.threshold.from} → ${fit.threshold.to}`);
  lines.push(...comparison(fit.before, fit.after));
  return finish(io, lines, fit.pack, base, out);
}

/** Per scored nudge, precision and recall before and after. */
function comparison(before: EvalReport, after: EvalReport): string[] {
  return Object.keys(after.perId)
    .sort()
    .map((id) => {
      const b = before.perId[id]!;
      const a = after.perId[id]!;
      return `  ${id.padEnd(16)} precision ${formatRatio(b.precision)} → ${formatRatio(a.precision)}, recall ${formatRatio(b.recall)} → ${formatRatio(a.recall)}`;
    });
}

/** Writes the fitted pack when it still passes its own examples; prints what moved either way. */
async function finish(
  io: Io,
  lines: string[],
  fitted: Record<string, unknown>,
  base: CompiledPack | undefined,
  out: string | undefined,
): Promise<number> {
  try {
    compilePack(fitted, base);
  } catch (error) {
    const detail = error instanceof PackError ? error.problems.join('; ') : String(error);
    io.stderr(`${lines.join('\n')}\nnot written: the fitted pack fails its own examples: ${detail}\n`);
    return EXIT.failed;
  }
  if (out) {
    await writeFile(out, `${JSON.stringify(fitted, null, 2)}\n`);
    lines.push(`wrote ${out}`);
  }
  io.stdout(`${lines.join('\n')}\n`);
  return EXIT.ok;
}
