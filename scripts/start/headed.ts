import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

// A visible Chromium with the built extension and the fixture host names mapped to the local
// server, in a throwaway profile: the person's own browser and profile are never touched.

export const CHROMIUM_PATH = '/usr/bin/chromium';

export interface HeadedBrowser {
  extensionId: string | null;
  tabs: { url: string; status: number | null }[];
  /** Resolves when the person closes the browser (or its last tab). */
  closed: Promise<void>;
  close(): Promise<void>;
}

export interface HeadedOptions {
  distChrome: string;
  hostResolverRules: string;
  urls: string[];
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

export async function launchHeaded(opts: HeadedOptions): Promise<HeadedBrowser> {
  const profile = await mkdtemp(join(tmpdir(), 'rapport-demo-'));
  const args = [
    `--disable-extensions-except=${opts.distChrome}`,
    `--load-extension=${opts.distChrome}`,
    `--host-resolver-rules=${opts.hostResolverRules}`,
    '--ignore-certificate-errors',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ];
  // Chromium refuses to start its sandbox as root; everyone else keeps it.
  if (isRoot()) args.push('--no-sandbox');
  // Without an X server Chromium would look for one; let it pick Wayland instead.
  if (!process.env.DISPLAY && process.env.WAYLAND_DISPLAY) args.push('--ozone-platform-hint=auto');
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      headless: false,
      chromiumSandbox: true,
      args,
      // Playwright's defaults would switch extensions off and show the "controlled by automated
      // test software" bar.
      ignoreDefaultArgs: ['--disable-extensions', '--enable-automation'],
      ignoreHTTPSErrors: true,
      viewport: null,
      // npm start handles Ctrl+C itself, so it can stop the server too.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
  } catch (error) {
    await rm(profile, { recursive: true, force: true });
    throw error;
  }

  let finish: () => void = () => undefined;
  const closed = new Promise<void>((resolve) => (finish = resolve));
  context.on('close', () => finish());

  const isOurs = (url: string) => url.startsWith('chrome-extension://');
  const worker =
    context.serviceWorkers().find((w) => isOurs(w.url())) ??
    (await context
      .waitForEvent('serviceworker', { predicate: (w) => isOurs(w.url()), timeout: 15_000 })
      .catch(() => null));
  const extensionId = worker ? new URL(worker.url()).host : null;

  const pages: Page[] = [];
  const tabs: HeadedBrowser['tabs'] = [];
  for (const [i, url] of opts.urls.entries()) {
    const page = (i === 0 ? context.pages()[0] : undefined) ?? (await context.newPage());
    pages.push(page);
    const response = await page
      .goto(url, { waitUntil: 'domcontentloaded', timeout: 30_000 })
      .catch(() => null);
    tabs.push({ url, status: response?.status() ?? null });
  }
  await pages[0]?.bringToFront();
  // Closing the window closes every tab; Chromium may linger without one, so treat that as closed too.
  const watch = (page: Page) =>
    page.on('close', () => {
      if (context.pages().length === 0) finish();
    });
  context.pages().forEach(watch);
  context.on('page', watch);

  return {
    extensionId,
    tabs,
    closed,
    async close() {
      await context.close().catch(() => undefined);
      await rm(profile, { recursive: true, force: true });
    },
  };
}
