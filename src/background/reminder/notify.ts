/**
 * How a task reaches the person: a quiet notification, or, where notifications are not permitted
 * (the person or the system turned them off, or create fails), a dot on the toolbar badge and the
 * task at the top of the popup. Chromium takes `silent` and two buttons; Firefox has neither (its
 * notifications are silent already, and it refuses options it does not know), so there the popup
 * offers the snooze.
 */
import browser from 'webextension-polyfill';
import type { Shown } from './check.ts';
import type { Task } from './task.ts';

export const BADGE_DOT = '•';
export const SNOOZE_BUTTONS = ['Snooze a day', 'Snooze a week'] as const;

const isFirefox = () =>
  typeof (browser.runtime as { getBrowserInfo?: unknown }).getBrowserInfo === 'function';

type ChromiumNotifications = {
  getPermissionLevel?: () => Promise<'granted' | 'denied'>;
};

async function permitted(): Promise<boolean> {
  const level = (browser.notifications as unknown as ChromiumNotifications).getPermissionLevel;
  if (typeof level !== 'function') return true;
  return (await level()) === 'granted';
}

export async function showTask(id: string, task: Task): Promise<Shown> {
  try {
    if (!(await permitted())) throw new Error('notifications are not permitted');
    const options = {
      type: 'basic' as const,
      iconUrl: browser.runtime.getURL('icons/icon-128.png'),
      title: task.title,
      message: task.message,
      ...(isFirefox() ? {} : { silent: true, buttons: SNOOZE_BUTTONS.map((title) => ({ title })) }),
    };
    await browser.notifications.create(id, options);
    await browser.action.setBadgeText({ text: '' });
    return 'notification';
  } catch (error) {
    console.warn('Rapport: reminder shown as a badge:', error);
    await browser.action.setBadgeText({ text: BADGE_DOT });
    return 'badge';
  }
}

/** The person acted on the task or snoozed it: nothing is left to point at. */
export async function clearTask(notificationId: string | undefined): Promise<void> {
  await browser.action.setBadgeText({ text: '' });
  if (notificationId) await browser.notifications.clear(notificationId);
}
