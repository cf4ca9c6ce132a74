/** Reads a `--history` ledger (JSON Lines); any bad line stops the run with its line number. */
import { parseHistory, type HistoryEvent } from '../engine/index.ts';
import { CliError } from './errors.ts';
import { parseJson, readText } from './files.ts';
import type { Io } from './io.ts';
import { printable } from './output.ts';

const MAX_REPORTED = 20;

/**
 * JSON syntax is checked here line by line, so a broken line is always reported as `path:line` even
 * where the engine's own errors are terser; the engine then checks each event's fields.
 */
export async function loadHistory(io: Io, path: string): Promise<HistoryEvent[]> {
  const text = await readText(io, path, 'history');
  const problems: string[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    try {
      parseJson(line, `${path}:${i + 1}`);
    } catch (error) {
      problems.push((error as Error).message);
    }
  });
  if (problems.length === 0) {
    const { events, errors } = parseHistory(text);
    if (errors.length === 0) return events;
    problems.push(...errors.map((error) => `${path}: ${error}`));
  }
  const shown = problems.slice(0, MAX_REPORTED).map((p) => `  ${printable(p)}`);
  if (problems.length > MAX_REPORTED) shown.push(`  … and ${problems.length - MAX_REPORTED} more`);
  throw new CliError(`the history file has ${problems.length} bad line(s):\n${shown.join('\n')}`);
}
