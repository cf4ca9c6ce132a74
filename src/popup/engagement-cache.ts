/**
 * The last engagement answer, kept so the popup's first paint shows it without waiting for the
 * worker. `storage.session` lives in memory only: nothing read from the networks is written to disk
 * for it, and it is gone with the browser session (the ledger itself is what persists).
 */
import type { Storage } from 'webextension-polyfill';
import { Engagement } from '../shared/messages.ts';

const KEY = 'popup:engagement';
/**
 * Rows kept for the first paint: about what the popup shows above the fold. Rendering fifty rows
 * first costs more than the whole rest of the paint; the worker's answer brings the others.
 */
export const CACHED_ROWS = 8;

/** A cached value parsed like any answer: one from an older version that no longer fits is dropped. */
function parseCached(value: unknown): Engagement | null {
  const parsed = Engagement.safeParse(value);
  return parsed.success ? parsed.data : null;
}

export interface EngagementCache {
  read(): Promise<Engagement | null>;
  write(engagement: Engagement): Promise<void>;
  clear(): Promise<void>;
}

export function createEngagementCache(area: Storage.StorageArea | undefined): EngagementCache {
  return {
    async read() {
      if (!area) return null;
      const found: Record<string, unknown> = await area.get(KEY);
      return parseCached(found[KEY]);
    },
    async write(engagement) {
      await area?.set({ [KEY]: { ...engagement, waiting: engagement.waiting.slice(0, CACHED_ROWS) } });
    },
    async clear() {
      await area?.remove(KEY);
    },
  };
}
