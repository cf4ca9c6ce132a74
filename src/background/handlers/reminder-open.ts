/**
 * `reminder-open` (extension pages only) and a click on the reminder's notification: open the
 * task's page and put the task away (its notification and the badge dot). The page comes from the
 * stored task, never from the message, so a page cannot make the worker open anything else.
 */
import type { ReminderOpenRequest } from '../../shared/messages.ts';
import type { ReminderResponse } from '../../shared/reminder-task.ts';
import { notificationId } from '../reminder/check.ts';
import { clickTarget } from '../reminder/click.ts';
import type { ReminderStateStore } from '../reminder/state.ts';
import { reminderView, type ReminderClock } from './get-reminder.ts';

export interface OpenDeps {
  state: ReminderStateStore;
  clock: ReminderClock;
  openTab(url: string): Promise<unknown>;
  putAway(notificationId: string | undefined): Promise<void>;
}

/** Opens the task behind a notification id (a stale or unknown one opens nothing) and puts it away. */
export async function openTask(deps: OpenDeps, id: string): Promise<ReminderResponse> {
  const url = clickTarget(id, await deps.state.read());
  if (url) await deps.openTab(url);
  const next = url ? await deps.state.update({ task: undefined }) : await deps.state.read();
  await deps.putAway(id);
  return reminderView(next, deps.clock);
}

export function createReminderOpenHandler(deps: OpenDeps) {
  return async function reminderOpen(_req: ReminderOpenRequest): Promise<ReminderResponse> {
    const { task } = await deps.state.read();
    if (!task) return { ok: false, error: 'no reminder task is open' };
    return openTask(deps, notificationId(task.date));
  };
}
