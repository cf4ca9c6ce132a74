/**
 * Which networks the person turned off (`sites.<id> = false` in the settings), read from
 * storage.local and followed through storage.onChanged, which reaches content scripts too. Only
 * a stored `false` turns a network off: anything else repairs to the default, on
 * (src/shared/settings.ts). Kept free of zod and the settings module: this runs on every page.
 */
type Changes = Record<string, { newValue?: unknown }>;
export interface SitesStorage {
  local: { get(key: string): Promise<Record<string, unknown>> };
  onChanged: {
    addListener(cb: (changes: Changes, area: string) => void): void;
    removeListener(cb: (changes: Changes, area: string) => void): void;
  };
}

const offOf = (settings: unknown): string => {
  const sites = (settings as { sites?: unknown } | undefined)?.sites;
  if (typeof sites !== 'object' || sites === null) return '';
  return Object.keys(sites)
    .filter((id) => (sites as Record<string, unknown>)[id] === false)
    .sort()
    .join(' ');
};

/**
 * Calls `onOff` with the ids turned off (space-separated, sorted) once they are read, then on every
 * change of that list. A storage that cannot be read counts as nothing off: the worker refuses a
 * turned-off network's messages anyway. Returns a stop.
 */
export function watchSitesOff(storage: SitesStorage | undefined, onOff: (off: string) => void): () => void {
  let last: string | undefined;
  const tell = (off: string) => {
    if (off !== last) onOff((last = off));
  };
  const listener = (changes: Changes, area: string) => {
    if (area === 'local' && changes['settings']) tell(offOf(changes['settings'].newValue));
  };
  let read: Promise<Record<string, unknown>> = Promise.resolve({});
  try {
    storage?.onChanged.addListener(listener);
    if (storage) read = storage.local.get('settings');
  } catch {
    // The extension is gone under this page: the app stops itself at its next message.
  }
  read.then(
    (got) => last === undefined && tell(offOf(got['settings'])),
    () => last === undefined && tell(''),
  );
  return () => {
    try {
      storage?.onChanged.removeListener(listener);
    } catch {
      // An orphan (extension reloaded) hears no more changes anyway.
    }
  };
}
