/**
 * Settings in storage.local, for every part of the extension. storage.onChanged reaches the
 * worker, content scripts, the popup and the options page alike, so a change made anywhere is
 * followed everywhere without a reload; that event is the broadcast.
 *
 * The store takes its storage area and change event as arguments so unit tests pass fakes.
 */
import {
  repairSettings,
  SETTINGS_KEY,
  type ReminderSettings,
  type Role,
  type Settings,
  type SettingsRepair,
} from './settings.ts';

export interface StorageAreaLike {
  get(keys: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export interface StorageChange {
  newValue?: unknown;
  oldValue?: unknown;
}

export interface StorageChangedLike {
  addListener(cb: (changes: Record<string, StorageChange>, areaName: string) => void): void;
  removeListener(cb: (changes: Record<string, StorageChange>, areaName: string) => void): void;
}

/** A partial update: top-level keys, with reminder/quietHours/sites merged one level down. */
export type SettingsPatch = Partial<{
  role: Settings['role'];
  sites: Partial<Settings['sites']>;
  reminder: Partial<Settings['reminder']>;
  quietHours: Partial<Settings['quietHours']>;
  goals: Settings['goals'];
  retentionDays: number;
}>;

export interface SettingsStore {
  /** The stored settings, repaired; repairs say which stored values were replaced by defaults. */
  read(): Promise<{ settings: Settings; repairs: SettingsRepair[] }>;
  get(): Promise<Settings>;
  /**
   * Applies a patch and stores the result. The patch is merged onto what is stored and repaired
   * like a read, so a bad value in the patch is refused (named in repairs) and never stored.
   */
  update(patch: SettingsPatch): Promise<{ settings: Settings; repairs: SettingsRepair[] }>;
  /** Calls back with the new settings whenever they change in storage.local; returns a stop. */
  watch(cb: (settings: Settings) => void): () => void;
}

/** What a value that was never stored reads as: the admin's defaultRole and reminder schedule. */
export interface SettingsDefaults {
  role: Role;
  reminder?: Partial<ReminderSettings>;
}

export function createSettingsStore(
  area: StorageAreaLike,
  onChanged: StorageChangedLike,
  defaults: () => Role | SettingsDefaults | Promise<Role | SettingsDefaults> = () => 'employee',
): SettingsStore {
  // The defaults of the last read, for the watch (which cannot wait): a cleared store reads as them.
  let last: SettingsDefaults = { role: 'employee' };
  const read = async () => {
    const stored = (await area.get(SETTINGS_KEY))[SETTINGS_KEY];
    const got = await defaults();
    last = typeof got === 'string' ? { role: got } : got;
    return repairSettings(stored, last.role, last.reminder);
  };
  // Updates from one page run one after another: two quick clicks each read what the other wrote
  // instead of both reading the same old value and the second write undoing the first.
  let queue: Promise<unknown> = Promise.resolve();
  const applyPatch = async (patch: SettingsPatch) => {
    const { settings: current } = await read();
    const result = repairSettings(mergePatch(current, patch), current.role, last.reminder);
    // A refused value in the patch keeps what was stored, not the default.
    for (const { key } of result.repairs) keepCurrent(result.settings, current, key);
    await area.set({ [SETTINGS_KEY]: result.settings });
    return result;
  };
  return {
    read,
    get: async () => (await read()).settings,
    update(patch) {
      const run = queue.then(() => applyPatch(patch));
      queue = run.catch(() => undefined);
      return run;
    },
    watch(cb) {
      const listener = (changes: Record<string, StorageChange>, areaName: string) => {
        const change = changes[SETTINGS_KEY];
        if (areaName !== 'local' || !change) return;
        cb(repairSettings(change.newValue, last.role, last.reminder).settings);
      };
      onChanged.addListener(listener);
      return () => onChanged.removeListener(listener);
    },
  };
}

/**
 * A patch laid over settings: top-level keys replace, sites/reminder/quietHours merge one level
 * down. Not repaired: the store repairs what it writes; the options page shows it until the
 * store's answer comes back.
 */
export function mergePatch(current: Settings, patch: SettingsPatch): Settings {
  return {
    ...current,
    ...patch,
    sites: { ...current.sites, ...patch.sites },
    reminder: { ...current.reminder, ...patch.reminder },
    quietHours: { ...current.quietHours, ...patch.quietHours },
  };
}

/** Copies the value at a dotted key ("reminder.hour") from `from` into `into`. */
function keepCurrent(into: Settings, from: Settings, key: string): void {
  const path = key.split('.');
  const last = path.pop();
  if (last === undefined || last === '') return;
  let a: Record<string, unknown> = into as unknown as Record<string, unknown>;
  let b: Record<string, unknown> = from as unknown as Record<string, unknown>;
  for (const part of path) {
    a = a[part] as Record<string, unknown>;
    b = b[part] as Record<string, unknown>;
  }
  a[last] = structuredClone(b[last]);
}
