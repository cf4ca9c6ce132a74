/**
 * The popup's only way to the worker. The UI depends on the PopupConnector interface, so tests and
 * previews can hand it a mock (connector-mock.ts) and render without an extension around it.
 */
import browser from 'webextension-polyfill';
import { CurrentResponse } from '../shared/messages.ts';

export interface PopupConnector {
  /** The latest scored draft in the tab the popup is about. */
  getCurrent(): Promise<CurrentResponse>;
  openOptions(): Promise<void>;
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
  };
}
