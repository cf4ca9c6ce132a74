/**
 * The latest scored draft of each tab, for the popup. Kept in `storage.session` so it survives the
 * service worker being stopped between events; a plain Map stands in where that area is missing.
 */
import type { Storage } from 'webextension-polyfill';
import type { CurrentResponse } from '../shared/messages.ts';

export type CurrentDraft = NonNullable<Extract<CurrentResponse, { ok: true }>['current']>;

export interface CurrentStore {
  get(tabId: number): Promise<CurrentDraft | null>;
  set(tabId: number, draft: CurrentDraft): Promise<void>;
  remove(tabId: number): Promise<void>;
}

const keyOf = (tabId: number) => `current:${tabId}`;

export function createCurrentStore(area: Storage.StorageArea | undefined): CurrentStore {
  if (!area) return createMemoryStore();
  return {
    async get(tabId) {
      const key = keyOf(tabId);
      const found: Record<string, unknown> = await area.get(key);
      return (found[key] as CurrentDraft | undefined) ?? null;
    },
    async set(tabId, draft) {
      await area.set({ [keyOf(tabId)]: draft });
    },
    async remove(tabId) {
      await area.remove(keyOf(tabId));
    },
  };
}

export function createMemoryStore(): CurrentStore {
  const drafts = new Map<number, CurrentDraft>();
  return {
    get: async (tabId) => drafts.get(tabId) ?? null,
    set: async (tabId, draft) => void drafts.set(tabId, draft),
    remove: async (tabId) => void drafts.delete(tabId),
  };
}
