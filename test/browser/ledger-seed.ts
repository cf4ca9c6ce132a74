/**
 * Puts events in the worker's ledger from an extension page (same origin, same IndexedDB), for
 * what no message of this branch records yet: received comments and the promotional flag. Everything
 * after the seeding goes through the real worker (`get-engagement`, `no-reply-needed`, `published`).
 * The database is never created here: the worker's first open must run its own upgrade.
 */
import type { HistoryEvent } from '../../src/engine/types.ts';
import type { Tab } from './tab.ts';

export async function seedLedger(tab: Tab, events: readonly HistoryEvent[]): Promise<void> {
  await tab.eval(
    (seed) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('rapport-ledger');
        open.onerror = () => reject(open.error);
        open.onupgradeneeded = () => {
          open.transaction?.abort();
          reject(new Error('the worker has not opened its ledger yet'));
        };
        open.onsuccess = () => {
          const db = open.result;
          // Ledger v2: one record per event, {v, key, event} in "records" (src/background/ledger-record.ts).
          const tx = db.transaction('records', 'readwrite');
          seed.forEach((event, i) =>
            tx.objectStore('records').put({ v: 2, key: `seed:${i}:${event.type}:${event.at}`, event }),
          );
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    events,
  );
}

const DAY = 86_400_000;

/** `days` (may be fractional) before `now`, as the ledger stores times. */
export const daysAgo = (now: number, days: number) => new Date(now - days * DAY).toISOString();
