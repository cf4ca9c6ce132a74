/**
 * The ledger's IndexedDB layout, by database version, and the upgrade from each older one. The
 * upgrade runs inside IndexedDB's version-change transaction: it completes whole or not at all,
 * so a worker stopped during it finds the old layout intact next time.
 *
 * - v1: object store `events`, auto-increment keys, whole `HistoryEvent`s (text up to 2,000
 *   characters), index `at`.
 * - v2: object store `records` keyed by the record's own key (type, network, id or `to`), values
 *   `LedgerRecord` (ledger-record.ts), index `at` on `event.at`. v1 events are carried over as
 *   records (classified and fingerprinted from their text, which is then cut to its first words);
 *   a v1 event that is not valid is left behind with a logged reason.
 */
import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { HistoryEvent } from '../engine/types.ts';
import { prepare, type Classify, type LedgerRecord } from './ledger-record.ts';

export const DB_VERSION = 2;
export const STORE = 'records';

export interface LedgerDB extends DBSchema {
  records: { key: string; value: LedgerRecord; indexes: { at: string } };
}

/** The v1 layout, as far as the upgrade reads it. */
interface V1 extends DBSchema {
  events: { key: number; value: HistoryEvent; indexes: { at: string } };
}

export type Log = (message: string) => void;

export async function upgrade(
  db: IDBPDatabase<LedgerDB>,
  oldVersion: number,
  tx: IDBPTransaction<LedgerDB, StoreNames<LedgerDB>[], 'versionchange'>,
  classify: Classify | undefined,
  log: Log,
): Promise<void> {
  if (oldVersion < 2) {
    const store = db.createObjectStore(STORE, { keyPath: 'key' });
    store.createIndex('at', 'event.at');
  }
  const names = db.objectStoreNames as DOMStringList;
  if (oldVersion === 1 && names.contains('events')) {
    const old = (tx as unknown as IDBPTransaction<V1, ['events'], 'versionchange'>).objectStore('events');
    const records = tx.objectStore(STORE);
    const seen = new Set<string>();
    let moved = 0;
    let left = 0;
    for (let cursor = await old.openCursor(); cursor; cursor = await cursor.continue()) {
      const prepared = prepare(cursor.value, classify);
      if (!prepared.ok) {
        left++;
        log(`v1 event ${cursor.key} not carried over: ${prepared.reason}`);
        continue;
      }
      // The first of two events with the same key wins, as `add` does.
      if (seen.has(prepared.record.key)) continue;
      seen.add(prepared.record.key);
      await records.add(prepared.record);
      moved++;
    }
    (db as unknown as IDBPDatabase<V1>).deleteObjectStore('events');
    log(`upgraded from v1: ${moved} events carried over${left ? `, ${left} left behind` : ''}`);
  }
}
