/**
 * `get-settings` (extension pages only): the settings in effect, i.e. the stored ones under the
 * admin's policy (locked keys and disabled sites from the policy), so the options page shows what
 * the worker acts on rather than what happens to be in storage.local.
 */
import type { GetSettingsRequest, SettingsResponse } from '../../shared/messages.ts';
import type { SettingsStore } from '../../shared/settings-store.ts';

export function createGetSettingsHandler(store: Pick<SettingsStore, 'read'>) {
  return async function getSettings(_req: GetSettingsRequest): Promise<SettingsResponse> {
    const { settings, repairs } = await store.read();
    return { ok: true, settings, repairs };
  };
}
