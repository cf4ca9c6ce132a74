/**
 * The worker's settings store under the admin's policy: every read is the effective settings
 * (src/shared/policy-settings.ts), a write to a locked key is refused, and a policy change reaches
 * the watchers like a settings change. storage.local can be written by any extension page, so the
 * policy is applied here, on the way out, rather than trusted to be stored.
 */
import { effectiveSettings, policyDefaults, refusedKeys } from '../shared/policy-settings.ts';
import {
  createSettingsStore,
  type SettingsStore,
  type StorageAreaLike,
  type StorageChangedLike,
} from '../shared/settings-store.ts';
import type { PolicyKeeper } from './policy-keeper.ts';

/** The reason a refused key carries (the options page shows it beside "Not saved"). */
export const LOCKED_REASON = 'set by your organisation';

export function createPolicySettingsStore(
  area: StorageAreaLike,
  onChanged: StorageChangedLike,
  policy: PolicyKeeper,
): SettingsStore {
  const store = createSettingsStore(area, onChanged, async () => policyDefaults((await policy.get()).policy));
  const read = async () => {
    const [{ settings, repairs }, { policy: p }] = await Promise.all([store.read(), policy.get()]);
    return { settings: effectiveSettings(settings, p), repairs };
  };
  return {
    read,
    get: async () => (await read()).settings,
    async update(patch) {
      const p = (await policy.get()).policy;
      const refused = refusedKeys(patch, p);
      if (refused.length > 0) {
        const { settings } = await read();
        return { settings, repairs: refused.map((key) => ({ key, reason: LOCKED_REASON })) };
      }
      const result = await store.update(patch);
      return { settings: effectiveSettings(result.settings, p), repairs: result.repairs };
    },
    watch(cb) {
      const stopStore = store.watch((settings) => cb(effectiveSettings(settings, policy.latest().policy)));
      const stopPolicy = policy.watch(() => {
        read().then(
          ({ settings }) => cb(settings),
          (error: unknown) => console.error('Rapport: settings not read after a policy change:', error),
        );
      });
      return () => {
        stopStore();
        stopPolicy();
      };
    },
  };
}
