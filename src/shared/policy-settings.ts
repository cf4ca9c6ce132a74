/**
 * What the admin's policy does to the person's settings. Pure (no browser API): the worker applies
 * it to every settings read and write (src/background/policy-settings-store.ts), so what is
 * stored in storage.local (which the person, or another extension page, can write) never
 * outranks the policy.
 *
 * - `defaultRole` and `reminder` are defaults: they fill what was never stored.
 * - `lockedSettings` keys take the policy's value (the role's default with the admin's schedule),
 *   whatever is stored.
 * - `disabledSites` turns those networks off and locks them off.
 */
import { PLATFORMS } from '../engine/types.ts';
import { isLocked, type Policy } from './policy.ts';
import { defaultSettings, type Settings } from './settings.ts';
import type { SettingsDefaults, SettingsPatch } from './settings-store.ts';

/** The defaults of a setting that was never stored, under this policy. */
export function policyDefaults(policy: Policy): SettingsDefaults {
  return {
    role: policy.defaultRole ?? 'employee',
    ...(policy.reminder ? { reminder: policy.reminder } : {}),
  };
}

/** Keys the person cannot change: `lockedSettings`, and `sites.<id>` of each disabled site. */
export function lockedKeys(policy: Policy): string[] {
  const keys = [...(policy.lockedSettings ?? [])];
  for (const p of policy.disabledSites ?? []) if (!isLocked(policy, `sites.${p}`)) keys.push(`sites.${p}`);
  return keys;
}

/** The settings in effect: the stored ones with the locked keys and disabled sites from the policy. */
export function effectiveSettings(stored: Settings, policy: Policy): Settings {
  const locked = (key: string) => isLocked(policy, key);
  const role = locked('role') ? (policy.defaultRole ?? 'employee') : stored.role;
  const base = defaultSettings(role, policy.reminder);
  const out: Settings = structuredClone(stored);
  out.role = role;
  for (const p of PLATFORMS) if (locked(`sites.${p}`)) out.sites[p] = base.sites[p];
  for (const p of policy.disabledSites ?? []) out.sites[p] = false;
  if (locked('reminder.enabled')) out.reminder.enabled = base.reminder.enabled;
  if (locked('reminder.hour')) out.reminder.hour = base.reminder.hour;
  if (locked('reminder.weekdays')) out.reminder.weekdays = base.reminder.weekdays;
  if (locked('quietHours.start')) out.quietHours.start = base.quietHours.start;
  if (locked('quietHours.end')) out.quietHours.end = base.quietHours.end;
  if (locked('goals')) out.goals = base.goals;
  if (locked('retentionDays')) out.retentionDays = base.retentionDays;
  return out;
}

/** The dotted keys a patch writes ("reminder.hour", "sites.x", "goals"). */
export function patchKeys(patch: SettingsPatch): string[] {
  const keys: string[] = [];
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    const nested = key === 'sites' || key === 'reminder' || key === 'quietHours';
    if (nested && typeof value === 'object' && value !== null) {
      for (const [sub, v] of Object.entries(value)) if (v !== undefined) keys.push(`${key}.${sub}`);
    } else keys.push(key);
  }
  return keys;
}

/** The keys of a patch the policy does not let the person write. */
export function refusedKeys(patch: SettingsPatch, policy: Policy): string[] {
  const locked = lockedKeys(policy);
  return patchKeys(patch).filter((key) => locked.some((k) => k === key || key.startsWith(k + '.')));
}
