/**
 * The built extension starts in both browsers with its fixed ids, the popup renders, and the worker
 * answers well-formed requests and refuses forged ones.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROME_EXTENSION_ID, GECKO_ID } from '../../src/shared/ids.ts';
import { ScoreResponse } from '../../src/shared/messages.ts';
import {
  FIREFOX_ORIGIN,
  POPUP_PATH,
  launchChromium,
  launchFirefox,
  type ChromiumSession,
  type FirefoxSession,
} from './launch.ts';

/** The slice of the extension API these page scripts use (evaluated inside extension pages). */
interface ExtensionApi {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  tabs: { getCurrent(): Promise<{ id?: number } | undefined> };
}
declare const chrome: ExtensionApi;
declare const browser: ExtensionApi;

const draft = {
  type: 'score',
  draftId: 'smoke-1',
  platform: 'x',
  kind: 'post',
  text: 'Hello from the smoke test',
};

describe('Chromium', () => {
  let session: ChromiumSession;
  beforeAll(async () => {
    session = await launchChromium();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('starts the service worker under the fixed extension id', () => {
    expect(session.worker.url()).toBe(`chrome-extension://${CHROME_EXTENSION_ID}/service-worker-loader.js`);
    expect(session.extensionId).toBe(CHROME_EXTENSION_ID);
  });

  it('renders the popup with no draft, without errors', async () => {
    const page = await session.page();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (msg) => msg.type() === 'error' && errors.push(msg.text()));
    await page.goto(`chrome-extension://${CHROME_EXTENSION_ID}/${POPUP_PATH}`);
    await page.getByText('No draft yet').waitFor({ timeout: 10_000 });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('scores a draft sent from an extension page and shows it in the popup for that tab', async () => {
    const page = await session.extensionPage(POPUP_PATH);
    const { reply, tabId } = await page.evaluate(async (message) => {
      const reply = await chrome.runtime.sendMessage(message);
      const tab = await chrome.tabs.getCurrent();
      return { reply, tabId: tab?.id };
    }, draft);
    const parsed = ScoreResponse.parse(reply);
    if (!parsed.ok) throw new Error(`score refused: ${parsed.error}`);
    expect(parsed.result.score).toBeGreaterThanOrEqual(0);
    expect(parsed.result.score).toBeLessThanOrEqual(100);
    expect(parsed.result.nudges.length).toBeLessThanOrEqual(3);

    // The worker remembered it as this tab's draft; the popup pointed at the tab shows the same result.
    expect(typeof tabId).toBe('number');
    await page.goto(`chrome-extension://${CHROME_EXTENSION_ID}/${POPUP_PATH}?tab=${tabId}`);
    const score = page.locator('[data-score]');
    await score.waitFor({ timeout: 10_000 });
    expect(await score.getAttribute('data-score')).toBe(String(parsed.result.score));
    expect(await score.getAttribute('data-band')).toBe(parsed.result.band);
    const shown = await page
      .locator('[data-nudge-id]')
      .evaluateAll((els) => els.map((e) => e.dataset.nudgeId));
    expect(shown).toEqual(parsed.result.nudges.map((n) => n.id));
    await page.close();
  });

  it('refuses forged and malformed messages with an error', async () => {
    const page = await session.extensionPage(POPUP_PATH);
    const replies = await page.evaluate(async (base) => {
      const send = (m: unknown) => chrome.runtime.sendMessage(m);
      return [
        await send({ ...base, text: 42 }),
        await send({ ...base, platform: 'myspace' }),
        await send({ type: 'delete-everything' }),
        await send('score'),
        await send({ type: 'get-current', tabId: 'all' }),
      ];
    }, draft);
    for (const reply of replies) {
      expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(/\S/) });
    }
    await page.close();
  });
});

describe('Firefox', () => {
  let session: FirefoxSession;
  beforeAll(async () => {
    session = await launchFirefox();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('installs under the fixed gecko id', () => {
    expect(session.extensionId).toBe(GECKO_ID);
  });

  it('renders the popup and scores a draft through the event page', async () => {
    const page = await session.extensionPage(POPUP_PATH);
    expect(await page.evaluate(() => location.origin)).toBe(FIREFOX_ORIGIN);
    await page.waitForFunction(() => document.body.innerText.includes('No draft yet'), { timeout: 10_000 });
    const reply = await page.evaluate((message) => browser.runtime.sendMessage(message), draft);
    expect(ScoreResponse.parse(reply).ok).toBe(true);
    await page.close();
  });
});
