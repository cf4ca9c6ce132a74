/**
 * `export-ledger` (extension pages only): everything the ledger keeps, as one JSON document the
 * popup offers as a download. Its `events` are `--history` events (`rapport check --history`
 * reads them once written one a line); a published item's `fingerprint` is the hashed trigrams the
 * near-duplicate nudge compares, kept instead of its text.
 */
import type { ExportLedgerRequest, ExportLedgerResponse } from '../../shared/messages.ts';
import type { Ledger } from '../ledger.ts';
import { RECORD_VERSION } from '../ledger-record.ts';

export const EXPORT_FORMAT = 'rapport-ledger';

export function createExportLedgerHandler(
  ledger: Pick<Ledger, 'records'>,
  now: () => Date = () => new Date(),
  retentionDays: () => number = () => 90,
) {
  return async function exportLedger(_req: ExportLedgerRequest): Promise<ExportLedgerResponse> {
    const records = await ledger.records();
    const json = JSON.stringify(
      {
        format: EXPORT_FORMAT,
        version: RECORD_VERSION,
        exportedAt: now().toISOString(),
        retentionDays: retentionDays(),
        events: records.map((r) => (r.fingerprint ? { ...r.event, fingerprint: r.fingerprint } : r.event)),
      },
      null,
      1,
    );
    return { ok: true, json };
  };
}
