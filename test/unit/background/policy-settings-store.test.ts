/**
 * Settings under the admin's policy: defaultRole and reminder as the defaults of a new install,
 * locked keys and disabled sites taken from the policy whatever is stored, a write to a locked key
 * refused, and a policy change reaching the settings' watchers.
 */
import { describe, expect, it, vi } from 'vitest';
import type { PolicyKeeper, PolicyState } from '../../../src/background/policy-keeper.ts';
import { createPolicySettingsStore, LOCKED_REASON } from '../../../src/background/policy-settings-store.ts';
import type { Policy } from '../../../src/shared/policy.ts';
import { effectiveSettings, lockedKeys, refusedKeys } from '../../../src/shared/policy-settings.ts';
import { defaultSettings } from '../../../src/shared/settings.ts';
import { fakeStorage } from './fake-storage.ts';

function fakePolicy(policy: Policy): PolicyKeeper & { set(p: Policy): void } {
  let state: PolicyState = { policy, problems: [] };
  const watchers = new Set<(s: PolicyState) => void>();
  return {
    get: async () => state,
    latest: () => state,
    watch(cb) {
      watchers.add(cb);
      return () => void watchers.delete(cb);
    },
    refresh: async () => true,
    set(p) {
      state = { policy: p, problems: [] };
      for (const cb of watchers) cb(state);
    },
  };
}

describe('effective settings', () => {
  it('a new install takes the role and the reminder schedule from the policy', async () => {
    const s = fakeStorage();
    const store = createPolicySettingsStore(
      s.area,
      s.onChanged,
      fakePolicy({ defaultRole: 'executive', reminder: { hour: 7, weekdays: [1, 3] } }),
    );
    const settings = await store.get();
    expect(settings.role).toBe('executive');
    expect(settings.reminder).toEqual({ enabled: true, hour: 7, weekdays: [1, 3] });
  });

  it('a stored choice outranks the defaults unless the key is locked', async () => {
    const s = fakeStorage();
    s.data['settings'] = { ...defaultSettings('employee'), retentionDays: 30, goals: ['answers'] };
    const policy = fakePolicy({ defaultRole: 'executive', reminder: { hour: 7 } });
    const store = createPolicySettingsStore(s.area, s.onChanged, policy);
    expect((await store.get()).role).toBe('employee');
    policy.set({
      defaultRole: 'executive',
      reminder: { hour: 7 },
      lockedSettings: ['role', 'reminder.hour', 'goals'],
    });
    const locked = await store.get();
    expect(locked.role).toBe('executive');
    expect(locked.reminder.hour).toBe(7);
    expect(locked.goals).toEqual([]);
    expect(locked.retentionDays).toBe(30);
  });

  it('a disabled site is off and locked, whatever the setting says', () => {
    const policy: Policy = { disabledSites: ['x', 'reddit'] };
    const settings = effectiveSettings(defaultSettings(), policy);
    expect(settings.sites.x).toBe(false);
    expect(settings.sites.reddit).toBe(false);
    expect(settings.sites.linkedin).toBe(true);
    expect(lockedKeys(policy)).toEqual(['sites.x', 'sites.reddit']);
    expect(refusedKeys({ sites: { x: true } }, policy)).toEqual(['sites.x']);
    expect(refusedKeys({ sites: { linkedin: false } }, policy)).toEqual([]);
  });

  it('a parent key locks its children ("reminder" locks "reminder.hour")', () => {
    const policy: Policy = { lockedSettings: ['reminder'], reminder: { enabled: true, hour: 8 } };
    expect(refusedKeys({ reminder: { hour: 10 }, goals: ['answers'] }, policy)).toEqual(['reminder.hour']);
    const settings = effectiveSettings(
      { ...defaultSettings(), reminder: { enabled: false, hour: 20, weekdays: [0] } },
      policy,
    );
    expect(settings.reminder).toEqual({ enabled: true, hour: 8, weekdays: [1, 2, 3, 4, 5] });
  });
});

describe('the policy settings store', () => {
  it('refuses a write to a locked key and stores nothing of it', async () => {
    const s = fakeStorage();
    const store = createPolicySettingsStore(s.area, s.onChanged, fakePolicy({ lockedSettings: ['role'] }));
    const result = await store.update({ role: 'executive', goals: ['answers'] });
    expect(result.repairs).toEqual([{ key: 'role', reason: LOCKED_REASON }]);
    expect(result.settings.role).toBe('employee');
    expect(s.data['settings']).toBeUndefined();
    const ok = await store.update({ goals: ['answers'] });
    expect(ok.repairs).toEqual([]);
    expect((s.data['settings'] as { goals: string[] }).goals).toEqual(['answers']);
  });

  it('a write behind the worker’s back (storage.local) does not unlock a key', async () => {
    const s = fakeStorage();
    const store = createPolicySettingsStore(
      s.area,
      s.onChanged,
      fakePolicy({ lockedSettings: ['retentionDays'], disabledSites: ['x'] }),
    );
    const seen: number[] = [];
    store.watch((settings) => seen.push(settings.retentionDays) && settings.sites.x && seen.push(-1));
    await s.area.set({ settings: { ...defaultSettings(), retentionDays: 7, sites: { x: true } } });
    expect(seen).toEqual([90]);
    expect((await store.get()).retentionDays).toBe(90);
  });

  it('tells its watchers when the policy changes', async () => {
    const s = fakeStorage();
    const policy = fakePolicy({});
    const store = createPolicySettingsStore(s.area, s.onChanged, policy);
    const seen: boolean[] = [];
    store.watch((settings) => seen.push(settings.sites.youtube));
    policy.set({ disabledSites: ['youtube'] });
    await vi.waitFor(() => expect(seen).toEqual([false]));
  });
});
