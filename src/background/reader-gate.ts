/**
 * How often a network is read: at most once per interval, and not before the time a network
 * named when it answered 429 or ran its rate budget down. Kept in `storage.session` so a worker
 * that restarts keeps the pace; a browser restart starts afresh.
 */
import * as z from 'zod/mini';
import { EXACT_READERS, type ReaderId } from './reader-pages.ts';

export const GATE_KEY = 'rapport-reader-gate';
/** Readers that make requests: one read per five minutes at most (Mastodon allows ~300 requests / 5 min). */
export const EXACT_INTERVAL_MS = 5 * 60_000;
/** Readers of a page's DOM make no request: once a minute is plenty. */
export const PAGE_INTERVAL_MS = 60_000;

export interface GateStore {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/** Per reader: when its last read started, and the time the network asked to wait until. */
const Gate = z.record(z.string(), z.object({ last: z.number(), until: z.optional(z.number()) }));
type Gate = z.infer<typeof Gate>;

export const intervalOf = (id: ReaderId): number =>
  EXACT_READERS.has(id) ? EXACT_INTERVAL_MS : PAGE_INTERVAL_MS;

export function createReaderGate(store: GateStore, now: () => number = Date.now) {
  let queue: Promise<unknown> = Promise.resolve();
  /** Per reader, the entry a start replaced and the time it set (for `giveBack`). */
  const previous = new Map<ReaderId, Gate[string]>();
  const lastStart = new Map<ReaderId, number>();
  /** One change at a time: two tabs loading at once must not both start a read. */
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task);
    queue = run.catch(() => undefined);
    return run;
  };
  async function load(): Promise<Gate> {
    const parsed = Gate.safeParse((await store.get(GATE_KEY))[GATE_KEY] ?? {});
    return parsed.success ? parsed.data : {};
  }

  return {
    /** True when `id` may be read now; the read is then counted as started. */
    tryStart: (id: ReaderId): Promise<boolean> =>
      serial(async () => {
        const gate = await load();
        const entry = gate[id];
        const t = now();
        if (entry && (t < entry.last + intervalOf(id) || t < (entry.until ?? 0))) return false;
        if (entry) previous.set(id, entry);
        else previous.delete(id);
        lastStart.set(id, t);
        gate[id] = { last: t };
        await store.set({ [GATE_KEY]: gate });
        return true;
      }),
    /**
     * A read counted by `tryStart` that never ran (the reader could not be injected): the entry
     * goes back to what it was, so the next page view reads. A newer start or a wait the network
     * asked for since is kept.
     */
    giveBack: (id: ReaderId): Promise<void> =>
      serial(async () => {
        const gate = await load();
        const entry = gate[id];
        const before = previous.get(id);
        previous.delete(id);
        if (!entry || entry.last !== lastStart.get(id) || entry.until !== undefined) return;
        if (before) gate[id] = before;
        else delete gate[id];
        await store.set({ [GATE_KEY]: gate });
      }),
    /** The network asked to wait `seconds` before the next read. */
    backoff: (id: ReaderId, seconds: number): Promise<void> =>
      serial(async () => {
        const gate = await load();
        const until = now() + seconds * 1000;
        gate[id] = { last: gate[id]?.last ?? now(), until: Math.max(until, gate[id]?.until ?? 0) };
        await store.set({ [GATE_KEY]: gate });
      }),
  };
}

export type ReaderGate = ReturnType<typeof createReaderGate>;
