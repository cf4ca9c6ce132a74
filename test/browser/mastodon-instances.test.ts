/**
 * Coaching on a Mastodon instance the person adds (fosstodon.org stands for any of them), with the
 * built extension: not coached before, granted, coached in the tab that was already open and in a
 * new one, revoked, not coached after a reload.
 *
 * Firefox auto-accepts optional-permission prompts by a pref, so there the options page does it all.
 * Chromium's prompt cannot be accepted from a test (no switch or policy does it), so the person's
 * "Allow" is played by Chromium's own record of sites a person allowed an extension: the privileged
 * `chrome.developerPrivate.addHostPermission`, called from the chrome://extensions page (its "Site
 * access" calls it for an added site; for Rapport, Chromium 156 shows only per-site switches, so the
 * test calls it directly). After it, `permissions.request` for that host resolves true without a
 * prompt. On its own the record does not activate an optional host permission (no
 * `permissions.onAdded`, `permissions.contains` stays false). `removeHostPermission` revokes an
 * active one, with `permissions.onRemoved`, as the site's switch there would.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page as ChromiumPage, Worker } from 'playwright-core';
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

/**
 * After a grant: the tab that was open before it is coached without a reload (then closed), and
 * `fresh`, a new tab, is coached at `url` through the registration; its card (code the worker
 * injects on first open, not a file exposed to pages) opens there too and quotes the pitch.
 */
async function expectCoachedAfterGrant(open: Tab, fresh: Tab, url: string): Promise<void> {
  await open.click(EDITOR);
  await open.type(' Today only.');
  await open.waitFor(hasNudge, 'pure-promotion');
  expect(await open.eval(indicatorAttr, 'data-platform')).toBe('mastodon');
  await open.close();
  await fresh.goto(url);
  await typePitch(fresh);
  await fresh.waitFor(hasNudge, 'pure-promotion');
  await fresh.click('button.pill');
  await fresh.waitFor(
    () =>
      (document.querySelector('rapport-indicator')?.shadowRoot?.querySelectorAll('.card mark').length ?? 0) >
      0,
    null,
  );
}

/** Removes the instance on the options page, as a person would, and waits until it is gone. */
async function removeOnOptionsPage(options: Tab): Promise<void> {
  await options.click(`[data-instance="${INSTANCE}"] button`);
  await options.waitFor((host) => !document.querySelector(`[data-instance="${host}"]`), INSTANCE);
}

/** Loads `url` in `tab`, types the pitch, and expects no coaching and no page errors; closes the tab. */
async function expectNotCoachedAt(tab: Tab, url: string): Promise<void> {
  await tab.goto(url);
  await typePitch(tab);
  await expectNotCoached(tab);
  expect(tab.errors).toEqual([]);
  await tab.close();
}

function hasInstance(host: string): boolean {
  return document.querySelector(`[data-instance="${host}"]`) !== null;
}

/** Adds the instance on the options page, as a person would, and waits for its confirmation. */
async function addOnOptionsPage(options: Tab): Promise<void> {
  await options.waitFor(() => document.body.textContent?.includes('No other instances yet.') ?? false, null);
  await options.click('#instance-host');
  await options.type(INSTANCE);
  await options.click('button[type="submit"]');
  await options.waitFor(hasInstance, INSTANCE);
  expect(await options.eval(() => document.querySelector('[role="status"]')?.textContent, null)).toBe(
    `Rapport now coaches on ${INSTANCE}.`,
  );
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
    await addOnOptionsPage(options);
    // One dynamic registration, for exactly that host, with the built content script.
    const registered = await options.eval(async () => {
      const api = (globalThis as unknown as { browser: Browser }).browser;
      return (await api.scripting.getRegisteredContentScripts()).map((s) => ({
        id: s.id,
        matches: s.matches,
      }));
    }, null);
    expect(registered).toEqual([{ id: 'rapport-instances', matches: [`https://${INSTANCE}/*`] }]);

    const fresh = puppeteerTab(await session.page());
    await expectCoachedAfterGrant(open, fresh, server.portUrl(INSTANCE, '/home'));

    await removeOnOptionsPage(options);
    await expectNotCoachedAt(fresh, server.portUrl(INSTANCE, '/home'));
    await options.close();
  });
});

/** What `chrome.scripting.getRegisteredContentScripts()` reports in the worker, reduced to id and matches. */
function registeredScripts(worker: Worker): Promise<{ id: string; matches?: string[] }[]> {
  return worker.evaluate(async () => {
    type Script = { id: string; matches?: string[] };
    type Chrome = { scripting: { getRegisteredContentScripts(): Promise<Script[]> } };
    const scripts = await (
      globalThis as unknown as { chrome: Chrome }
    ).chrome.scripting.getRegisteredContentScripts();
    return scripts.map(({ id, matches }) => ({ id, matches }));
  });
}

/** Whether the extension holds the host permission for the instance right now. */
function instanceGranted(worker: Worker): Promise<boolean> {
  return worker.evaluate((origin) => {
    type Chrome = { permissions: { contains(p: { origins: string[] }): Promise<boolean> } };
    return (globalThis as unknown as { chrome: Chrome }).chrome.permissions.contains({ origins: [origin] });
  }, `https://${INSTANCE}/*`);
}

/**
 * Chromium's extension page for Rapport, as a person reaches it, and the two calls its "Site
 * access" makes: allow a site, take a site back. Both need the privileged chrome://extensions page.
 */
async function siteAccess(session: ChromiumSession) {
  const page: ChromiumPage = await session.context.newPage();
  await page.goto(`chrome://extensions/?id=${session.extensionId}`);
  const call = (method: 'addHostPermission' | 'removeHostPermission') =>
    page.evaluate(
      async ({ method, id, host }) => {
        type Dev = Record<typeof method, (id: string, host: string) => Promise<void>>;
        await (globalThis as unknown as { chrome: { developerPrivate: Dev } }).chrome.developerPrivate[
          method
        ](id, host);
      },
      { method, id: session.extensionId, host: `https://${INSTANCE}/*` },
    );
  return {
    allow: () => call('addHostPermission'),
    revoke: () => call('removeHostPermission'),
    close: () => page.close(),
  };
}

describe('another Mastodon instance in Chromium (the person allows it in chrome://extensions)', () => {
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
    expect(await registeredScripts(session.worker)).toEqual([]);
  });

  it('is coached once added on the options page, in open and new tabs, and no more once revoked in chrome://extensions', async () => {
    const open = playwrightTab(await session.page());
    await open.goto(server.url(INSTANCE, '/home'));
    await typePitch(open);
    await expectNotCoached(open);

    const access = await siteAccess(session);
    await access.allow();
    // Only recorded: Chromium activates the optional permission at the extension's next request.
    expect(await instanceGranted(session.worker)).toBe(false);
    expect(await registeredScripts(session.worker)).toEqual([]);

    // The options page's own request, from a real click; Chromium answers it without a prompt.
    const options = playwrightTab(await session.extensionPage(OPTIONS_PATH));
    await addOnOptionsPage(options);
    expect(await instanceGranted(session.worker)).toBe(true);
    expect(await registeredScripts(session.worker)).toEqual([
      { id: 'rapport-instances', matches: [`https://${INSTANCE}/*`] },
    ]);

    const fresh = playwrightTab(await session.page());
    await expectCoachedAfterGrant(open, fresh, server.url(INSTANCE, '/home'));

    // Taken back outside the options page: only the worker's permissions.onRemoved can react.
    await access.revoke();
    await expect.poll(() => instanceGranted(session.worker)).toBe(false);
    await expect.poll(() => registeredScripts(session.worker)).toEqual([]);
    await fresh.goto(server.url(INSTANCE, '/home'));
    await typePitch(fresh);
    await expectNotCoached(fresh);
    expect(fresh.errors).toEqual([]);
    await fresh.close();

    await options.goto(`chrome-extension://${session.extensionId}/${OPTIONS_PATH}`);
    await options.waitFor(
      () => document.body.textContent?.includes('No other instances yet.') ?? false,
      null,
    );
    await options.close();
    await access.close();
  });

  it('a grant no extension page applies reaches the worker through permissions.onAdded, and removing it on the options page ends the coaching', async () => {
    const open = playwrightTab(await session.page());
    await open.goto(server.url(INSTANCE, '/home'));
    await typePitch(open);
    await expectNotCoached(open);
    expect(await registeredScripts(session.worker)).toEqual([]);

    const access = await siteAccess(session);
    await access.allow();
    await access.close();
    // The request alone, without the options page's `apply-instances` message that follows it there
    // (a popup, for one, may be gone by the time the person answers Chromium's prompt).
    const page = await session.extensionPage(OPTIONS_PATH);
    const granted = await page.evaluate((origin) => {
      type Chrome = { permissions: { request(p: { origins: string[] }): Promise<boolean> } };
      return (globalThis as unknown as { chrome: Chrome }).chrome.permissions.request({ origins: [origin] });
    }, `https://${INSTANCE}/*`);
    expect(granted).toBe(true);
    await expect
      .poll(() => registeredScripts(session.worker))
      .toEqual([{ id: 'rapport-instances', matches: [`https://${INSTANCE}/*`] }]);
    // The worker injected into the tab that was already open.
    await open.click(EDITOR);
    await open.type(' Today only.');
    await open.waitFor(hasNudge, 'pure-promotion');
    expect(await open.eval(indicatorAttr, 'data-platform')).toBe('mastodon');

    // The options page lists it (from the worker) and takes it back with its own button.
    const options = playwrightTab(page);
    await options.goto(`chrome-extension://${session.extensionId}/${OPTIONS_PATH}`);
    await options.waitFor(hasInstance, INSTANCE);
    await removeOnOptionsPage(options);
    expect(await instanceGranted(session.worker)).toBe(false);
    expect(await registeredScripts(session.worker)).toEqual([]);
    await expectNotCoachedAt(open, server.url(INSTANCE, '/home'));
    await options.close();
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
