/**
 * What tests read from inside the extension, through one of its own pages (a Tab on the popup):
 * the ledger in IndexedDB, the extension's storage areas, and every message the worker is sent
 * (a spy listening beside it: `runtime.sendMessage` and ports reach every extension page).
 */
import type { Tab } from './tab.ts';

export type LedgerEvent = Record<string, unknown> & { type: string; platform: string };

export async function readLedger(tab: Tab): Promise<LedgerEvent[]> {
  return tab.eval(
    () =>
      new Promise<LedgerEvent[]>((resolve, reject) => {
        // Never create the database here: the worker's first open must run its upgrade.
        void indexedDB.databases().then((dbs) => {
          if (!dbs.some((db) => db.name === 'rapport-ledger')) return resolve([]);
          const open = indexedDB.open('rapport-ledger');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            // Ledger v2 keeps one record per event ({key, event, …}) in "records"; v1 kept bare events.
            const store = db.objectStoreNames.contains('records') ? 'records' : 'events';
            if (!db.objectStoreNames.contains(store)) {
              db.close();
              return resolve([]);
            }
            const get = db.transaction(store).objectStore(store).getAll();
            // Closed once read: a test polls this many times, and open connections pile up otherwise.
            get.onsuccess = () => {
              db.close();
              resolve(
                (get.result as Record<string, unknown>[]).map((r) =>
                  store === 'records' ? (r.event as LedgerEvent) : (r as LedgerEvent),
                ),
              );
            };
            get.onerror = () => {
              db.close();
              reject(get.error);
            };
          };
        }, reject);
      }),
    null,
  );
}

type Api = {
  runtime: {
    onMessage: { addListener(l: (m: unknown) => void): void };
    onConnect: {
      addListener(l: (p: { onMessage: { addListener(l: (m: unknown) => void): void } }) => void): void;
    };
  };
  storage: Record<'local' | 'session', { get(k: null): Promise<Record<string, unknown>> }> & {
    session: { set(v: Record<string, unknown>): Promise<void>; remove(k: string): Promise<void> };
  };
};

/** Starts recording every message sent to the extension, as JSON text, in the spy page. */
export async function startSpy(tab: Tab): Promise<void> {
  await tab.eval(() => {
    const g = globalThis as unknown as { browser?: Api; chrome?: Api; __spied?: string[] };
    const api = (g.browser ?? g.chrome)!;
    g.__spied = [];
    api.runtime.onMessage.addListener((message) => void g.__spied!.push(JSON.stringify(message)));
    api.runtime.onConnect.addListener((port) =>
      port.onMessage.addListener((message) => void g.__spied!.push(JSON.stringify(message))),
    );
  }, null);
}

export async function spied(tab: Tab): Promise<string[]> {
  return tab.eval(() => (globalThis as unknown as { __spied?: string[] }).__spied ?? [], null);
}

/** Everything in the extension's local and session storage, as JSON text. */
export async function storageText(tab: Tab): Promise<string> {
  return tab.eval(async () => {
    const g = globalThis as unknown as { browser?: Api; chrome?: Api };
    const api = (g.browser ?? g.chrome)!;
    return JSON.stringify([await api.storage.local.get(null), await api.storage.session.get(null)]);
  }, null);
}

const GATE_KEY = 'rapport-reader-gate';

/** The readers' pace as the worker keeps it (src/background/reader-gate.ts). */
export async function readGate(tab: Tab): Promise<Record<string, { last: number; until?: number }>> {
  return tab.eval(async (key) => {
    const g = globalThis as unknown as { browser?: Api; chrome?: Api };
    const api = (g.browser ?? g.chrome)!;
    return ((await api.storage.session.get(null))[key] ?? {}) as Record<
      string,
      { last: number; until?: number }
    >;
  }, GATE_KEY);
}

/**
 * Stands in for time passing: the interval since `id`'s last read is over. With `keepBackoff`,
 * a wait the network asked for (429) still holds.
 */
export async function intervalOver(tab: Tab, id: string, keepBackoff = false): Promise<void> {
  await tab.eval(
    async ({ key, id, keepBackoff }) => {
      const g = globalThis as unknown as { browser?: Api; chrome?: Api };
      const api = (g.browser ?? g.chrome)!;
      const gate = ((await api.storage.session.get(null))[key] ?? {}) as Record<
        string,
        { last: number; until?: number }
      >;
      const until = keepBackoff ? gate[id]?.until : undefined;
      gate[id] = { last: 0, ...(until ? { until } : {}) };
      await api.storage.session.set({ [key]: gate });
    },
    { key: GATE_KEY, id, keepBackoff },
  );
}
