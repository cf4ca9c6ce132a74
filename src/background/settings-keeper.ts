/**
 * The worker's settings: one store, read once and then kept in memory by its watch, so the hot
 * paths (every score, every ledger prune) never wait on storage. storage.onChanged is how a
 * change made on the options page reaches a running worker; a worker that starts later reads the
 * store afresh.
 */
import { defaultSettings, type Settings } from '../shared/settings.ts';
import type { SettingsStore } from '../shared/settings-store.ts';

export interface SettingsKeeper {
  /** The one store instance (for the worker's own updates). */
  store: SettingsStore;
  /** The settings, from memory once they have been read. */
  get(): Promise<Settings>;
  /** What is known right now without waiting: the kept settings, or the defaults before the first read. */
  latest(): Settings;
}

/** How long a caller waits for the first read before the defaults stand in. */
export const READ_WAIT_MS = 1000;

export function keepSettings(
  store: SettingsStore,
  log: (error: unknown) => void = (error) => console.error('Rapport: settings not read:', error),
): SettingsKeeper {
  let current: Settings | undefined;
  let loading: Promise<Settings> | undefined;
  // Registered before the first read: a change that lands while it runs is not lost, and wins.
  store.watch((settings) => {
    current = settings;
  });
  const get = (): Promise<Settings> => {
    if (current) return Promise.resolve(current);
    loading ??= store.get().then(
      (settings) => (current ??= settings),
      (error: unknown) => {
        loading = undefined; // try again next time rather than keep a failure
        throw error;
      },
    );
    return loading;
  };
  void get().catch(log);
  return {
    store,
    // Never held up for long by a read that has not settled (seen right after runtime.reload() on a
    // busy browser): the defaults stand in until it does, and the content script gates too.
    get: () =>
      current
        ? Promise.resolve(current)
        : Promise.race([
            get(),
            new Promise<Settings>((resolve) =>
              setTimeout(() => resolve(current ?? defaultSettings()), READ_WAIT_MS),
            ),
          ]),
    latest: () => current ?? defaultSettings(),
  };
}
