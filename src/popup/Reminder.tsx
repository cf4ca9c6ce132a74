/**
 * The day's reminder at the top of the popup, while it is open (shown today, not yet acted on or
 * snoozed): the task, a link to the place to act, and the snooze. This is where the task lives when
 * notifications are not permitted (the toolbar badge shows a dot), and where Firefox offers the
 * snooze, as its notifications have no buttons.
 */
import { useEffect, useState } from 'preact/hooks';
import type { ReminderResponse, ReminderTask } from '../shared/reminder-task.ts';
import { snoozeUntil, type SnoozeLength } from '../background/reminder/snooze.ts';
import { currentTimeZone } from '../background/reminder/local-time.ts';
import type { PopupConnector } from './connector.ts';

export function Reminder({
  connector,
  clock = Date.now,
}: {
  connector: PopupConnector;
  clock?: () => number;
}) {
  const [task, setTask] = useState<ReminderTask | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let alive = true;
    void connector.getReminder().then(
      (reply) => alive && reply.ok && setTask(reply.reminder.task),
      () => undefined,
    );
    return () => {
      alive = false;
    };
  }, [connector]);

  if (!task) return null;

  const act = async (send: () => Promise<ReminderResponse>) => {
    const reply = await send().catch((e: unknown) => ({ ok: false as const, error: String(e) }));
    if (reply.ok) setTask(reply.reminder.task);
    else setError(reply.error);
  };
  const snooze = (length: SnoozeLength) =>
    act(() => connector.snoozeReminder(snoozeUntil(clock(), length, currentTimeZone())));

  return (
    <section class="reminder" aria-labelledby="reminder-title" data-reminder-task={task.kind}>
      <h2 id="reminder-title">{task.title}</h2>
      <p>{task.message}</p>
      <div class="reminder__actions">
        <a
          class="reminder__open"
          href={task.url}
          target="_blank"
          rel="noopener noreferrer"
          data-reminder-url
          onClick={(event) => {
            // The worker opens it, as for a click on the notification, and puts the task away.
            event.preventDefault();
            void act(() => connector.openReminder());
          }}
        >
          Open
        </a>
        <button type="button" class="link" onClick={() => void snooze('day')}>
          Snooze a day
        </button>
        <button type="button" class="link" onClick={() => void snooze('week')}>
          Snooze a week
        </button>
      </div>
      {error && <p role="alert">The reminder did not respond: {error}</p>}
    </section>
  );
}
