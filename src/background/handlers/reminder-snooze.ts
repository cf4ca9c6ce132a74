/**
 * `reminder-snooze` (extension pages only; the notification's buttons take the same path): no
 * reminder until `until`, and today's task is put away (its notification and the badge dot).
 * `until: null` cancels a snooze and leaves today's task as it is.
 */
import type { ReminderSnoozeRequest } from '../../shared/messages.ts';
import type { ReminderResponse } from '../../shared/reminder-task.ts';
import { notificationId } from '../reminder/check.ts';
import type { ReminderStateStore } from '../reminder/state.ts';
import { reminderView, type ReminderClock } from './get-reminder.ts';

export function createReminderSnoozeHandler(
  state: ReminderStateStore,
  clock: ReminderClock,
  putAway: (notificationId: string | undefined) => Promise<void>,
) {
  return async function reminderSnooze(req: ReminderSnoozeRequest): Promise<ReminderResponse> {
    if (req.until === null) return reminderView(await state.update({ snoozedUntil: undefined }), clock);
    const before = await state.read();
    const next = await state.update({ snoozedUntil: req.until, task: undefined });
    await putAway(before.task ? notificationId(before.task.date) : undefined);
    return reminderView(next, clock);
  };
}
