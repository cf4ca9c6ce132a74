/**
 * "Reminder": the quiet daily reminder's hour and weekdays, the quiet hours it never breaks, and
 * whether the person snoozed it.
 */
import { useEffect, useState } from 'preact/hooks';
import { TimeOfDaySchema, type Settings } from '../shared/settings.ts';
import type { SettingsPatch } from '../shared/settings-store.ts';
import type { OptionsConnector, ReminderView } from './connector.ts';
import { describedBy, isLocked, LockedNote, lockId, ValidatedInput } from './fields.tsx';

/** Monday first, as a working week reads; values are 0 = Sunday … 6 (product.md). */
const WEEK: Array<[number, string]> = [
  [1, 'Monday'],
  [2, 'Tuesday'],
  [3, 'Wednesday'],
  [4, 'Thursday'],
  [5, 'Friday'],
  [6, 'Saturday'],
  [0, 'Sunday'],
];

const HOURS = Array.from({ length: 24 }, (_, h) => h);
export const hourText = (h: number) => `${String(h).padStart(2, '0')}:00`;

const checkTime = (text: string) =>
  TimeOfDaySchema.safeParse(text).success ? null : 'Enter a time as HH:MM, from 00:00 to 23:59.';

interface Props {
  settings: Settings;
  locked: readonly string[];
  save(patch: SettingsPatch, label: string): void;
  connector: OptionsConnector;
}

export function Reminder({ settings, locked, save, connector }: Props) {
  const { reminder, quietHours } = settings;
  const lockedKey = (key: string) => isLocked(locked, key);
  const toggleDay = (day: number, on: boolean) => {
    const days = new Set(reminder.weekdays);
    if (on) days.add(day);
    else days.delete(day);
    save({ reminder: { weekdays: [...days].sort((a, b) => a - b) } }, 'weekdays');
  };
  return (
    <section aria-labelledby="reminder-title">
      <h2 id="reminder-title">Reminder</h2>
      <p class="help">
        At most once a day, at your hour, a quiet notification suggests one concrete thing: a comment waiting
        for you, or something worth sharing. Never in quiet hours, and not on a day you already posted or
        replied.
      </p>
      <div class="choice">
        <input
          type="checkbox"
          id="reminder-enabled"
          name="reminder.enabled"
          checked={reminder.enabled}
          disabled={lockedKey('reminder.enabled')}
          aria-describedby={describedBy(lockedKey('reminder.enabled') && lockId('reminder.enabled'))}
          onChange={(event) =>
            save(
              { reminder: { enabled: event.currentTarget.checked } },
              `reminder ${event.currentTarget.checked ? 'on' : 'off'}`,
            )
          }
        />
        <label for="reminder-enabled">Remind me once a day</label>
        {lockedKey('reminder.enabled') && <LockedNote name="reminder.enabled" />}
      </div>
      <div class="field">
        <label for="reminder-hour">At</label>
        <select
          id="reminder-hour"
          name="reminder.hour"
          value={String(reminder.hour)}
          disabled={lockedKey('reminder.hour')}
          aria-describedby={describedBy(lockedKey('reminder.hour') && lockId('reminder.hour'))}
          onChange={(event) =>
            save(
              { reminder: { hour: Number(event.currentTarget.value) } },
              `reminder at ${hourText(Number(event.currentTarget.value))}`,
            )
          }
        >
          {HOURS.map((h) => (
            <option key={h} value={String(h)}>
              {hourText(h)}
            </option>
          ))}
        </select>
        {lockedKey('reminder.hour') && <LockedNote name="reminder.hour" />}
      </div>
      <fieldset aria-describedby={describedBy(lockedKey('reminder.weekdays') && lockId('reminder.weekdays'))}>
        <legend>On</legend>
        {WEEK.map(([day, name]) => (
          <div class="choice choice--inline" key={day}>
            <input
              type="checkbox"
              id={`weekday-${day}`}
              name="reminder.weekdays"
              value={String(day)}
              checked={reminder.weekdays.includes(day)}
              disabled={lockedKey('reminder.weekdays')}
              onChange={(event) => toggleDay(day, event.currentTarget.checked)}
            />
            <label for={`weekday-${day}`}>{name}</label>
          </div>
        ))}
        {lockedKey('reminder.weekdays') && <LockedNote name="reminder.weekdays" />}
      </fieldset>
      <fieldset aria-describedby="quiet-help">
        <legend>Quiet hours</legend>
        <p class="help" id="quiet-help">
          No reminder between these times. A start after the end crosses midnight (19:00 to 08:00 is the
          night).
        </p>
        <ValidatedInput
          name="quietHours.start"
          label="From"
          type="time"
          value={quietHours.start}
          locked={lockedKey('quietHours.start')}
          check={checkTime}
          commit={(start) => save({ quietHours: { start } }, `quiet from ${start}`)}
        />
        <ValidatedInput
          name="quietHours.end"
          label="To"
          type="time"
          value={quietHours.end}
          locked={lockedKey('quietHours.end')}
          check={checkTime}
          commit={(end) => save({ quietHours: { end } }, `quiet until ${end}`)}
        />
      </fieldset>
      <Snooze connector={connector} />
    </section>
  );
}

function Snooze({ connector }: { connector: OptionsConnector }) {
  const [view, setView] = useState<ReminderView>({});
  const [error, setError] = useState('');
  useEffect(() => {
    let alive = true;
    const stop = connector.watchReminder((next) => alive && setView(next));
    connector.reminder().then(
      (next) => alive && setView(next),
      () => undefined,
    );
    return () => {
      alive = false;
      stop();
    };
  }, [connector]);
  const until = view.snoozedUntil ? new Date(view.snoozedUntil) : null;
  const snoozed = until !== null && until.getTime() > Date.now();
  const cancel = () =>
    connector.cancelSnooze().then(
      (reply) => setError(reply.ok ? '' : `The snooze was not cancelled: ${reply.error}`),
      (e: unknown) => setError(`The snooze was not cancelled: ${String(e)}`),
    );
  return (
    <div class="snooze" data-snoozed={snoozed ? view.snoozedUntil : undefined}>
      {snoozed ? (
        <p>
          Snoozed until{' '}
          <time dateTime={view.snoozedUntil}>
            {until.toLocaleString(undefined, {
              weekday: 'long',
              day: 'numeric',
              month: 'long',
              hour: '2-digit',
              minute: '2-digit',
            })}
          </time>
          .{' '}
          <button type="button" onClick={cancel}>
            Cancel snooze
          </button>
        </p>
      ) : (
        <p class="help">Not snoozed.</p>
      )}
      <p class="error" role="alert">
        {error}
      </p>
    </div>
  );
}
