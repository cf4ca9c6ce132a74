/**
 * Coaching on a Mastodon instance the person adds (fosstodon.org stands for any of them), with the
 * built extension. Firefox can auto-accept optional-permission prompts, so there the whole flow
 * runs: not coached before, added on the options page, coached in the tab that was already open
 * and in a new one, removed, not coached after a reload. Chromium cannot accept the prompt from a
 * test, so there: mastodon.social is coached without any grant, fosstodon.org is not, and the
 * options page offers an accessible way to add an instance.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'webextension-polyfill';
import {
  OPTIONS_PATH,
  launchChromium,
  launchFirefox,
  type ChromiumSession,
  type FirefoxSession,
} from './launch.ts';
import { startFixtureServer, type FixtureServer } from './server.ts';
import { PROMO, hasNudge, indicatorAttr, playwrightTab, puppeteerTab, ready, type Tab } from './tab.ts';

const INSTANCE = 'fosstodon.org';
const EDITOR = 'form.compose-form textarea';
/** Long enough for the content script to have scored a draft (it shows within ~0.3 s when it runs). */
const QUIET_MS = 1500;

let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(async () => {
  await server?.close();
});

/** Types the pitch into the Mastodon composer; resolves once the page is the Mastodon fixture. */
async function typePitch(tab: Tab, text = PROMO): Promise<void> {
  await tab.waitFor(ready, null);
  expect(await tab.eval(() => document.querySelector('div#mastodon') !== null, null)).toBe(true);
  await tab.click(EDITOR);
  await tab.type(text);
}

async function expectNotCoached(tab: Tab): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, QUIET_MS));
  expect(await tab.eval(() => document.querySelector('rapport-indicator') === null, null)).toBe(true);
}

function hasInstance(host: string): boolean {
  return document.querySelector(`[data-instance="${host}"]`) !== null;
}

describe('another Mastodon instance in Firefox (prompts auto-accepted)', () => {
  let session: FirefoxSession;
  beforeAll(async () => {
    // Firefox ESR 153 grants optional permissions without a prompt when this is false
    // (toolkit/components/extensions/parent/ext-permissions.js); the request still needs a click.
    session = await launchFirefox({ prefs: { 'extensions.webextOptionalPermissionPrompts': false } });
  });
  afterAll(async () => {
    await session?.close();
  });

  it('is coached once added on the options page, in open and new tabs, and no more once removed', async () => {
    const open = puppeteerTab(await session.page());
    await open.goto(server.portUrl(INSTANCE, '/home'));
    await typePitch(open);
    await expectNotCoached(open);

    const options = puppeteerTab(await session.extensionPage(OPTIONS_PATH));
    await options.waitFor(
      () => document.body.textContent?.includes('No other instances yet.') ?? false,
      null,
    );
    await options.click('#instance-host');
    await options.type(INSTANCE);
    await options.click('button[type="submit"]');
    await options.waitFor(hasInstance, INSTANCE);
    expect(await options.eval(() => document.querySelector('[role="status"]')?.textContent, null)).toBe(
      `Rapport now coaches on ${INSTANCE}.`,
    );
    // One dynamic registration, for exactly that host, with the built content script.
    const registered = await options.eval(async () => {
      const api = (globalThis as unknown as { browser: Browser }).browser;
      return (await api.scripting.getRegisteredContentScripts()).map((s) => ({
        id: s.id,
        matches: s.matches,
      }));
    }, null);
    expect(registered).toEqual([{ id: 'rapport-instances', matches: [`https://${INSTANCE}/*`] }]);

    // The tab that was open before the grant is coached without a reload.
    await open.click(EDITOR);
    await open.type(' Today only.');
    await open.waitFor(hasNudge, 'pure-promotion');
    expect(await open.eval(indicatorAttr, 'data-platform')).toBe('mastodon');
    await open.close();

    // A new tab is coached through the registration.
    const fresh = puppeteerTab(await session.page());
    await fresh.goto(server.portUrl(INSTANCE, '/home'));
    await typePitch(fresh);
    await fresh.waitFor(hasNudge, 'pure-promotion');

    await options.click(`[data-instance="${INSTANCE}"] button`);
    await options.waitFor((host) => !document.querySelector(`[data-instance="${host}"]`), INSTANCE);
    await fresh.goto(server.portUrl(INSTANCE, '/home'));
    await typePitch(fresh);
    await expectNotCoached(fresh);
    expect(fresh.errors).toEqual([]);
    await fresh.close();
    await options.close();
  });
});

describe('another Mastodon instance in Chromium (no grant possible from a test)', () => {
  let session: ChromiumSession;
  beforeAll(async () => {
    session = await launchChromium({ hostPort: server.port, hosts: server.hosts });
  });
  afterAll(async () => {
    await session?.close();
  });

  it('coaches mastodon.social without a grant and leaves fosstodon.org alone', async () => {
    const builtIn = playwrightTab(await session.page());
    await builtIn.goto(server.url('mastodon.social', '/home'));
    await typePitch(builtIn);
    await builtIn.waitFor(hasNudge, 'pure-promotion');
    await builtIn.close();

    const other = playwrightTab(await session.page());
    await other.goto(server.url(INSTANCE, '/home'));
    await typePitch(other);
    await expectNotCoached(other);
    await other.close();
    // The worker's start-up found no instance, so it registered nothing.
    const registered = await session.worker.evaluate(() => {
      type Scripting = { getRegisteredContentScripts(): Promise<unknown[]> };
      return (
        globalThis as unknown as { chrome: { scripting: Scripting } }
      ).chrome.scripting.getRegisteredContentScripts();
    });
    expect(registered).toEqual([]);
  });

  it('the options page offers an accessible way to add an instance, and checks the host first', async () => {
    const page = await session.extensionPage(OPTIONS_PATH);
    const section = page.getByRole('region', { name: 'Other Mastodon instances' });
    const input = section.getByRole('textbox', { name: 'Instance host name' });
    const add = section.getByRole('button', { name: 'Add instance' });
    await input.waitFor();
    expect(await add.isEnabled()).toBe(true);
    await expect.poll(() => section.textContent()).toContain('No other instances yet.');
    // A refused host never reaches the browser's prompt; the reason is announced and tied to the field.
    await input.click();
    await page.keyboard.type('http://fosstodon.org/@me');
    await add.click();
    await expect.poll(() => section.getByRole('alert').textContent()).toContain('Only https');
    expect(await input.getAttribute('aria-invalid')).toBe('true');
    expect(await input.getAttribute('aria-describedby')).toContain('instance-error');
    await page.close();
  });
});
