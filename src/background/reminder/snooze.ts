/**
 * Snoozing. The reminder shows at most once a day and today's has already shown when the person
 * snoozes it, so "a day" means no reminder tomorrow and "a week" none for the next seven days: the
 * snooze ends at the local midnight after them. Pure; the popup computes the same instant.
 */
import { startOfLocalDay } from './local-time.ts';

export const SNOOZE_DAYS = { day: 1, week: 7 } as const;
export type SnoozeLength = keyof typeof SNOOZE_DAYS;

export function snoozeUntil(now: number, length: SnoozeLength, timeZone?: string): string {
  return new Date(startOfLocalDay(now, SNOOZE_DAYS[length] + 1, timeZone)).toISOString();
}
