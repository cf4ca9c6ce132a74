/**
 * `update-settings` (extension pages only): saves a patch through the worker's store, which
 * refuses a key the policy locks ("set by your organisation", named in `repairs`, nothing stored)
 * and repairs a bad value (src/background/policy-settings-store.ts).
 */
import type { SettingsResponse, UpdateSettingsRequest } from '../../shared/messages.ts';
import type { SettingsPatch, SettingsStore } from '../../shared/settings-store.ts';

export function createUpdateSettingsHandler(store: Pick<SettingsStore, 'update'>) {
  return async function updateSettings(req: UpdateSettingsRequest): Promise<SettingsResponse> {
    // The message schema checks the patch's shape; each value is checked by the store's repair.
    const { settings, repairs } = await store.update(req.patch as SettingsPatch);
    return { ok: true, settings, repairs };
  };
}
