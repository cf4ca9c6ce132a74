import { describe, expect, it } from 'vitest';
import {
  ensureAlarms,
  HOUR_ALARM,
  TICK_ALARM,
  type AlarmInfo,
} from '../../../../src/background/reminder/alarms.ts';
import { nextLocal } from '../../../../src/background/reminder/local-time.ts';
import { snoozeUntil } from '../../../../src/background/reminder/snooze.ts';
import { defaultSettings } from '../../../../src/shared/settings.ts';

function fakeAlarms() {
  const alarms = new Map<string, AlarmInfo>();
  const created: string[] = [];
  return {
    alarms,
    created,
    get: async (name: string) => alarms.get(name),
    create(name: string, info: { when?: number; delayInMinutes?: number; periodInMinutes?: number }) {
      created.push(name);
      alarms.set(name, {
        name,
        scheduledTime: info.when ?? 0,
        ...(info.periodInMinutes ? { periodInMinutes: info.periodInMinutes } : {}),
      });
    },
    clear: async (name: string) => alarms.delete(name),
  };
}

const TZ = 'Asia/Kolkata'; // UTC+5:30: the local hour is not a UTC hour.
const NOW = Date.parse('2026-11-30T10:10:00Z'); // 15:40 local

describe('reminder alarms', () => {
  it('one at the chosen local hour and a periodic tick; a restart leaves matching alarms alone', async () => {
    const api = fakeAlarms();
    await ensureAlarms(api, defaultSettings('executive'), NOW, TZ);
    // 09:00 in Kolkata tomorrow is 03:30 UTC.
    expect(api.alarms.get(HOUR_ALARM)?.scheduledTime).toBe(Date.parse('2026-12-01T03:30:00Z'));
    expect(api.alarms.get(TICK_ALARM)?.periodInMinutes).toBe(15);
    api.created.length = 0;
    await ensureAlarms(api, defaultSettings('executive'), NOW + 60_000, TZ);
    expect(api.created).toEqual([]);
  });

  it('a changed hour moves the hour alarm; a disabled reminder clears both', async () => {
    const api = fakeAlarms();
    const s = defaultSettings('executive');
    await ensureAlarms(api, s, NOW, TZ);
    await ensureAlarms(api, { reminder: { ...s.reminder, hour: 17 } }, NOW, TZ);
    expect(api.alarms.get(HOUR_ALARM)?.scheduledTime).toBe(Date.parse('2026-11-30T11:30:00Z'));
    await ensureAlarms(api, defaultSettings('employee'), NOW, TZ);
    expect([...api.alarms.keys()]).toEqual([]);
  });

  it('finds the local hour across a daylight-saving change', () => {
    // Europe/Berlin leaves summer time on 25 October 2026 at 03:00 local.
    const t = nextLocal(Date.parse('2026-10-24T08:00:00Z'), 9 * 60, 'Europe/Berlin');
    expect(new Date(t!).toISOString()).toBe('2026-10-25T08:00:00.000Z');
  });

  it('a snooze ends at a local midnight: a day skips tomorrow, a week the next seven days', () => {
    expect(snoozeUntil(NOW, 'day', TZ)).toBe('2026-12-01T18:30:00.000Z');
    expect(snoozeUntil(NOW, 'week', TZ)).toBe('2026-12-07T18:30:00.000Z');
  });
});
