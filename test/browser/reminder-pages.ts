/**
 * Functions the reminder tests evaluate inside the extension's own pages (they reach the same
 * storage, alarms and notifications as the worker). Each is self-contained: it is serialised into
 * the page.
 */

type Api = {
  storage: {
    local: {
      get(k: string | null): Promise<Record<string, unknown>>;
      set(v: Record<string, unknown>): Promise<void>;
      remove(k: string): Promise<void>;
    };
  };
  alarms: {
    getAll(): Promise<{ name: string; scheduledTime: number; periodInMinutes?: number | null }[]>;
    get(name: string): Promise<{ scheduledTime: number } | undefined>;
    create(name: string, info: { when: number }): Promise<void> | void;
  };
  notifications: { getAll(): Promise<Record<string, unknown>>; clear(id: string): Promise<boolean> };
  action: { getBadgeText(details: object): Promise<string> };
  runtime: { sendMessage(m: unknown): Promise<unknown> };
  tabs: { query(q: object): Promise<{ url?: string; pendingUrl?: string }[]> };
};

export interface ReminderAlarm {
  name: string;
  scheduledTime: number;
  periodInMinutes: number | null;
  /** The local hour and minute it is set for, read in the browser. */
  local: string;
}

/**
 * The person chooses a role and a reminder at the hour that is now (so it has just passed), every
 * weekday, with quiet hours two hours away; the reminder's state starts empty. Answers the hour.
 */
export async function chooseRole(role: 'executive' | 'employee'): Promise<number> {
  const g = globalThis as unknown as { browser?: Api; chrome?: Api };
  const api = (g.browser ?? g.chrome)!;
  const hour = new Date().getHours();
  const at = (h: number) => `${String(h % 24).padStart(2, '0')}:00`;
  await api.storage.local.remove('reminderState');
  await api.storage.local.set({
    settings: {
      role,
      reminder: { hour, weekdays: [0, 1, 2, 3, 4, 5, 6] },
      quietHours: { start: at(hour + 2), end: at(hour + 3) },
    },
  });
  return hour;
}

export async function reminderAlarms(): Promise<ReminderAlarm[]> {
  const g = globalThis as unknown as { browser?: Api; chrome?: Api };
  const api = (g.browser ?? g.chrome)!;
  return (await api.alarms.getAll())
    .filter((a) => a.name.startsWith('rapport-reminder'))
    .map((a) => {
      const d = new Date(a.scheduledTime);
      return {
        name: a.name,
        scheduledTime: a.scheduledTime,
        periodInMinutes: a.periodInMinutes ?? null,
        local: `${d.getHours()}:${d.getMinutes()}`,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * A reminder alarm, due now: what the browser does at the hour (the worker checks on every alarm
 * named rapport-reminder-…). Its own name, so the worker's rescheduling of the hour's alarm (after
 * a settings change) cannot replace it before it rings. Answers when it was set.
 */
export async function ringAlarm(): Promise<number> {
  const g = globalThis as unknown as { browser?: Api; chrome?: Api };
  const api = (g.browser ?? g.chrome)!;
  const at = Date.now();
  await api.alarms.create('rapport-reminder-now', { when: at + 50 });
  return at;
}

/** True once the worker has checked since `t` (it notes every check in reminderState.lastCheck). */
export async function checkedSince(t: number): Promise<boolean> {
  const g = globalThis as unknown as { browser?: Api; chrome?: Api };
  const api = (g.browser ?? g.chrome)!;
  const state = (await api.storage.local.get('reminderState'))['reminderState'] as
    { lastCheck?: { at: string } } | undefined;
  return state?.lastCheck !== undefined && Date.parse(state.lastCheck.at) >= t;
}

/** Ids of the reminder notifications showing; null when the browser refuses to list them. */
export async function reminderNotifications(): Promise<string[] | null> {
  const g = globalThis as unknown as { browser?: Api; chrome?: Api };
  const api = (g.browser ?? g.chrome)!;
  try {
    return Object.keys(await api.notifications.getAll()).filter((id) => id.startsWith('rapport-reminder'));
  } catch {
    return null;
  }
}

export async function badgeText(): Promise<string> {
  const g = globalThis as unknown as { browser?: Api; chrome?: Api };
  const api = (g.browser ?? g.chrome)!;
  return api.action.getBadgeText({});
}

export async function reminderState(): Promise<Record<string, unknown> | undefined> {
  const g = globalThis as unknown as { browser?: Api; chrome?: Api };
  const api = (g.browser ?? g.chrome)!;
  return (await api.storage.local.get('reminderState'))['reminderState'] as
    Record<string, unknown> | undefined;
}

export async function getReminder(): Promise<unknown> {
  const g = globalThis as unknown as { browser?: Api; chrome?: Api };
  const api = (g.browser ?? g.chrome)!;
  return api.runtime.sendMessage({ type: 'get-reminder' });
}

/** The local date as the reminder keys its notification ("YYYY-MM-DD"). */
export function localDate(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The person dismisses a notification (a second showing of the same id would bring it back). */
export async function dismiss(id: string): Promise<boolean> {
  const g = globalThis as unknown as { browser?: Api; chrome?: Api };
  const api = (g.browser ?? g.chrome)!;
  return api.notifications.clear(id);
}

/** The addresses of the open tabs (those on the networks are visible through the host grants). */
export async function tabUrls(): Promise<string[]> {
  const g = globalThis as unknown as { browser?: Api; chrome?: Api };
  const api = (g.browser ?? g.chrome)!;
  return (await api.tabs.query({})).map((t) => t.pendingUrl ?? t.url ?? '');
}
