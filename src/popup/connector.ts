/**
 * The popup's only way to the worker. The UI depends on the PopupConnector interface, so tests and
 * previews can hand it a mock (connector-mock.ts) and render without an extension around it.
 */
import browser from 'webextension-polyfill';
import { addInstance, listInstances, type AddOutcome } from '../shared/instances-client.ts';
import { CurrentResponse, type InstancesResponse } from '../shared/messages.ts';

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
}

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
  };
}
