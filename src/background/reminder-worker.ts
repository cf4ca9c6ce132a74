/**
 * The daily reminder's wiring in the worker: its alarms (ensured at every start and re-made when
 * the settings change), the check on every reminder alarm, the notification's click (open the
 * task's page) and buttons (snooze), and the two messages the popup and options page use.
 * Listeners are added synchronously, so a worker woken by an alarm or a click finds them in place.
 * The rules live in reminder/ and are browser-free.
 */
import browser from 'webextension-polyfill';
import type { SettingsStore } from '../shared/settings-store.ts';
import type { HistoryKeeper } from './history-keeper.ts';
import { createGetReminderHandler } from './handlers/get-reminder.ts';
import { createReminderSnoozeHandler } from './handlers/reminder-snooze.ts';
import { createReminderOpenHandler, openTask } from './handlers/reminder-open.ts';
import { ensureAlarms, isReminderAlarm } from './reminder/alarms.ts';
import { createReminderCheck, NOTIFICATION_PREFIX } from './reminder/check.ts';
import { currentTimeZone } from './reminder/local-time.ts';
import { clearTask, showTask } from './reminder/notify.ts';
import { snoozeUntil, type SnoozeLength } from './reminder/snooze.ts';
import { createReminderStateStore } from './reminder/state.ts';

const logError = (what: string) => (error: unknown) => console.error(`Rapport: reminder ${what}:`, error);

export function startReminder(history: HistoryKeeper, settings: SettingsStore) {
  const state = createReminderStateStore(browser.storage.local);
  const clock = { now: () => Date.now(), timeZone: currentTimeZone };
  const check = createReminderCheck({
    ...clock,
    settings: () => settings.get(),
    state,
    summary: () => history.summary(),
    show: showTask,
    putAway: clearTask,
  });
  const schedule = async () =>
    ensureAlarms(browser.alarms, await settings.get(), clock.now(), clock.timeZone());

  browser.alarms.onAlarm.addListener((alarm) => {
    if (!isReminderAlarm(alarm.name)) return;
    // The hour's alarm is one-shot: the next one is made after each check.
    void check().catch(logError('check failed')).then(schedule).catch(logError('not scheduled'));
  });

  const snooze = createReminderSnoozeHandler(state, clock, clearTask);

  const open = { state, clock, openTab: (url: string) => browser.tabs.create({ url }), putAway: clearTask };
  browser.notifications.onClicked.addListener((id) => {
    if (!id.startsWith(NOTIFICATION_PREFIX)) return;
    void openTask(open, id).catch(logError('click failed'));
  });

  // Chromium only: Firefox shows no buttons (the popup offers the snooze there).
  browser.notifications.onButtonClicked?.addListener((id, index) => {
    if (!id.startsWith(NOTIFICATION_PREFIX)) return;
    const length: SnoozeLength = index === 0 ? 'day' : 'week';
    const until = snoozeUntil(clock.now(), length, clock.timeZone());
    void snooze({ type: 'reminder-snooze', until }).catch(logError('snooze failed'));
  });

  settings.watch(() => void schedule().catch(logError('not scheduled')));
  void schedule().catch(logError('not scheduled'));

  return {
    'get-reminder': createGetReminderHandler(state, clock),
    'reminder-snooze': snooze,
    'reminder-open': createReminderOpenHandler(open),
  };
}
