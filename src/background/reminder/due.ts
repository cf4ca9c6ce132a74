/**
 * Whether the daily reminder should show now. Pure: the clock, the zone, the settings, the stored
 * state and the person's last post or reply are passed in, so every rule is tested with a fake
 * clock (test/unit/background/reminder-due.test.ts).
 *
 * It never needs to know whether the browser slept: the check runs on every alarm (the chosen
 * hour, and a periodic tick), and any check on a chosen day after the hour, outside quiet hours,
 * before one was shown that day, shows it. That is the catch-up; `lastShown` makes it the only one.
 */
import { inQuietHours, type Settings } from '../../shared/settings.ts';
import { localTime } from './local-time.ts';
import type { ReminderState } from './state.ts';

export type SkipReason =
  'disabled' | 'shown-today' | 'not-a-chosen-day' | 'quiet-hours' | 'snoozed' | 'engaged-today';

export type Due =
  /** Show it, and store `date` as lastShown before it is created. */
  | { show: true; date: string }
  /** A chosen day, but the hour has not come. */
  | { show: false; date: string; notYet: true }
  | { show: false; date: string; reason: SkipReason };

export function due(
  now: number,
  settings: Pick<Settings, 'reminder' | 'quietHours'>,
  state: ReminderState,
  lastActivityAt: number | undefined,
  timeZone?: string,
): Due {
  const local = localTime(now, timeZone);
  const skip = (reason: SkipReason): Due => ({ show: false, date: local.date, reason });
  const { reminder, quietHours } = settings;
  if (!reminder.enabled) return skip('disabled');
  // By the local date where the person is now: a zone change starts the new day on its own clock.
  if (state.lastShown === local.date) return skip('shown-today');
  if (!reminder.weekdays.includes(local.weekday)) return skip('not-a-chosen-day');
  if (local.minutes < reminder.hour * 60) return { show: false, date: local.date, notYet: true };
  if (inQuietHours(quietHours, local.minutes)) return skip('quiet-hours');
  if (state.snoozedUntil !== undefined && now < Date.parse(state.snoozedUntil)) return skip('snoozed');
  if (
    lastActivityAt !== undefined &&
    lastActivityAt <= now &&
    localTime(lastActivityAt, timeZone).date === local.date
  ) {
    return skip('engaged-today');
  }
  return { show: true, date: local.date };
}
