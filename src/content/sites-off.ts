/**
 * Which networks are off: those the person turned off (`sites.<id> = false` in the settings) and
 * those the admin's policy disables (`disabledSites` in the worker's policy cache, which the worker
 * wrote after validating it: src/background/policy-keeper.ts), read from storage.local and
 * followed through storage.onChanged, which reaches content scripts too. Only a stored `false`
 * turns a network off: anything else repairs to the default, on (src/shared/settings.ts). Kept
 * free of zod and the settings and policy modules: this runs on every page.
 */
type Changes = Record<string, { newValue?: unknown }>;
export interface SitesStorage {
  local: { get(key: string): Promise<Record<string, unknown>> };
  onChanged: {
    addListener(cb: (changes: Changes, area: string) => void): void;
    removeListener(cb: (changes: Changes, area: string) => void): void;
  };
}

/** src/shared/policy.ts POLICY_CACHE_KEY (not imported: that module carries zod). */
export const POLICY_KEY = 'managedPolicy';

const settingsOff = (settings: unknown): string[] => {
  const sites = (settings as { sites?: unknown } | undefined)?.sites;
  if (typeof sites !== 'object' || sites === null) return [];
  return Object.keys(sites).filter((id) => (sites as Record<string, unknown>)[id] === false);
};

const policyOff = (cache: unknown): string[] => {
  const list = (cache as { policy?: { disabledSites?: unknown } } | undefined)?.policy?.disabledSites;
  return Array.isArray(list) ? list.filter((id): id is string => typeof id === 'string') : [];
};

/**
 * Calls `onOff` with the ids turned off (space-separated, sorted) once they are read, then on every
 * change of that list. A storage that cannot be read counts as nothing off: the worker refuses a
 * turned-off network's messages anyway. Returns a stop.
 */
export function watchSitesOff(storage: SitesStorage | undefined, onOff: (off: string) => void): () => void {
  let last: string | undefined;
  let byPerson: string[] = [];
  let byPolicy: string[] = [];
  const tell = () => {
    const off = [...new Set([...byPerson, ...byPolicy])].sort().join(' ');
    if (off !== last) onOff((last = off));
  };
  // A change heard before the first read is newer than what that read returns.
  const heard = { settings: false, policy: false };
  const listener = (changes: Changes, area: string) => {
    if (area !== 'local') return;
    const settings = changes['settings'];
    const policy = changes[POLICY_KEY];
    if (settings) [byPerson, heard.settings] = [settingsOff(settings.newValue), true];
    if (policy) [byPolicy, heard.policy] = [policyOff(policy.newValue), true];
    if (settings || policy) tell();
  };
  let read: Promise<[Record<string, unknown>, Record<string, unknown>]> = Promise.resolve([{}, {}]);
  try {
    storage?.onChanged.addListener(listener);
    if (storage) read = Promise.all([storage.local.get('settings'), storage.local.get(POLICY_KEY)]);
  } catch {
    // The extension is gone under this page: the app stops itself at its next message.
  }
  read.then(
    ([settings, policy]) => {
      if (!heard.settings) byPerson = settingsOff(settings['settings']);
      if (!heard.policy) byPolicy = policyOff(policy[POLICY_KEY]);
      tell();
    },
    () => last === undefined && tell(),
  );
  return () => {
    try {
      storage?.onChanged.removeListener(listener);
    } catch {
      // An orphan (extension reloaded) hears no more changes anyway.
    }
  };
}
