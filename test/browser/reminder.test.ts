/**
 * The executive's daily reminder in the built extension, in Chromium and Firefox: choosing the
 * executive role (written to storage.local from an extension page, as the options page does) makes
 * the worker set its alarms; with the reminder's hour just passed and an empty ledger, the hour's
 * alarm shows exactly one notification (id `rapport-reminder-<date>`) and, once the person dismissed
 * it, a second alarm (or a restarted worker's) does not show it again; `get-reminder` gives the page a click opens (which page a click opens is decided by
 * a pure function, unit-tested: dispatching a notification click is not possible from a test);
 * the popup shows the task and its Snooze puts it away. Where notifications are not permitted
 * (Chromium with Rapport's notifications turned off in the browser's settings) the toolbar badge
 * shows a dot and the popup keeps the task; its Open opens the task's page and takes the dot away.
 *
 * The alarm rings as the browser would ring it: a page creates a `rapport-reminder-…` alarm due
 * now, through the ordinary alarms API, and waits for the check the worker notes in
 * `reminderState.lastCheck`; nothing in the build exists for tests.
 *
 * Firefox runs with `alerts.useSystemBackend: false`: on this machine there is no desktop
 * notification service, and Firefox's system backend then closes every notification at once
 * (`onClosed` with byUser, `getAll()` empty); its own alert windows work headless.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page as FirefoxPage } from 'puppeteer-core';
import { CHROME_EXTENSION_ID } from '../../src/shared/ids.ts';
import {
  POPUP_PATH,
  launchChromium,
  launchFirefox,
  type ChromiumSession,
  type FirefoxSession,
} from './launch.ts';
import { playwrightTab, puppeteerTab, type Tab } from './tab.ts';
import {
  badgeText,
  chooseRole,
  dismiss,
  getReminder,
  checkedSince,
  localDate,
  reminderAlarms,
  reminderNotifications,
  reminderState,
  ringAlarm,
  tabUrls,
  type ReminderAlarm,
} from './reminder-pages.ts';
import { until } from './wait.ts';

/** With no ledger, the task is a goal suggestion on LinkedIn: its compose page. */
const COMPOSE_LINKEDIN = 'https://www.linkedin.com/feed/?shareActive=true';

const both = (alarms: ReminderAlarm[]) =>
  alarms.map((a) => a.name).join() === 'rapport-reminder-hour,rapport-reminder-tick';

/** An executive whose hour just passed, with the worker's alarms in place (so none of its own lands later). */
async function executiveAtTheHour(ext: Tab): Promise<void> {
  await ext.eval(chooseRole, 'executive');
  await until(
    async () => await ext.eval(reminderAlarms, null),
    (a) => both(a) && a[0]!.scheduledTime > Date.now(),
  );
}

/** Rings a reminder alarm and waits until the worker has checked. */
async function ring(ext: Tab): Promise<void> {
  const at = await ext.eval(ringAlarm, null);
  await until(async () => await ext.eval(checkedSince, at), Boolean);
}

function suite(ext: () => Promise<Tab>) {
  it('an employee has no reminder alarm; choosing executive sets one at the hour and a 15-minute tick', async () => {
    const tab = await ext();
    const hour = await tab.eval(chooseRole, 'employee');
    // The worker saw the change when it answers a message after it.
    await tab.eval(getReminder, null);
    expect(await tab.eval(reminderAlarms, null)).toEqual([]);
    await tab.eval(chooseRole, 'executive');
    const alarms = await until(async () => await tab.eval(reminderAlarms, null), both);
    expect(alarms[0]).toMatchObject({
      name: 'rapport-reminder-hour',
      local: `${hour}:0`,
      periodInMinutes: null,
    });
    // The hour has just passed today, so the alarm is for tomorrow's.
    expect(alarms[0]!.scheduledTime).toBeGreaterThan(Date.now());
    expect(alarms[1]).toMatchObject({ name: 'rapport-reminder-tick', periodInMinutes: 15 });
    await tab.close();
  });

  it('with the hour just passed and nothing done today, the alarm shows one notification; a second shows none', async () => {
    const tab = await ext();
    await executiveAtTheHour(tab);
    await ring(tab);
    const today = await tab.eval(localDate, null);
    expect(
      await until(
        async () => await tab.eval(reminderNotifications, null),
        (n) => n?.length === 1,
      ),
    ).toEqual([`rapport-reminder-${today}`]);
    // Dismissed, as a person would: a second showing (same id) would bring it back.
    expect(await tab.eval(dismiss, `rapport-reminder-${today}`)).toBe(true);
    await ring(tab);
    expect(await tab.eval(reminderNotifications, null)).toEqual([]);
    expect(await tab.eval(reminderState, null)).toMatchObject({ lastShown: today });
    // What a click on it opens: with an empty ledger, LinkedIn's compose page.
    expect(await tab.eval(getReminder, null)).toMatchObject({
      ok: true,
      reminder: {
        task: { date: today, kind: 'goal', url: COMPOSE_LINKEDIN, via: 'notification' },
        lastShown: today,
      },
    });
    expect(await tab.eval(badgeText, null)).toBe('');
    await tab.close();
  });

  it("the popup shows the day's task with its link, and Snooze a day puts it away", async () => {
    const tab = await ext();
    await executiveAtTheHour(tab);
    await ring(tab);
    await tab.close();
    const popup = await ext();
    await popup.waitFor(() => document.querySelector('[data-reminder-task]') !== null, null);
    expect(
      await popup.eval(() => document.querySelector('a[data-reminder-url]')?.getAttribute('href'), null),
    ).toBe(COMPOSE_LINKEDIN);
    await popup.click('button', 'Snooze a day');
    const state = await until(
      async () => await popup.eval(reminderState, null),
      (s) => s?.['snoozedUntil'] !== undefined,
    );
    expect(state).not.toHaveProperty('task');
    expect(Date.parse(String(state!['snoozedUntil']))).toBeGreaterThan(Date.now() + 86_400_000);
    expect(
      await until(
        async () => await popup.eval(reminderNotifications, null),
        (n) => n?.length === 0,
      ),
    ).toEqual([]);
    await popup.waitFor(() => document.querySelector('[data-reminder-task]') === null, null);
    await popup.close();
  });
}

describe('reminder in Chromium', () => {
  let session: ChromiumSession;
  beforeAll(async () => {
    session = await launchChromium();
  });
  afterAll(async () => {
    await session?.close();
  });
  suite(async () => playwrightTab(await session.extensionPage(POPUP_PATH)));

  it('a worker stopped after the reminder showed, then woken by the next alarm, shows no second one', async () => {
    const tab = playwrightTab(await session.extensionPage(POPUP_PATH));
    await executiveAtTheHour(tab);
    await ring(tab);
    const today = await tab.eval(localDate, null);
    await until(
      async () => await tab.eval(reminderNotifications, null),
      (n) => n?.length === 1,
    );
    expect(await tab.eval(dismiss, `rapport-reminder-${today}`)).toBe(true);
    await tab.close();

    const page = await session.extensionPage(POPUP_PATH);
    const cdp = await session.context.newCDPSession(page);
    const statuses: string[] = [];
    cdp.on('ServiceWorker.workerVersionUpdated', (e) => {
      for (const v of e.versions) statuses.push(v.runningStatus);
    });
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await until(
      async () => statuses,
      (st) => st.includes('stopped'),
      10_000,
    );
    await cdp.detach();
    await page.close();

    const again = playwrightTab(await session.extensionPage(POPUP_PATH));
    await ring(again);
    expect(await again.eval(reminderNotifications, null)).toEqual([]);
    expect(await again.eval(reminderState, null)).toMatchObject({ lastShown: today });
    await again.close();
  });
});

describe('reminder in Chromium with notifications turned off for Rapport', () => {
  let session: ChromiumSession;
  beforeAll(async () => {
    // What "Notifications: off" for an extension in the browser's settings stores.
    session = await launchChromium({
      profilePrefs: { message_center: { disabled_extension_ids: [CHROME_EXTENSION_ID] } },
    });
  });
  afterAll(async () => {
    await session?.close();
  });

  it('the badge shows a dot and the popup keeps the task', async () => {
    const tab = playwrightTab(await session.extensionPage(POPUP_PATH));
    await executiveAtTheHour(tab);
    expect(await tab.eval(badgeText, null)).toBe('');
    await ring(tab);
    expect(
      await until(
        async () => await tab.eval(badgeText, null),
        (t) => t !== '',
      ),
    ).toBe('•');
    const today = await tab.eval(localDate, null);
    expect(await tab.eval(getReminder, null)).toMatchObject({
      ok: true,
      reminder: { task: { date: today, url: COMPOSE_LINKEDIN, via: 'badge' }, lastShown: today },
    });
    await tab.close();
    const popup = playwrightTab(await session.extensionPage(POPUP_PATH));
    await popup.waitFor(() => document.querySelector('[data-reminder-task]') !== null, null);
    await popup.click('button', 'Snooze a week');
    expect(
      await until(
        async () => await popup.eval(badgeText, null),
        (t) => t === '',
      ),
    ).toBe('');
    await popup.close();
  });

  it("Open in the popup opens the task's page and takes the dot away", async () => {
    const tab = playwrightTab(await session.extensionPage(POPUP_PATH));
    await executiveAtTheHour(tab);
    await ring(tab);
    await until(
      async () => await tab.eval(badgeText, null),
      (t) => t === '•',
    );
    const popup = playwrightTab(await session.extensionPage(POPUP_PATH));
    await popup.waitFor(() => document.querySelector('[data-reminder-task]') !== null, null);
    await popup.click('a[data-reminder-url]');
    await until(
      async () => await tab.eval(tabUrls, null),
      (urls) => urls.includes(COMPOSE_LINKEDIN),
    );
    await until(
      async () => await tab.eval(badgeText, null),
      (t) => t === '',
    );
    expect(await tab.eval(reminderState, null)).not.toHaveProperty('task');
    await popup.close();
    await tab.close();
  });
});

describe('reminder in Firefox', () => {
  let session: FirefoxSession;
  const pages: FirefoxPage[] = [];
  beforeAll(async () => {
    session = await launchFirefox({ prefs: { 'alerts.useSystemBackend': false } });
  });
  afterAll(async () => {
    await session?.close();
  });
  suite(async () => {
    const page = await session.extensionPage(POPUP_PATH);
    pages.push(page);
    return puppeteerTab(page);
  });
});
