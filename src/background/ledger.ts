/**
 * The local activity ledger: what the person published, the comments they received and their
 * answers, in IndexedDB so it outlives the worker. It keeps only what the history nudges need
 * (ledger-record.ts), for `retentionDays`, and at most `maxEvents` records (the oldest go first).
 *
 * Each event is written in one transaction, and `add` resolves only once that transaction has
 * committed: a worker stopped mid-write loses at most the event it had not acknowledged yet, and
 * never leaves half of one. Recording the same event twice (same type, network and id or `to`)
 * changes nothing. Listeners hear of every committed change, in commit order (history-keeper.ts
 * keeps the in-memory summary with them).
 */
import { openDB, type IDBPDatabase } from 'idb';
import type { HistoryEvent } from '../engine/types.ts';
import { prepare, readRecord, type Classify, type LedgerRecord } from './ledger-record.ts';
import { DB_VERSION, STORE, upgrade, type LedgerDB, type Log } from './ledger-schema.ts';
import { classifyPublished } from './active-pack.ts';

export const LEDGER_MAX_EVENTS = 5000;
export const DEFAULT_RETENTION_DAYS = 90;
/** Expired records are looked for at open, then at most this often while appending. */
const PRUNE_EVERY_MS = 3_600_000;
const DAY = 86_400_000;

export type AppendResult = 'added' | 'duplicate' | 'expired' | 'skipped';
export type LedgerChange =
  | { type: 'added'; record: LedgerRecord; removed: string[] }
  | { type: 'removed'; removed: string[] }
  | { type: 'cleared' };

export interface Ledger {
  /** Records the event (see `append`); resolves once it is committed, or was already there. */
  add(event: HistoryEvent): Promise<void>;
  append(event: HistoryEvent): Promise<AppendResult>;
  /** Events oldest first, optionally only those at or after `since`. */
  list(options?: { since?: Date | string }): Promise<HistoryEvent[]>;
  /** Every valid record, oldest first; invalid ones are skipped with a logged reason. */
  records(): Promise<LedgerRecord[]>;
  clear(): Promise<void>;
  subscribe(listener: (change: LedgerChange) => void): () => void;
}

export interface LedgerOptions {
  name?: string;
  maxEvents?: number;
  /** Days a record is kept (`retentionDays` in the settings, 7–365). */
  retentionDays?: number | (() => number);
  now?: () => Date;
  /** Flags a published text as promotional when it is recorded (the active pack's classifier). */
  classify?: Classify;
  log?: Log;
}

export function createLedger(options: LedgerOptions = {}): Ledger {
  const maxEvents = options.maxEvents ?? LEDGER_MAX_EVENTS;
  const now = options.now ?? (() => new Date());
  const log = options.log ?? ((message: string) => console.warn(`Rapport ledger: ${message}`));
  const retention = options.retentionDays ?? DEFAULT_RETENTION_DAYS;
  const cutoff = () =>
    new Date(
      now().getTime() - (typeof retention === 'function' ? retention() : retention) * DAY,
    ).toISOString();
  const listeners = new Set<(change: LedgerChange) => void>();
  const emit = (change: LedgerChange) => {
    for (const listener of listeners) listener(change);
  };
  let lastPrune = -Infinity;
  let db: Promise<IDBPDatabase<LedgerDB>> | undefined;

  const open = () =>
    (db ??= openDB<LedgerDB>(options.name ?? 'rapport-ledger', DB_VERSION, {
      upgrade: (database, oldVersion, _newVersion, tx) =>
        upgrade(database, oldVersion, tx, options.classify, log),
      // A newer build wants to upgrade: step aside rather than block it.
      blocking: () => {
        void db?.then((d) => d.close());
        db = undefined;
      },
    }).then(
      async (database) => {
        await prune(database);
        return database;
      },
      (error: unknown) => {
        db = undefined;
        throw error;
      },
    ));

  async function prune(database: IDBPDatabase<LedgerDB>): Promise<void> {
    lastPrune = now().getTime();
    const tx = database.transaction(STORE, 'readwrite');
    const removed: string[] = [];
    const range = IDBKeyRange.upperBound(cutoff(), true);
    for (let c = await tx.store.index('at').openCursor(range); c; c = await c.continue()) {
      removed.push(c.primaryKey);
      await c.delete();
    }
    await tx.done;
    if (removed.length) emit({ type: 'removed', removed });
  }

  async function append(event: HistoryEvent): Promise<AppendResult> {
    const prepared = prepare(event, options.classify);
    if (!prepared.ok) {
      log(`${event?.type ?? 'event'} not recorded: ${prepared.reason}`);
      return 'skipped';
    }
    const { record } = prepared;
    if (record.event.at < cutoff()) return 'expired';
    const database = await open();
    if (now().getTime() - lastPrune > PRUNE_EVERY_MS) await prune(database);
    const tx = database.transaction(STORE, 'readwrite');
    if ((await tx.store.count(record.key)) > 0) {
      await tx.done;
      return 'duplicate';
    }
    await tx.store.add(record);
    const removed: string[] = [];
    let excess = (await tx.store.count()) - maxEvents;
    for (let c = excess > 0 ? await tx.store.index('at').openCursor() : null; c && excess > 0; excess--) {
      removed.push(c.primaryKey);
      await c.delete();
      c = await c.continue();
    }
    await tx.done;
    emit({ type: 'added', record, removed });
    return 'added';
  }

  async function records(): Promise<LedgerRecord[]> {
    const values = await (await open()).getAll(STORE);
    const out: LedgerRecord[] = [];
    for (const value of values) {
      const read = readRecord(value);
      if (read.ok) out.push(read.record);
      else log(`record ${describeKey(value)} skipped: ${read.reason}`);
    }
    // By time, then key: the store's own order is by key.
    return out.sort((a, b) =>
      a.event.at < b.event.at ? -1 : a.event.at > b.event.at ? 1 : a.key < b.key ? -1 : 1,
    );
  }

  return {
    async add(event) {
      await append(event);
    },
    append,
    records,
    async list({ since } = {}) {
      const from = since === undefined ? '' : new Date(since).toISOString();
      return (await records()).filter((r) => r.event.at >= from).map((r) => r.event);
    },
    async clear() {
      await (await open()).clear(STORE);
      emit({ type: 'cleared' });
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** A stored value's key for a log line: never its content. */
function describeKey(value: unknown): string {
  const key = (value as { key?: unknown } | null)?.key;
  return typeof key === 'string' ? key.slice(0, 200) : '(without a key)';
}

/**
 * How long the worker's ledger keeps a record: the person's `retentionDays`. A hook rather than an
 * option because this one ledger is shared by every handler; index.ts points it at the settings.
 */
let workerRetentionDays: () => number = () => DEFAULT_RETENTION_DAYS;
export function useRetentionDays(days: () => number): void {
  workerRetentionDays = days;
}

/** The worker's ledger. */
export const ledger: Ledger = createLedger({
  classify: classifyPublished,
  retentionDays: () => workerRetentionDays(),
});
