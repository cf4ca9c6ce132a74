/** The `--history` JSON Lines format: one event a line, each checked; bad lines named by number. */
import { HistoryEventSchema } from '../pack/schema-parts.ts';
import { REPORT_INPUT, describeIssues } from '../pack/errors.ts';
import type { HistoryEvent } from '../types.ts';

export function parseHistory(jsonl: string): { events: HistoryEvent[]; errors: string[] } {
  const events: HistoryEvent[] = [];
  const errors: string[] = [];
  jsonl.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch (e) {
      errors.push(`line ${i + 1}: not valid JSON (${(e as Error).message})`);
      return;
    }
    const parsed = HistoryEventSchema.safeParse(json, REPORT_INPUT);
    if (parsed.success) events.push(parsed.data);
    else errors.push(...describeIssues(parsed.error).map((m) => `line ${i + 1}: ${m}`));
  });
  return { events, errors };
}
