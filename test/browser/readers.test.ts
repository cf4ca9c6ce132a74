/**
 * Comments waiting for an answer, read where the person already is, with the built extension in
 * Chromium and Firefox: opening a network's page makes the worker inject that network's reader.
 * Mastodon, Reddit and Bluesky are read from API fixtures shaped as their public APIs document
 * (counts exact, the answered ones recorded as answered); YouTube Studio's "Without a response"
 * list exactly as Studio shows it; X, LinkedIn, Facebook, Instagram and Threads from their
 * notifications pages, recorded as approximate. One read per page view and interval; a 429 is
 * waited out; an answer of the wrong shape records nothing; no token reaches the worker, the
 * extension's storage or any host but its own network's; a reply published in the composer
 * names the item it answers.
 */
import type { Worker } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  BLUESKY_EXPECTED,
  BSKY_ACCESS_JWT,
  BSKY_PDS_HOST,
  BSKY_REFRESH_JWT,
} from '../fixtures/apis/bluesky.ts';
import { MASTODON_EXPECTED, MASTODON_HOST, MASTODON_TOKEN } from '../fixtures/apis/mastodon.ts';
import { REDDIT_EXPECTED } from '../fixtures/apis/reddit.ts';
import {
  FACEBOOK_COMMENTS,
  INSTAGRAM_COMMENTS,
  LINKEDIN_COMMENTS,
  STUDIO_COMMENTS,
  THREADS_REPLIES,
  X_MENTIONS,
} from '../fixtures/notifications.ts';
import {
  intervalOver,
  readGate,
  readLedger,
  spied,
  startSpy,
  storageText,
  type LedgerEvent,
} from './extension-state.ts';
import {
  POPUP_PATH,
  launchChromium,
  launchFirefox,
  type ChromiumSession,
  type FirefoxSession,
} from './launch.ts';
import { startFixtureServer, type FixtureServer } from './server.ts';
import { eventually, until } from './wait.ts';
import { hasNudge, playwrightTab, puppeteerTab, ready, type Tab } from './tab.ts';

/** Session secrets the pages hold; none may reach the worker, the extension's storage or a stranger. */
const SECRETS = [MASTODON_TOKEN, BSKY_ACCESS_JWT, BSKY_REFRESH_JWT, 'fixture-session'];

/** What pages printed to their consoles, readers' isolated worlds included where the browser reports them. */
const consoleText: string[] = [];

interface Harness {
  /** The address a page has in this browser (Firefox reaches the fixture server by its port). */
  url(host: string, path: string): string;
  open(host: string, path: string): Promise<Tab>;
  extensionTab(): Promise<Tab>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const sorted = (list: readonly string[]) => [...list].sort();

function suite(h: () => Harness, server: () => FixtureServer) {
  let ext: Tab;
  beforeAll(async () => {
    consoleText.length = 0;
    ext = await h().extensionTab();
    await startSpy(ext);
  });
  afterAll(async () => {
    await ext?.close();
  });

  /** Tabs a test opened: a test that fails before closing one must not leave it reading into the next. */
  const opened = new Set<Tab>();
  afterEach(async () => {
    for (const tab of opened) await tab.close().catch(() => undefined);
    opened.clear();
  });

  async function openReady(host: string, path: string): Promise<Tab> {
    const tab = await h().open(host, path);
    opened.add(tab);
    await tab.waitFor(ready, null);
    return tab;
  }

  /**
   * Events of `platform` once at least `n` comments are recorded, or after ~40 s (a busy machine
   * is slow, never wrong). When they never come, the log says how far the read got: whether the
   * worker counted a read as started, and which requests reached the network.
   */
  async function recorded(platform: string, n: number): Promise<LedgerEvent[]> {
    const deadline = Date.now() + 40_000;
    while (Date.now() < deadline) {
      const events = (await readLedger(ext)).filter((e) => e.platform === platform);
      if (events.filter((e) => e.type === 'comment-received').length >= n) {
        await sleep(300); // the `replied` events follow the comments in the same message
        return (await readLedger(ext)).filter((e) => e.platform === platform);
      }
      await sleep(100);
    }
    console.log(
      `readers: no ${platform} read recorded; gate ${JSON.stringify(await readGate(ext))}; requests`,
      JSON.stringify(server().requests.map((r) => `${r.host}${r.path}`)),
      '; the consoles said',
      JSON.stringify(consoleText.filter((t) => t.includes('Rapport'))),
    );
    return (await readLedger(ext)).filter((e) => e.platform === platform);
  }

  const ids = (events: LedgerEvent[], type: string) =>
    sorted(events.filter((e) => e.type === type).map((e) => String(type === 'replied' ? e.to : e.id)));

  /** The waiting ones: received and not answered. */
  const waiting = (events: LedgerEvent[]) => {
    const answered = new Set(ids(events, 'replied'));
    return ids(events, 'comment-received').filter((id) => !answered.has(id));
  };

  const apiCalls = (host: string, path: string) =>
    server().requests.filter((r) => r.host === host && r.path.startsWith(path));

  it('Mastodon: the mentions, exactly, with the two the person answered', async () => {
    const tab = await openReady(MASTODON_HOST, '/notifications');
    const events = await recorded('mastodon', MASTODON_EXPECTED.items.length);
    expect(ids(events, 'comment-received')).toEqual(sorted(MASTODON_EXPECTED.items));
    expect(ids(events, 'replied')).toEqual(sorted(MASTODON_EXPECTED.answered));
    expect(waiting(events)).toEqual(sorted(MASTODON_EXPECTED.waiting));
    const m2 = events.find((e) => e.type === 'comment-received' && e.text === MASTODON_EXPECTED.m2Text);
    expect(m2).toMatchObject({ from: '@lee', url: MASTODON_EXPECTED.m2Url, exact: true });
    // Only mentions were asked for, with the web app's own token, from the instance itself.
    const calls = apiCalls(MASTODON_HOST, '/api/v1/notifications');
    expect(calls).toHaveLength(1);
    expect(calls[0]?.path).toContain('types[]=mention');
    expect(calls[0]?.authorization).toBe(`Bearer ${MASTODON_TOKEN}`);
    expect(tab.errors).toEqual([]);
    await tab.close();
  });

  it('one read per page view and interval: opening it again asks nothing', async () => {
    const before = apiCalls(MASTODON_HOST, '/api/v1/').length;
    const tab = await openReady(MASTODON_HOST, '/notifications');
    await sleep(1500);
    await tab.goto(h().url(MASTODON_HOST, '/notifications'));
    await tab.waitFor(ready, null);
    await sleep(1500);
    expect(apiCalls(MASTODON_HOST, '/api/v1/').length).toBe(before);
    await tab.close();
  });

  it('Reddit: an answer not shaped as a Listing records nothing; then the inbox, exactly', async () => {
    server().apis.fail('reddit', {
      body: JSON.stringify({ kind: 'Listing', data: { children: [{ kind: 't1', data: { name: 't1_x' } }] } }),
    });
    let tab = await openReady('www.reddit.com', '/message/inbox/');
    await tab.waitFor(() => true, null);
    await eventually(() => apiCalls('www.reddit.com', '/message/inbox.json').length > 0, 20_000);
    expect(apiCalls('www.reddit.com', '/message/inbox.json')).toHaveLength(1);
    await sleep(500);
    expect((await readLedger(ext)).filter((e) => e.platform === 'reddit')).toEqual([]);
    // The refusal is named in the page's console, with where the answer went wrong.
    expect(consoleText.filter((t) => t.startsWith('Rapport: comments not read. Reddit inbox:'))).toHaveLength(
      1,
    );
    await tab.close();

    server().apis.clear('reddit');
    await intervalOver(ext, 'reddit');
    tab = await openReady('www.reddit.com', '/message/inbox/');
    const events = await recorded('reddit', REDDIT_EXPECTED.items.length);
    expect(ids(events, 'comment-received')).toEqual(sorted(REDDIT_EXPECTED.items));
    expect(ids(events, 'replied')).toEqual(sorted(REDDIT_EXPECTED.answered));
    expect(waiting(events)).toEqual(sorted(REDDIT_EXPECTED.waiting));
    expect(events.filter((e) => e.type === 'comment-received').every((e) => e.exact === true)).toBe(true);
    // The person's own comments were read to find the answers, with the session cookie.
    expect(apiCalls('www.reddit.com', '/user/sam_example/comments.json')).toHaveLength(1);
    await tab.close();
  });

  it('Bluesky: a 429 is waited out (Retry-After), then the notifications, exactly', async () => {
    server().apis.fail('bluesky', { status: 429, headers: { 'retry-after': '3600' } });
    const list = () => apiCalls(BSKY_PDS_HOST, '/xrpc/app.bsky.notification.listNotifications');
    let tab = await openReady('bsky.app', '/notifications');
    await eventually(() => list().some((r) => r.method === 'GET'), 20_000);
    await sleep(500);
    expect(list().filter((r) => r.method === 'GET')).toHaveLength(1);
    expect((await readLedger(ext)).filter((e) => e.platform === 'bluesky')).toEqual([]);
    const until = (await readGate(ext)).bluesky?.until ?? 0;
    expect(until - Date.now()).toBeGreaterThan(3_500_000);
    await tab.close();

    // The interval alone is over, the network's hour is not: no request.
    server().apis.clear('bluesky');
    await intervalOver(ext, 'bluesky', true);
    tab = await openReady('bsky.app', '/notifications');
    await sleep(1500);
    expect(list().filter((r) => r.method === 'GET')).toHaveLength(1);
    await tab.close();

    // The hour is over too: read, exactly.
    await intervalOver(ext, 'bluesky');
    tab = await openReady('bsky.app', '/notifications');
    const events = await recorded('bluesky', BLUESKY_EXPECTED.items.length);
    expect(ids(events, 'comment-received')).toEqual(sorted(BLUESKY_EXPECTED.items));
    expect(ids(events, 'replied')).toEqual(sorted(BLUESKY_EXPECTED.answered));
    expect(waiting(events)).toEqual(sorted(BLUESKY_EXPECTED.waiting));
    expect(events.find((e) => e.url === BLUESKY_EXPECTED.replyLeeUrl)).toMatchObject({
      from: '@lee.example.com',
      exact: true,
    });
    const gets = server().requests.filter((r) => r.host === BSKY_PDS_HOST && r.method === 'GET');
    expect(gets.every((r) => r.authorization === `Bearer ${BSKY_ACCESS_JWT}`)).toBe(true);
    await tab.close();
  });

  it('YouTube Studio "Without a response": every thread, exactly', async () => {
    const tab = await openReady('studio.youtube.com', '/channel/UCfixture/comments/inbox');
    const events = await recorded('youtube', STUDIO_COMMENTS.length);
    expect(ids(events, 'comment-received')).toEqual(sorted(STUDIO_COMMENTS.map((c) => c.id)));
    expect(events.every((e) => e.type !== 'comment-received' || e.exact === true)).toBe(true);
    await tab.close();
  });

  const APPROXIMATE: Array<{ platform: string; host: string; path: string; ids: string[] }> = [
    { platform: 'x', host: 'x.com', path: '/notifications/mentions', ids: X_MENTIONS.map((m) => m.id) },
    {
      platform: 'linkedin',
      host: 'www.linkedin.com',
      path: '/notifications/',
      ids: LINKEDIN_COMMENTS.map((c) => c.reply ?? c.urn),
    },
    {
      platform: 'facebook',
      host: 'www.facebook.com',
      path: '/notifications',
      ids: FACEBOOK_COMMENTS.map((c) => c.reply ?? c.id),
    },
    {
      platform: 'instagram',
      host: 'www.instagram.com',
      path: '/accounts/activity/',
      ids: INSTAGRAM_COMMENTS.map((c) => c.id),
    },
    {
      platform: 'threads',
      host: 'www.threads.net',
      path: '/activity',
      ids: THREADS_REPLIES.map((r) => r.code),
    },
  ];
  for (const page of APPROXIMATE) {
    it(`${page.platform}: the notifications page's items, marked approximate, no request made`, async () => {
      const before = server().requests.length;
      const tab = await openReady(page.host, page.path);
      const events = await recorded(page.platform, page.ids.length);
      expect(ids(events, 'comment-received')).toEqual(sorted(page.ids));
      expect(events.every((e) => e.type === 'comment-received' && e.exact === false)).toBe(true);
      // The page's own load only: the reader asked the network for nothing.
      const made = server()
        .requests.slice(before)
        .filter((r) => !r.path.startsWith('/__fixture_assets/') && r.path !== '/favicon.ico');
      expect(made.map((r) => r.path)).toEqual([page.path]);
      expect(tab.errors).toEqual([]);
      await tab.close();
    });
  }

  it('a reply published in the composer names the item it answers', async () => {
    const [mention] = X_MENTIONS;
    const tab = await openReady('x.com', `/${mention!.handle}/status/${mention!.id}`);
    await tab.click('[data-testid="tweetTextarea_0"]');
    const text = 'We use a shared S3 bucket keyed by the lockfile hash. Which runners do you have?';
    await tab.type(text);
    await tab.click('[data-testid="tweetButtonInline"]');
    await tab.waitFor(() => document.querySelectorAll('#fixture-published li').length === 1, null);
    const published = await until(
      async () => (await readLedger(ext)).find((e) => e.type === 'published' && e.text === text),
      (event) => event !== undefined,
    );
    expect(published).toMatchObject({ platform: 'x', kind: 'reply', to: mention!.id });
    await tab.close();
  });

  it('the next draft hears about the comments waiting', async () => {
    const tab = await openReady('x.com', '/home');
    await tab.click('[data-testid="tweetTextarea_0"]');
    await tab.type('Our build cache notes are up. What would you measure next?');
    await tab.waitFor(hasNudge, 'unanswered-comments');
    await tab.close();
  });

  it('no token or session reached the worker, the extension storage or another host', async () => {
    const messages = await spied(ext);
    expect(messages.filter((m) => m.includes('"comments-seen"')).length).toBeGreaterThanOrEqual(8);
    const everything = [
      ...messages,
      await storageText(ext),
      JSON.stringify(await readLedger(ext)),
      ...consoleText,
    ];
    for (const secret of SECRETS) expect(everything.filter((text) => text.includes(secret))).toEqual([]);
    for (const request of server().requests) {
      if (request.authorization?.includes(MASTODON_TOKEN)) expect(request.host).toBe(MASTODON_HOST);
      if (request.authorization?.includes(BSKY_ACCESS_JWT)) expect(request.host).toBe(BSKY_PDS_HOST);
      expect(request.authorization ?? '').not.toContain(BSKY_REFRESH_JWT);
      expect(request.path).not.toContain(MASTODON_TOKEN);
      expect(request.path).not.toContain(BSKY_ACCESS_JWT);
    }
  });
}

describe('readers in Chromium', () => {
  let server: FixtureServer;
  let session: ChromiumSession;
  beforeAll(async () => {
    server = await startFixtureServer();
    session = await launchChromium({ hostPort: server.port, hosts: server.hosts });
    // The worker's console too (a restarted worker is a new one): what it says when a reader could
    // not run explains a read that never came, and no secret may show up there either.
    const listen = (worker: Worker) =>
      worker.on('console', (message) => void consoleText.push(`worker: ${message.text()}`));
    listen(session.worker);
    session.context.on('serviceworker', listen);
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });
  suite(
    () => ({
      url: (host, path) => server.url(host, path),
      async open(host, path) {
        const page = await session.page();
        page.on('console', (message) => void consoleText.push(message.text()));
        const tab = playwrightTab(page);
        await tab.goto(server.url(host, path));
        return tab;
      },
      extensionTab: async () => playwrightTab(await session.extensionPage(POPUP_PATH)),
    }),
    () => server,
  );
});

describe('readers in Firefox', () => {
  let server: FixtureServer;
  let session: FirefoxSession;
  beforeAll(async () => {
    server = await startFixtureServer();
    session = await launchFirefox();
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });
  suite(
    () => ({
      url: (host, path) => server.portUrl(host, path),
      async open(host, path) {
        const page = await session.page();
        page.on('console', (message) => void consoleText.push(message.text()));
        const tab = puppeteerTab(page);
        await tab.goto(server.portUrl(host, path));
        return tab;
      },
      extensionTab: async () => puppeteerTab(await session.extensionPage(POPUP_PATH)),
    }),
    () => server,
  );
});
