/**
 * `delete-ledger` (extension pages only): the person deletes everything the ledger keeps. The
 * in-memory summary hears of it from the ledger and empties too, so the next score has no history.
 */
import type { AckResponse, DeleteLedgerRequest } from '../../shared/messages.ts';
import type { Ledger } from '../ledger.ts';

export function createDeleteLedgerHandler(ledger: Pick<Ledger, 'clear'>) {
  return async function deleteLedger(_req: DeleteLedgerRequest): Promise<AckResponse> {
    await ledger.clear();
    return { ok: true };
  };
}
