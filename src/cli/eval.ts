/** `rapport eval`: precision and recall per nudge id over a labelled JSON Lines set. */
import * as z from 'zod';
import { evaluate, KINDS, PLATFORMS, type EvalReport, type EvalRow } from '../engine/index.ts';
import { filePath, parseCommand } from './args.ts';
import { CliError, EXIT } from './errors.ts';
import { parseJson, readText } from './files.ts';
import type { Io } from './io.ts';
import { loadPack } from './load-pack.ts';
import { formatRatio, printable, toJson } from './output.ts';

const schema = z.object({
  file: filePath('a FILE.jsonl of labelled drafts'),
  pack: filePath('a rule pack FILE').optional(),
  json: z.boolean().default(false),
});

const options = { pack: { type: 'string' }, json: { type: 'boolean' } } as const;

const rowSchema = z.object({
  id: z.string().min(1),
  platform: z.enum(PLATFORMS),
  kind: z.enum(KINDS),
  text: z.string(),
  expect: z.array(z.string()),
  allow: z.array(z.string()).optional(),
});

const MAX_REPORTED = 20;

function issuesOf(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || '(row)'}: ${issue.message}`).join('; ');
}

export function parseEvalRows(text: string, path: string): EvalRow[] {
  const rows: EvalRow[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    const where = `${path}:${i + 1}`;
    try {
      const row = rowSchema.safeParse(parseJson(line, where));
      if (!row.success) problems.push(`${where}: ${issuesOf(row.error)}`);
      else if (seen.has(row.data.id))
        problems.push(`${where}: id ${JSON.stringify(row.data.id)} is used twice`);
      else {
        seen.add(row.data.id);
        rows.push(row.data);
      }
    } catch (error) {
      problems.push((error as Error).message);
    }
  });
  if (problems.length > 0) {
    const shown = problems.slice(0, MAX_REPORTED).map((p) => `  ${printable(p)}`);
    if (problems.length > MAX_REPORTED) shown.push(`  … and ${problems.length - MAX_REPORTED} more`);
    throw new CliError(`the eval file has ${problems.length} bad line(s):\n${shown.join('\n')}`);
  }
  if (rows.length === 0) throw new CliError(`${path}: no rows to evaluate`);
  return rows;
}

export function formatEval(report: EvalReport, rowCount: number): string {
  const ids = Object.keys(report.perId).sort();
  const width = Math.max(10, ...ids.map((id) => id.length));
  const lines = [`${rowCount} rows`, '', `${'nudge id'.padEnd(width)}  tp  fp  fn  precision  recall`];
  for (const id of ids) {
    const s = report.perId[id];
    if (!s) continue;
    const counts = [s.tp, s.fp, s.fn].map((n) => String(n).padStart(3)).join(' ');
    lines.push(
      `${printable(id).padEnd(width)} ${counts}  ${formatRatio(s.precision).padStart(9)}  ${formatRatio(s.recall).padStart(6)}`,
    );
  }
  // The diagonal repeats the true positives above; only the off-diagonal cells tell something new.
  const confusions = Object.entries(report.confusion).flatMap(([expected, fired]) =>
    Object.entries(fired)
      .filter(([other]) => other !== expected)
      .map(([other, n]) => `  labelled ${printable(expected)}, fired ${printable(other)}: ${n}`),
  );
  if (confusions.length > 0)
    lines.push('', 'confusion (drafts labelled one id that fired another):', ...confusions);
  const q = report.score;
  lines.push(
    '',
    `score: ROC AUC ${formatRatio(q.auc)} (genuine above flawed; ${q.genuine} genuine, ${q.flawed} flawed), ` +
      `flawed banded strong ${q.flawedStrong}/${q.flawed}, genuine with a draft nudge ${q.genuineNudged}/${q.genuine}`,
  );
  if (report.misses.length > 0) {
    lines.push('', 'misses:');
    for (const miss of report.misses) {
      const what = miss.kind === 'fp' ? 'fired, not expected' : 'expected, did not fire';
      const fired = miss.fired.length > 0 ? miss.fired.map(printable).join(', ') : 'nothing';
      const tipped = miss.evidence.length
        ? ` on ${miss.evidence.map((e) => JSON.stringify(printable(e))).join(' ')}`
        : '';
      lines.push(
        `  ${printable(miss.row)} ${miss.platform}/${miss.draftKind}: ${printable(miss.id)} ${what}${tipped} (fired: ${fired})`,
        `      ${JSON.stringify(printable(miss.excerpt))}`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

export async function runEval(argv: readonly string[], io: Io): Promise<number> {
  const args = parseCommand('eval', argv, options, ['file'], schema);
  const rows = parseEvalRows(await readText(io, args.file, 'eval set'), args.file);
  const pack = await loadPack(io, args.pack);
  const report = evaluate(rows, pack);
  io.stdout(args.json ? toJson({ rows: rows.length, ...report }) : formatEval(report, rows.length));
  return EXIT.ok;
}
