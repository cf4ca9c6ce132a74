/**
 * The settings as the options page holds them: read once, followed through the store's watch
 * (another tab, the popup), saved field by field on change, with a polite "saved" message.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Settings, SettingsRepair } from '../shared/settings.ts';
import { mergePatch, type SettingsPatch } from '../shared/settings-store.ts';
import type { OptionsConnector } from './connector.ts';

export interface SettingsState {
  settings: Settings | null;
  /** Keys the organisation set (read-only here). */
  locked: readonly string[];
  /** Stored values that were not valid when the page opened, and were replaced by their default. */
  repaired: SettingsRepair[];
  /** The last save's outcome, for the live region; `label` says what changed ("role executive"). */
  status: { kind: 'saved' | 'error'; text: string } | null;
  save(patch: SettingsPatch, label: string): Promise<void>;
}

export function useSettings(connector: OptionsConnector): SettingsState {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [locked, setLocked] = useState<readonly string[]>([]);
  const [repaired, setRepaired] = useState<SettingsRepair[]>([]);
  const [status, setStatus] = useState<SettingsState['status']>(null);
  // Saves still on their way to the worker. While any is, the page shows its own changes and not
  // the storage echoes of the earlier ones (an echo would undo a click made after it was sent).
  const inFlight = useRef(0);

  useEffect(() => {
    let alive = true;
    const readLocked = () =>
      connector.locked().then(
        (keys) => alive && setLocked(keys),
        () => undefined,
      );
    // A change may be the admin's policy arriving or changing: its locks follow.
    const stop = connector.watch((next) => {
      if (!alive) return;
      if (inFlight.current === 0) setSettings(next);
      void readLocked();
    });
    connector.settings().then(
      (result) => {
        if (!alive) return;
        setSettings((now) => now ?? result.settings);
        setRepaired(result.repairs);
      },
      (error: unknown) => alive && setStatus({ kind: 'error', text: `Settings not read: ${String(error)}` }),
    );
    void readLocked();
    return () => {
      alive = false;
      stop();
    };
  }, [connector]);

  async function save(patch: SettingsPatch, label: string): Promise<void> {
    // Shown at once, so a second click computes from this one rather than from the value before it.
    setSettings((now) => (now ? mergePatch(now, patch) : now));
    inFlight.current++;
    try {
      const result = await connector.update(patch);
      // The worker applies saves in order: the last answer holds every earlier one (and anything
      // another page changed meanwhile), so only it replaces what the page shows.
      if (--inFlight.current === 0) setSettings(result.settings);
      setStatus(
        result.repairs.length > 0
          ? { kind: 'error', text: `Not saved (${label}): ${result.repairs[0]!.reason}.` }
          : { kind: 'saved', text: `Saved: ${label}.` },
      );
    } catch (error) {
      inFlight.current--;
      setStatus({ kind: 'error', text: `Not saved (${label}): ${String(error)}` });
      // Put back what is stored: the value shown at once was never saved.
      connector.settings().then(
        (result) => inFlight.current === 0 && setSettings(result.settings),
        () => undefined,
      );
    }
  }

  return { settings, locked, repaired, status, save };
}
