/**
 * `get-reminder` (extension pages only): what the popup shows at its top, and what the options
 * page says about the snooze. Today's task only: yesterday's, never acted on, is not news.
 */
import type { GetReminderRequest } from '../../shared/messages.ts';
import type { ReminderResponse } from '../../shared/reminder-task.ts';
import { localTime } from '../reminder/local-time.ts';
import type { ReminderState, ReminderStateStore } from '../reminder/state.ts';

export interface ReminderClock {
  now(): number;
  timeZone(): string | undefined;
}

export function reminderView(
  state: ReminderState,
  clock: ReminderClock,
): Extract<ReminderResponse, { ok: true }> {
  const today = localTime(clock.now(), clock.timeZone()).date;
  return {
    ok: true,
    reminder: {
      task: state.task?.date === today ? state.task : null,
      snoozedUntil: state.snoozedUntil ?? null,
      lastShown: state.lastShown ?? null,
      lastCheck: state.lastCheck ?? null,
    },
  };
}

export function createGetReminderHandler(state: Pick<ReminderStateStore, 'read'>, clock: ReminderClock) {
  return async function getReminder(_req: GetReminderRequest): Promise<ReminderResponse> {
    return reminderView(await state.read(), clock);
  };
}
