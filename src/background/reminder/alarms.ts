/**
 * The reminder's alarms: one at the chosen local hour (so it is on time), and a periodic tick (so a
 * browser that slept through the hour catches up once it wakes, and a time-zone change is noticed).
 * Both are checked, never trusted: `due` decides. Ensured at every worker start and re-made when
 * the settings change; an alarm that already matches is left alone, so a worker that restarts every
 * few seconds does not keep pushing the tick away.
 */
import type { Settings } from '../../shared/settings.ts';
import { NOTIFICATION_PREFIX } from './check.ts';
import { nextLocal } from './local-time.ts';

/** Every reminder alarm's name starts with this; the worker checks on any of them. */
export const ALARM_PREFIX = NOTIFICATION_PREFIX;
export const HOUR_ALARM = `${ALARM_PREFIX}-hour`;
export const TICK_ALARM = `${ALARM_PREFIX}-tick`;
export const TICK_MINUTES = 15;

export interface AlarmInfo {
  name: string;
  scheduledTime: number;
  periodInMinutes?: number;
}

export interface AlarmsApi {
  get(name: string): Promise<AlarmInfo | undefined>;
  create(
    name: string,
    info: { when?: number; delayInMinutes?: number; periodInMinutes?: number },
  ): void | Promise<void>;
  clear(name: string): Promise<boolean>;
}

export const isReminderAlarm = (name: string) => name.startsWith(ALARM_PREFIX);

export async function ensureAlarms(
  alarms: AlarmsApi,
  settings: Pick<Settings, 'reminder'>,
  now: number,
  timeZone?: string,
): Promise<void> {
  if (!settings.reminder.enabled) {
    await Promise.all([alarms.clear(HOUR_ALARM), alarms.clear(TICK_ALARM)]);
    return;
  }
  const tick = await alarms.get(TICK_ALARM);
  if (tick?.periodInMinutes !== TICK_MINUTES) {
    await alarms.create(TICK_ALARM, { delayInMinutes: 1, periodInMinutes: TICK_MINUTES });
  }
  const when = nextLocal(now, settings.reminder.hour * 60, timeZone);
  const hour = await alarms.get(HOUR_ALARM);
  if (when !== undefined && hour?.scheduledTime !== when) await alarms.create(HOUR_ALARM, { when });
}
