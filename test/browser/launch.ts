/**
 * Launchers for the built extension in Debian's Chromium (Playwright) and Firefox ESR (Puppeteer over
 * WebDriver BiDi). Each launch gets a fresh profile. The build must exist: `npm test` builds first.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type Page as ChromiumPage,
  type Worker,
} from 'playwright-core';
import puppeteer, { type Browser as FirefoxBrowser, type Page as FirefoxPage } from 'puppeteer-core';
import { GECKO_ID } from '../../src/shared/ids.ts';
import { eventually } from './wait.ts';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const DIST_CHROME = join(ROOT, 'dist', 'chrome');
export const DIST_FIREFOX = join(ROOT, 'dist', 'firefox');
export const CHROMIUM_PATH = '/usr/bin/chromium';
export const FIREFOX_PATH = '/usr/bin/firefox-esr';

/** Paths of the extension pages inside the build (same in both targets). */
export const POPUP_PATH = 'src/popup/index.html';
export const OPTIONS_PATH = 'src/options/index.html';

/**
 * The moz-extension:// host of the extension in Firefox. Firefox picks a random UUID per profile;
 * the `extensions.webextensions.uuids` pref set at launch pins it, so page URLs are known upfront.
 */
export const FIREFOX_UUID = '6f1d7a52-3c1e-4b8a-9d2f-5e0a7c4b1f93';
export const FIREFOX_ORIGIN = `moz-extension://${FIREFOX_UUID}`;

/** Host names of the supported networks that fixture pages are usually served as. */
export const DEFAULT_FIXTURE_HOSTS = [
  'x.com',
  'twitter.com',
  'www.linkedin.com',
  'www.facebook.com',
  'www.instagram.com',
  'www.threads.net',
  'www.threads.com',
  'bsky.app',
  'mastodon.social',
  'www.reddit.com',
  'old.reddit.com',
  'www.youtube.com',
  'studio.youtube.com',
  // A Bluesky PDS: the Bluesky reader's API (test/fixtures/apis/bluesky.ts).
  'morel.us-east.host.bsky.network',
];

function assertBuilt(dist: string): void {
  if (!existsSync(join(dist, 'manifest.json'))) {
    throw new Error(
      `${dist} has no manifest.json: build the extension first with \`npm run build\` ` +
        '(`npm test` builds before it runs the browser tests).',
    );
  }
}

export interface ChromiumOptions {
  /** Port of a local HTTPS fixture server; when set, `hosts` resolve to 127.0.0.1:<hostPort>. */
  hostPort?: number;
  hosts?: string[];
  extraArgs?: string[];
  /**
   * Written as the fresh profile's `Default/Preferences` before launch: what a person set in the
   * browser's own settings (e.g. notifications turned off for an extension).
   */
  profilePrefs?: Record<string, unknown>;
  /** Another Chromium to run, e.g. a wrapper that gives it its own policy folder (policy-files.ts). */
  executablePath?: string;
}

export interface ChromiumSession {
  context: BrowserContext;
  /** A new tab. */
  page(): Promise<ChromiumPage>;
  extensionId: string;
  worker: Worker;
  /** A new tab showing an extension page, e.g. `extensionPage(POPUP_PATH + '?tab=3')`. */
  extensionPage(path: string): Promise<ChromiumPage>;
  close(): Promise<void>;
}

/** Flags every Chromium run here needs: no sandbox as root, and no calls home on a closed network. */
export const QUIET_CHROMIUM = [
  '--headless=new',
  '--no-sandbox',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * A Chromium without the extension, reaching the fixture server at the real host names: the
 * baseline that runs with the extension are compared against.
 */
export function launchPlainChromium(hostResolverRules: string): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: false, // headless comes from --headless=new, as in the extension runs
    args: [...QUIET_CHROMIUM, `--host-resolver-rules=${hostResolverRules}`, '--ignore-certificate-errors'],
  });
}

/**
 * Whether the worker ran its script as far as its listeners: `tabs.onUpdated` has one once the
 * top level ran. Each ask has its own time limit, since an evaluation in a worker that never
 * started never answers.
 */
function workerStarted(worker: Worker, withinMs: number): Promise<boolean> {
  const registered = () =>
    Promise.race([
      worker
        .evaluate(() => {
          type Chrome = { tabs: { onUpdated: { hasListeners(): boolean } } };
          return (globalThis as unknown as { chrome: Chrome }).chrome.tabs.onUpdated.hasListeners();
        })
        .catch(() => false),
      new Promise<false>((resolve) => setTimeout(() => resolve(false), 2_000)),
    ]);
  return eventually(registered, withinMs).then(
    () => true,
    () => false,
  );
}

/** Launches tried before giving up on a worker that never starts (see launchChromium). */
const CHROMIUM_LAUNCHES = 3;

/**
 * Chromium with the built extension, its worker running. About once in thirty launches here the
 * worker handled no event and logged nothing for its first ~40 s, not even its first line, so the
 * first test read no comments and the next one a late read; Playwright attaching to a worker as
 * Chromium creates it is known to race (microsoft/playwright#39075). A launch whose worker has not
 * registered its listeners within 15 s is closed and Chromium launched again with a fresh profile;
 * a worker that never does in three launches is an error of the build and fails the test.
 */
export async function launchChromium(opts: ChromiumOptions = {}): Promise<ChromiumSession> {
  for (let launch = 1; ; launch++) {
    const session = await launchChromiumOnce(opts);
    if (await workerStarted(session.worker, 15_000)) return session;
    await session.close();
    if (launch === CHROMIUM_LAUNCHES)
      throw new Error(
        `the extension's worker never ran its script in ${CHROMIUM_LAUNCHES} launches of Chromium`,
      );
    console.warn(`launch: the extension's worker did not start (launch ${launch}); launching Chromium again`);
  }
}

async function launchChromiumOnce(opts: ChromiumOptions): Promise<ChromiumSession> {
  assertBuilt(DIST_CHROME);
  const profile = await mkdtemp(join(tmpdir(), 'rapport-chromium-'));
  // Developer mode, as for anyone who loads an unpacked build: without it Chromium disables a
  // command-line extension that reloads itself ("unsupported developer extension"). A test may add
  // preferences of its own (profilePrefs).
  await mkdir(join(profile, 'Default'), { recursive: true });
  const prefs = { ...opts.profilePrefs, extensions: { ui: { developer_mode: true } } };
  await writeFile(join(profile, 'Default', 'Preferences'), JSON.stringify(prefs));
  const args = [
    // The new headless mode loads extensions; Playwright's own headless shell does not.
    ...QUIET_CHROMIUM,
    `--disable-extensions-except=${DIST_CHROME}`,
    `--load-extension=${DIST_CHROME}`,
  ];
  if (opts.hostPort !== undefined) {
    const hosts = opts.hosts ?? DEFAULT_FIXTURE_HOSTS;
    args.push(
      `--host-resolver-rules=${hosts.map((h) => `MAP ${h} 127.0.0.1:${opts.hostPort}`).join(', ')}`,
      '--ignore-certificate-errors',
    );
  }
  args.push(...(opts.extraArgs ?? []));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: opts.executablePath ?? CHROMIUM_PATH,
      headless: false, // headless comes from --headless=new above
      args,
      ignoreHTTPSErrors: opts.hostPort !== undefined,
    });
  } catch (error) {
    await rm(profile, { recursive: true, force: true });
    throw error;
  }
  const isOurs = (w: Worker) => w.url().startsWith('chrome-extension://');
  const worker =
    context.serviceWorkers().find(isOurs) ??
    (await context.waitForEvent('serviceworker', { predicate: isOurs, timeout: 30_000 }));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    page: () => context.newPage(),
    extensionId,
    worker,
    async extensionPage(path) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    },
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

export interface FirefoxOptions {
  prefs?: Record<string, unknown>;
  /** Environment of the browser process, e.g. a HOME holding ~/.mozilla/managed-storage. */
  env?: Record<string, string | undefined>;
  /** Another Firefox to run, e.g. a wrapper that gives it its own policies.json (policy-files.ts). */
  executablePath?: string;
}

export interface FirefoxSession {
  browser: FirefoxBrowser;
  /** A new tab. */
  page(): Promise<FirefoxPage>;
  /** The gecko id Firefox reports for the installed build. */
  extensionId: string;
  /** moz-extension://<FIREFOX_UUID>, the origin of the extension's pages. */
  origin: string;
  /** A new tab showing an extension page, loaded. */
  extensionPage(path: string): Promise<FirefoxPage>;
  close(): Promise<void>;
}

/**
 * Firefox's BiDi never reports the navigation into the extension's process as finished, so
 * `page.goto` would time out although the page loads: start it, then wait for the document itself.
 * Polled from here rather than with `waitForFunction`: an evaluation that lands while the document
 * is being swapped fails with a protocol error ("right-hand side of 'in' should be an object"),
 * which ends puppeteer's wait instead of trying again.
 */
async function openFirefoxExtensionPage(browser: FirefoxBrowser, path: string): Promise<FirefoxPage> {
  const page = await browser.newPage();
  const url = `${FIREFOX_ORIGIN}/${path}`;
  void page.goto(url, { timeout: 20_000 }).catch(() => undefined);
  const deadline = Date.now() + 20_000;
  for (;;) {
    const loaded = await page
      .evaluate((u) => location.href === u && document.readyState === 'complete', url)
      .catch(() => false);
    if (loaded) return page;
    if (Date.now() > deadline) throw new Error(`${url} did not load within 20 s`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export async function launchFirefox(opts: FirefoxOptions = {}): Promise<FirefoxSession> {
  assertBuilt(DIST_FIREFOX);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: opts.executablePath ?? FIREFOX_PATH,
    headless: true,
    acceptInsecureCerts: true,
    // WebDriver BiDi refuses to navigate to moz-extension:// pages without system access.
    args: ['--remote-allow-system-access'],
    ...(opts.env ? { env: opts.env } : {}),
    extraPrefsFirefox: {
      // Every host name goes to the local fixture server (tests put its port in the URL).
      'network.dns.forceResolve': '127.0.0.1',
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }),
      ...opts.prefs,
    },
  });
  try {
    const extensionId = await browser.installExtension(DIST_FIREFOX);
    return {
      browser,
      page: () => browser.newPage(),
      extensionId,
      origin: FIREFOX_ORIGIN,
      extensionPage: (path) => openFirefoxExtensionPage(browser, path),
      close: () => browser.close(),
    };
  } catch (error) {
    await browser.close();
    throw error;
  }
}
