/** "Networks": coaching (and recording) on or off per network, and other Mastodon instances. */
import { platformName } from '../engine/history/time.ts';
import { PLATFORMS, type Platform } from '../engine/types.ts';
import type { Settings } from '../shared/settings.ts';
import type { SettingsPatch } from '../shared/settings-store.ts';
import { isLocked, LockedNote, lockId } from './fields.tsx';
import { Instances } from './Instances.tsx';
import type { InstancesConnector } from './instances-connector.ts';

interface Props {
  settings: Settings;
  locked: readonly string[];
  save(patch: SettingsPatch, label: string): void;
  instances: InstancesConnector;
}

export function Networks({ settings, locked, save, instances }: Props) {
  const toggle = (platform: Platform, on: boolean) =>
    save({ sites: { [platform]: on } }, `${platformName(platform)} ${on ? 'on' : 'off'}`);
  return (
    <section aria-labelledby="networks-title">
      <h2 id="networks-title">Networks</h2>
      <fieldset aria-describedby="networks-help">
        <legend>Coach me on</legend>
        <p id="networks-help" class="help">
          Turned off, a network gets no nudges and nothing you do there is recorded, from the moment you
          switch.
        </p>
        {PLATFORMS.map((platform) => {
          const key = `sites.${platform}`;
          const off = isLocked(locked, key);
          return (
            <div class="choice" key={platform}>
              <input
                type="checkbox"
                id={`site-${platform}`}
                name={key}
                checked={settings.sites[platform]}
                disabled={off}
                aria-describedby={off ? lockId(key) : undefined}
                onChange={(event) => toggle(platform, event.currentTarget.checked)}
              />
              <label for={`site-${platform}`}>{platformName(platform)}</label>
              {off && <LockedNote name={key} />}
            </div>
          );
        })}
      </fieldset>
      <Instances connector={instances} />
    </section>
  );
}
