import { describe, expect, it } from 'vitest';
import { due } from '../../../../src/background/reminder/due.ts';
import { defaultSettings, type Settings } from '../../../../src/shared/settings.ts';

// A fake clock: instants written as UTC, read in Berlin (UTC+1 in winter), so local times differ
// from the UTC ones and a bug that reads UTC shows.
const TZ = 'Europe/Berlin';
const at = (iso: string) => Date.parse(iso);
// Monday 30 November 2026.
const MON = '2026-11-30';

function settings(patch: Partial<Settings> = {}): Settings {
  return { ...defaultSettings('executive'), ...patch };
}

describe('due', () => {
  it('waits for the chosen hour, then shows once that local day', () => {
    const s = settings();
    expect(due(at(`${MON}T07:59:00Z`), s, {}, undefined, TZ)).toEqual({
      show: false,
      date: MON,
      notYet: true,
    });
    expect(due(at(`${MON}T08:00:00Z`), s, {}, undefined, TZ)).toEqual({ show: true, date: MON });
    expect(due(at(`${MON}T08:15:00Z`), s, { lastShown: MON }, undefined, TZ)).toMatchObject({
      show: false,
      reason: 'shown-today',
    });
    // The next local day shows again.
    expect(due(at('2026-12-01T08:00:00Z'), s, { lastShown: MON }, undefined, TZ)).toEqual({
      show: true,
      date: '2026-12-01',
    });
  });

  it('is off when the reminder is disabled (an employee who did not opt in)', () => {
    const s = defaultSettings('employee');
    expect(due(at(`${MON}T10:00:00Z`), s, {}, undefined, TZ)).toMatchObject({
      show: false,
      reason: 'disabled',
    });
    const optedIn = { ...s, reminder: { ...s.reminder, enabled: true } };
    expect(due(at(`${MON}T10:00:00Z`), optedIn, {}, undefined, TZ)).toMatchObject({ show: true });
  });

  it('shows only on the chosen weekdays, by the local weekday', () => {
    const s = settings({ reminder: { enabled: true, hour: 9, weekdays: [1] } });
    expect(due(at(`${MON}T10:00:00Z`), s, {}, undefined, TZ)).toMatchObject({ show: true });
    expect(due(at('2026-12-01T10:00:00Z'), s, {}, undefined, TZ)).toMatchObject({
      reason: 'not-a-chosen-day',
    });
    // 23:30 UTC on Sunday is already Monday 00:30 in Berlin: Monday counts, Sunday does not.
    const late = settings({
      reminder: { enabled: true, hour: 0, weekdays: [1] },
      quietHours: { start: '03:00', end: '04:00' },
    });
    expect(due(at('2026-11-29T23:30:00Z'), late, {}, undefined, TZ)).toEqual({ show: true, date: MON });
    expect(due(at('2026-11-29T22:30:00Z'), late, {}, undefined, TZ)).toMatchObject({
      reason: 'not-a-chosen-day',
    });
  });

  it('never shows inside quiet hours, including quiet hours that cross midnight', () => {
    const night = settings({ reminder: { enabled: true, hour: 6, weekdays: [0, 1, 2, 3, 4, 5, 6] } });
    // Default quiet hours 19:00–08:00: 06:30 and 23:00 local are quiet, 08:00 is not.
    expect(due(at(`${MON}T05:30:00Z`), night, {}, undefined, TZ)).toMatchObject({ reason: 'quiet-hours' });
    expect(due(at(`${MON}T22:00:00Z`), night, {}, undefined, TZ)).toMatchObject({ reason: 'quiet-hours' });
    expect(due(at(`${MON}T07:00:00Z`), night, {}, undefined, TZ)).toMatchObject({ show: true });
    // A quiet lunch that does not cross midnight.
    const lunch = settings({ quietHours: { start: '12:00', end: '13:30' } });
    expect(due(at(`${MON}T11:15:00Z`), lunch, {}, undefined, TZ)).toMatchObject({ reason: 'quiet-hours' });
    expect(due(at(`${MON}T12:30:00Z`), lunch, {}, undefined, TZ)).toMatchObject({ show: true });
  });

  it('skips a day the person already posted or replied, by the local date', () => {
    const s = settings();
    const now = at(`${MON}T09:00:00Z`);
    // 23:30 UTC the day before is 00:30 local today: engaged today.
    expect(due(now, s, {}, at('2026-11-29T23:30:00Z'), TZ)).toMatchObject({ reason: 'engaged-today' });
    // 22:30 UTC the day before is 23:30 local yesterday: not today.
    expect(due(now, s, {}, at('2026-11-29T22:30:00Z'), TZ)).toMatchObject({ show: true });
  });

  it('stays quiet while snoozed and shows again once the snooze ends', () => {
    const s = settings();
    const state = { snoozedUntil: '2026-12-02T00:00:00+01:00' };
    expect(due(at(`${MON}T09:00:00Z`), s, state, undefined, TZ)).toMatchObject({ reason: 'snoozed' });
    expect(due(at('2026-12-01T09:00:00Z'), s, state, undefined, TZ)).toMatchObject({ reason: 'snoozed' });
    expect(due(at('2026-12-02T09:00:00Z'), s, state, undefined, TZ)).toMatchObject({ show: true });
  });

  it('catches up once when the browser slept through the hour, never in quiet hours', () => {
    const s = settings();
    // Asleep at 09:00 local, woken at 14:40 local: one catch-up.
    const woken = due(at(`${MON}T13:40:00Z`), s, {}, undefined, TZ);
    expect(woken).toEqual({ show: true, date: MON });
    // After it showed, the next tick that day shows nothing.
    expect(due(at(`${MON}T13:55:00Z`), s, { lastShown: MON }, undefined, TZ)).toMatchObject({
      reason: 'shown-today',
    });
    // Woken only at 20:00 local (quiet hours): no catch-up that day.
    expect(due(at(`${MON}T19:00:00Z`), s, {}, undefined, TZ)).toMatchObject({ reason: 'quiet-hours' });
  });

  it('reads the local date anew when the time zone changes', () => {
    const s = settings({ quietHours: { start: '23:00', end: '06:00' } });
    // Shown at 09:00 in Berlin on Monday. Flying to New York the same day: still Monday there.
    const state = { lastShown: MON };
    expect(due(at(`${MON}T15:00:00Z`), s, state, undefined, 'America/New_York')).toMatchObject({
      reason: 'shown-today',
    });
    // Flying to Tokyo: 02:00 UTC Tuesday is 11:00 Tuesday there; a new day where the person is.
    expect(due(at('2026-12-01T02:00:00Z'), s, state, undefined, 'Asia/Tokyo')).toEqual({
      show: true,
      date: '2026-12-01',
    });
    // The same instant read in Berlin is 03:00 Tuesday: quiet, and before the hour anyway.
    expect(due(at('2026-12-01T02:00:00Z'), s, state, undefined, TZ)).toMatchObject({ notYet: true });
  });
});
