/**
 * One reminder check, run on every reminder alarm: is it due, and if so which task, shown how.
 * Browser-free: the clock, the zone, settings, state, the history summary and the way to show a
 * task are passed in, so the worker-restart and catch-up cases are unit-tested with fakes.
 *
 * `lastShown` is written BEFORE the notification is created: a worker stopped between the two
 * loses that day's reminder rather than showing it twice. Checks in one worker run one at a time
 * (the hour's alarm and the periodic tick may fire together).
 */
import type { HistorySummary } from '../../engine/index.ts';
import type { Settings } from '../../shared/settings.ts';
import { due, type Due } from './due.ts';
import { snapshot } from './snapshot.ts';
import type { ReminderStateStore } from './state.ts';
import { chooseTask, type Task } from './task.ts';

export type Shown = 'notification' | 'badge';

export interface CheckDeps {
  now(): number;
  /** Read at every check: the zone may have changed since the last. */
  timeZone(): string | undefined;
  settings(): Promise<Settings>;
  state: ReminderStateStore;
  summary(): Promise<
    Pick<
      HistorySummary,
      'waiting' | 'waitingCount' | 'lastActive' | 'firstSeen' | 'publishedAt' | 'mostPublishedOn'
    >
  >;
  /** Shows the task under this notification id; says how it reached the person. */
  show(id: string, task: Task): Promise<Shown>;
  /** Takes an earlier day's task away: its notification, if still there, and the badge dot. */
  putAway(id: string): Promise<void>;
}

export type CheckResult = Due | { show: true; date: string; task: Task; via: Shown };

export const NOTIFICATION_PREFIX = 'rapport-reminder';
export const notificationId = (date: string) => `${NOTIFICATION_PREFIX}-${date}`;

export function createReminderCheck(deps: CheckDeps): () => Promise<CheckResult> {
  let queue: Promise<unknown> = Promise.resolve();
  return () => {
    const run = queue.then(() => checkOnce(deps));
    queue = run.catch(() => undefined);
    return run;
  };
}

async function checkOnce(deps: CheckDeps): Promise<CheckResult> {
  const [settings, state, summary] = await Promise.all([deps.settings(), deps.state.read(), deps.summary()]);
  const now = deps.now();
  const timeZone = deps.timeZone();
  const verdict = due(now, settings, state, summary.lastActive(now), timeZone);
  const at = new Date(now).toISOString();
  // Yesterday's task, never acted on, is not today's news: no dot or notification stays for it.
  if (state.task && state.task.date !== verdict.date) {
    await deps.state.update({ task: undefined });
    await deps.putAway(notificationId(state.task.date));
  }
  if (!verdict.show) {
    const outcome = 'reason' in verdict ? verdict.reason : 'not-yet';
    await deps.state.update({ lastCheck: { at, outcome } });
    return verdict;
  }
  await deps.state.update({ lastShown: verdict.date, task: undefined, lastCheck: { at, outcome: 'shown' } });
  const task = chooseTask({
    now,
    ...(timeZone ? { timeZone } : {}),
    goals: settings.goals,
    sites: settings.sites,
    ...snapshot(summary, now),
  });
  const via = await deps.show(notificationId(verdict.date), task);
  await deps.state.update({ task: { ...task, date: verdict.date, via } });
  return { show: true, date: verdict.date, task, via };
}
