/**
 * The worker's history summary, in memory: rebuilt from the ledger once when the worker starts
 * (or on the first score after it), then kept up to date with every committed change the ledger
 * announces. Scoring reads it and never goes back to IndexedDB.
 *
 * Changes that commit while the rebuild is reading are replayed after it, in commit order; the
 * summary ignores a record it already has (same key), so one read by both paths counts once.
 */
import { HistorySummary } from '../engine/index.ts';
import type { Ledger, LedgerChange } from './ledger.ts';
import type { LedgerRecord } from './ledger-record.ts';

export interface HistoryKeeper {
  /** The summary, once built; a failed build is retried on the next call. */
  summary(): Promise<HistorySummary>;
}

function addRecord(summary: HistorySummary, record: LedgerRecord): void {
  // The record keeps only the first words of a text: the fingerprint stands for the whole of it.
  summary.add(record.event, { key: record.key, fingerprint: record.fingerprint ?? [] });
}

function apply(summary: HistorySummary, change: LedgerChange): void {
  if (change.type === 'cleared') return summary.clear();
  if (change.type === 'added') addRecord(summary, change.record);
  for (const key of change.removed) summary.remove(key);
}

export function keepHistory(ledger: Pick<Ledger, 'records' | 'subscribe'>): HistoryKeeper {
  let built: HistorySummary | undefined;
  let building: Promise<HistorySummary> | undefined;
  let pending: LedgerChange[] = [];
  ledger.subscribe((change) => {
    if (built) apply(built, change);
    else if (building) pending.push(change);
  });

  async function build(): Promise<HistorySummary> {
    pending = [];
    const summary = new HistorySummary();
    for (const record of await ledger.records()) addRecord(summary, record);
    for (const change of pending) apply(summary, change);
    pending = [];
    built = summary;
    return summary;
  }

  return {
    summary() {
      if (built) return Promise.resolve(built);
      building ??= build().catch((error: unknown) => {
        building = undefined;
        throw error;
      });
      return building;
    },
  };
}
