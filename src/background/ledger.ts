/**
 * The local activity ledger: what the person published (and, later, comments received and
 * replies), in IndexedDB so it outlives the worker. It keeps only what the history nudges need;
 * text is capped, and the oldest events go once the ledger is full.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { HistoryEvent } from '../engine/types.ts';

/** Enough for near-duplicate and promotion checks; nobody needs a whole essay back. */
export const LEDGER_TEXT_CAP = 2000;
export const LEDGER_MAX_EVENTS = 5000;

interface LedgerSchema extends DBSchema {
  events: { key: number; value: HistoryEvent; indexes: { at: string } };
}

export interface Ledger {
  add(event: HistoryEvent): Promise<void>;
  /** Events oldest first, optionally only those at or after `since`. */
  list(options?: { since?: Date | string }): Promise<HistoryEvent[]>;
  clear(): Promise<void>;
}

export function createLedger(options: { name?: string; maxEvents?: number } = {}): Ledger {
  const maxEvents = options.maxEvents ?? LEDGER_MAX_EVENTS;
  let db: Promise<IDBPDatabase<LedgerSchema>> | undefined;
  const open = () =>
    (db ??= openDB<LedgerSchema>(options.name ?? 'rapport-ledger', 1, {
      upgrade(database) {
        const store = database.createObjectStore('events', { autoIncrement: true });
        store.createIndex('at', 'at');
      },
    }));

  return {
    async add(event) {
      const database = await open();
      const tx = database.transaction('events', 'readwrite');
      await tx.store.add(normalise(event));
      let excess = (await tx.store.count()) - maxEvents;
      if (excess > 0) {
        for (let cursor = await tx.store.index('at').openCursor(); cursor && excess > 0; excess--) {
          await cursor.delete();
          cursor = await cursor.continue();
        }
      }
      await tx.done;
    },
    async list({ since } = {}) {
      const database = await open();
      const range = since === undefined ? undefined : IDBKeyRange.lowerBound(new Date(since).toISOString());
      return database.getAllFromIndex('events', 'at', range);
    },
    async clear() {
      await (await open()).clear('events');
    },
  };
}

/** One timestamp format (so string order is time order) and capped text. */
function normalise(event: HistoryEvent): HistoryEvent {
  const copy = { ...event, at: new Date(event.at).toISOString() };
  if (typeof copy.text === 'string' && copy.text.length > LEDGER_TEXT_CAP) {
    copy.text = copy.text.slice(0, LEDGER_TEXT_CAP);
  }
  return copy;
}

/** The worker's ledger. */
export const ledger: Ledger = createLedger();
