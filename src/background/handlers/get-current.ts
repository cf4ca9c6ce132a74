/** `get-current` (extension pages only): the latest scored draft of a tab, or null. */
import type { CurrentResponse, GetCurrentRequest } from '../../shared/messages.ts';
import type { CurrentStore } from '../current.ts';

export function createGetCurrentHandler(store: CurrentStore) {
  return async function getCurrent(req: GetCurrentRequest): Promise<CurrentResponse> {
    return { ok: true, current: await store.get(req.tabId) };
  };
}
