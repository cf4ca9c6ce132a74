import { describe, expect, it } from 'vitest';
import { defaultSettings, inQuietHours, repairSettings } from '../../../src/shared/settings.ts';
import { createSettingsStore, type StorageChange } from '../../../src/shared/settings-store.ts';

describe('settings', () => {
  it('defaults follow the role: the reminder is on for executives only', () => {
    expect(defaultSettings('executive').reminder.enabled).toBe(true);
    expect(defaultSettings('employee').reminder.enabled).toBe(false);
    expect(defaultSettings().sites.x).toBe(true);
  });

  it('repairs field by field: a bad value falls back, the rest survive', () => {
    const { settings, repairs } = repairSettings({
      role: 'executive',
      sites: { x: false, linkedin: 'yes' },
      reminder: { hour: 25, weekdays: [5, 1, 1], enabled: false },
      quietHours: { start: '7pm', end: '07:30' },
      goals: ['answers', 'followers'],
      retentionDays: 30,
      stray: 1,
    });
    expect(settings.role).toBe('executive');
    expect(settings.sites.x).toBe(false);
    expect(settings.sites.linkedin).toBe(true);
    expect(settings.reminder).toEqual({ enabled: false, hour: 9, weekdays: [1, 5] });
    expect(settings.quietHours).toEqual({ start: '19:00', end: '07:30' });
    expect(settings.goals).toEqual([]);
    expect(settings.retentionDays).toBe(30);
    expect(repairs.map((r) => r.key).sort()).toEqual([
      'goals',
      'quietHours.start',
      'reminder.hour',
      'sites.linkedin',
    ]);
    expect(settings).not.toHaveProperty('stray');
  });

  it('reads garbage as the defaults, naming the repair', () => {
    const { settings, repairs } = repairSettings('corrupt', 'executive');
    expect(settings).toEqual(defaultSettings('executive'));
    expect(repairs).toEqual([{ key: '', reason: 'not an object' }]);
  });

  it('quiet hours may cross midnight; equal ends mean none', () => {
    const night = { start: '19:00', end: '08:00' };
    expect(inQuietHours(night, 23 * 60)).toBe(true);
    expect(inQuietHours(night, 7 * 60 + 59)).toBe(true);
    expect(inQuietHours(night, 8 * 60)).toBe(false);
    expect(inQuietHours({ start: '12:00', end: '13:00' }, 12 * 60 + 30)).toBe(true);
    expect(inQuietHours({ start: '12:00', end: '13:00' }, 13 * 60)).toBe(false);
    expect(inQuietHours({ start: '09:00', end: '09:00' }, 9 * 60)).toBe(false);
  });
});

describe('settings store', () => {
  function fakeArea() {
    const data: Record<string, unknown> = {};
    const listeners = new Set<(c: Record<string, StorageChange>, a: string) => void>();
    return {
      data,
      area: {
        get: async (key: string) => (key in data ? { [key]: data[key] } : {}),
        set: async (items: Record<string, unknown>) => {
          for (const [k, v] of Object.entries(items)) {
            const oldValue = data[k];
            data[k] = structuredClone(v);
            for (const l of listeners) l({ [k]: { oldValue, newValue: v } }, 'local');
          }
        },
      },
      onChanged: {
        addListener: (l: (c: Record<string, StorageChange>, a: string) => void) => void listeners.add(l),
        removeListener: (l: (c: Record<string, StorageChange>, a: string) => void) =>
          void listeners.delete(l),
      },
    };
  }

  it('round-trips a patch and tells watchers', async () => {
    const f = fakeArea();
    const store = createSettingsStore(f.area, f.onChanged, () => 'executive');
    expect((await store.get()).role).toBe('executive');
    const seen: number[] = [];
    const stop = store.watch((s) => seen.push(s.reminder.hour));
    await store.update({ reminder: { hour: 7 }, sites: { reddit: false } });
    const after = await store.get();
    expect(after.reminder).toEqual({ enabled: true, hour: 7, weekdays: [1, 2, 3, 4, 5] });
    expect(after.sites.reddit).toBe(false);
    expect(after.sites.x).toBe(true);
    expect(seen).toEqual([7]);
    stop();
    await store.update({ reminder: { hour: 8 } });
    expect(seen).toEqual([7]);
  });

  it('refuses a bad value in a patch and keeps the stored one', async () => {
    const f = fakeArea();
    const store = createSettingsStore(f.area, f.onChanged);
    await store.update({ retentionDays: 30 });
    const { settings, repairs } = await store.update({ retentionDays: 5000 });
    expect(repairs[0]?.key).toBe('retentionDays');
    expect(settings.retentionDays).toBe(30);
    expect((await store.get()).retentionDays).toBe(30);
  });
  it('runs updates one after another: two at once both land', async () => {
    const f = fakeArea();
    const store = createSettingsStore(f.area, f.onChanged);
    await Promise.all([
      store.update({ goals: ['answers'] }),
      store.update({ reminder: { weekdays: [2, 3] } }),
      store.update({ retentionDays: 30 }),
    ]);
    const after = await store.get();
    expect(after.goals).toEqual(['answers']);
    expect(after.reminder.weekdays).toEqual([2, 3]);
    expect(after.retentionDays).toBe(30);
  });

  it('a failed write does not stop the next update', async () => {
    const f = fakeArea();
    const set = f.area.set;
    let fail = true;
    f.area.set = async (items) => {
      if (fail) {
        fail = false;
        throw new Error('quota');
      }
      await set(items);
    };
    const store = createSettingsStore(f.area, f.onChanged);
    await expect(store.update({ retentionDays: 30 })).rejects.toThrow('quota');
    await store.update({ retentionDays: 40 });
    expect((await store.get()).retentionDays).toBe(40);
  });
});
