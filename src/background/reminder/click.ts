/**
 * Where a click on a reminder notification leads: the stored task's page, if the notification is
 * that task's (an older day's notification left in the tray opens nothing stale).
 */
import { notificationId } from './check.ts';
import type { ReminderState } from './state.ts';

export function clickTarget(id: string, state: ReminderState): string | undefined {
  return state.task && notificationId(state.task.date) === id ? state.task.url : undefined;
}
