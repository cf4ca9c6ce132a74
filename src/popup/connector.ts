/**
 * The popup's only way to the worker. The UI depends on the PopupConnector interface, so tests and
 * previews can hand it a mock (connector-mock.ts) and render without an extension around it.
 */
import browser from 'webextension-polyfill';
import { addInstance, listInstances, type AddOutcome } from '../shared/instances-client.ts';
import {
  AckResponse,
  CurrentResponse,
  EngagementResponse,
  ExportLedgerResponse,
  type Engagement,
  type InstancesResponse,
} from '../shared/messages.ts';
import { ReminderResponse } from '../shared/reminder-task.ts';
import type { Platform } from '../engine/types.ts';
import { createEngagementCache } from './engagement-cache.ts';
import { ask, downloadJson } from '../shared/page-worker.ts';

export interface PopupConnector {
  /** The latest scored draft in the tab the popup is about. */
  getCurrent(): Promise<CurrentResponse>;
  openOptions(): Promise<void>;
  /** The https host of that tab, or null (no tab, another scheme, or a URL the browser hides). */
  activeHost(): Promise<string | null>;
  /** The Mastodon instances the person added. */
  instances(): Promise<InstancesResponse>;
  /** Asks the browser for the host; call it straight from the click (user gesture). */
  coachOn(host: string): Promise<AddOutcome>;
  /** The last engagement answer this session, for the first paint; null when there is none. */
  cachedEngagement(): Promise<Engagement | null>;
  /** Waiting comments and activity at a glance, fresh from the ledger (and cached for next time). */
  getEngagement(): Promise<EngagementResponse>;
  /** Closes a waiting item without an answer. */
  noReplyNeeded(platform: Platform, id: string): Promise<AckResponse>;
  /** The whole ledger as JSON text. */
  exportLedger(): Promise<ExportLedgerResponse>;
  /** Deletes the ledger, and the popup's own copy of what it showed. */
  deleteLedger(): Promise<AckResponse>;
  /** Saves text as a file in the person's downloads. */
  download(filename: string, text: string): void;
  /** The day's reminder task, while it is open, and the snooze. */
  getReminder(): Promise<ReminderResponse>;
  /** No reminder until then (an ISO instant); today's task is put away. */
  snoozeReminder(until: string): Promise<ReminderResponse>;
  /** Opens the day's task's page (the worker opens it) and puts the task away. */
  openReminder(): Promise<ReminderResponse>;
}

/** Sends a request and parses the answer with its schema; a reply that does not fit is an error. */
/**
 * Which tab the popup describes: `?tab=<id>` when the popup is opened as a page (tests, debugging),
 * otherwise the active tab of the current window.
 */
async function targetTabId(): Promise<number | undefined> {
  const fromUrl = Number(new URLSearchParams(location.search).get('tab') ?? Number.NaN);
  if (Number.isInteger(fromUrl) && fromUrl >= 0) return fromUrl;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

export function createBrowserConnector(): PopupConnector {
  const cache = createEngagementCache(browser.storage.session);
  return {
    async getCurrent() {
      const tabId = await targetTabId();
      if (tabId === undefined) return { ok: true, current: null };
      const reply: unknown = await browser.runtime.sendMessage({ type: 'get-current', tabId });
      const parsed = CurrentResponse.safeParse(reply);
      return parsed.success ? parsed.data : { ok: false, error: 'unexpected reply from the worker' };
    },
    openOptions: () => browser.runtime.openOptionsPage(),
    async activeHost() {
      const tabId = await targetTabId();
      if (tabId === undefined) return null;
      // The URL is readable thanks to `activeTab` (the popup was opened on this tab).
      const { url } = await browser.tabs.get(tabId);
      if (!url?.startsWith('https://')) return null;
      return new URL(url).hostname;
    },
    instances: listInstances,
    coachOn: addInstance,
    cachedEngagement: () => cache.read().catch(() => null),
    async getEngagement() {
      const reply = await ask({ type: 'get-engagement' }, EngagementResponse);
      if (reply.ok) await cache.write(reply.engagement).catch(() => undefined);
      return reply;
    },
    noReplyNeeded: (platform, to) => ask({ type: 'no-reply-needed', platform, to }, AckResponse),
    exportLedger: () => ask({ type: 'export-ledger' }, ExportLedgerResponse),
    async deleteLedger() {
      const reply = await ask({ type: 'delete-ledger' }, AckResponse);
      if (reply.ok) await cache.clear().catch(() => undefined);
      return reply;
    },
    getReminder: () => ask({ type: 'get-reminder' }, ReminderResponse),
    snoozeReminder: (until) => ask({ type: 'reminder-snooze', until }, ReminderResponse),
    openReminder: () => ask({ type: 'reminder-open' }, ReminderResponse),
    download: downloadJson,
  };
}
