// STUB
import type { HistoryEvent } from '../types.ts';
export function parseHistory(_jsonl: string): { events: HistoryEvent[]; errors: string[] } {
  return { events: [], errors: [] };
}
