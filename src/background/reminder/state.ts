/**
 * What the reminder remembers between checks, in storage.local under `reminderState`:
 * the local date it last showed (so a restarted worker, a second alarm or a catch-up never show a
 * second one that day), how long the person snoozed it, and the task it last offered (the popup
 * shows it, and the badge stands for it when notifications are not permitted).
 *
 * Repaired on read, field by field: a damaged value is dropped and the rest kept. Dropping
 * `lastShown` could repeat one reminder, never lose the person's snooze.
 */
import * as z from 'zod/mini';
import { LastCheck, LocalDate, ReminderTask } from '../../shared/reminder-task.ts';

export { LastCheck, LocalDate, ReminderTask };

export const REMINDER_STATE_KEY = 'reminderState';

export interface ReminderState {
  lastShown?: string;
  snoozedUntil?: string;
  task?: ReminderTask;
  lastCheck?: LastCheck;
}

const fields = {
  lastShown: LocalDate,
  snoozedUntil: z.iso.datetime({ offset: true }),
  task: ReminderTask,
  lastCheck: LastCheck,
};

export function repairReminderState(stored: unknown): ReminderState {
  const raw = typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {};
  const state: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(fields)) {
    const parsed = (schema as z.ZodMiniType).safeParse(raw[key]);
    if (parsed.success) state[key] = parsed.data;
  }
  return state as ReminderState;
}

export interface StateArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export interface ReminderStateStore {
  read(): Promise<ReminderState>;
  /** Merges a patch onto what is stored; a key set to undefined is removed. */
  update(patch: Partial<Record<keyof ReminderState, unknown>>): Promise<ReminderState>;
}

export function createReminderStateStore(area: StateArea): ReminderStateStore {
  const read = async () => repairReminderState((await area.get(REMINDER_STATE_KEY))[REMINDER_STATE_KEY]);
  return {
    read,
    async update(patch) {
      const merged: Record<string, unknown> = { ...(await read()), ...patch };
      for (const key of Object.keys(merged)) if (merged[key] === undefined) delete merged[key];
      const next = repairReminderState(merged);
      await area.set({ [REMINDER_STATE_KEY]: next });
      return next;
    },
  };
}
