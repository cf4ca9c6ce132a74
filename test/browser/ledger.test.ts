/**
 * The activity ledger in the built extension, in Chromium and Firefox: a publish on a demo page
 * changes what `export-ledger` returns (first words, promotional flag, fingerprint — never the
 * whole text); what a previous worker left in IndexedDB is summarised when the worker starts, so
 * the next draft says how many comments wait and where, and an answer lowers the count at once;
 * a worker stopped in the middle of a stream of writes loses nothing it acknowledged and leaves
 * nothing half-written; export, then delete-all.
 *
 * Stopping the worker: Chromium's CDP `ServiceWorker.stopAllWorkers`, from an extension page's
 * session. Firefox has no equivalent a test can reach for its event page, so there the extension
 * is reloaded (`runtime.reload()`) mid-write, which tears the event page down the same abrupt
 * way, and the ledger is read back by the reloaded extension.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page as FirefoxPage } from 'puppeteer-core';
import {
  POPUP_PATH,
  launchChromium,
  launchFirefox,
  type ChromiumSession,
  type FirefoxSession,
} from './launch.ts';
import { startFixtureServer, type FixtureServer } from './server.ts';
import { PROMO, hasNudge, playwrightTab, puppeteerTab, ready, type Tab } from './tab.ts';
import {
  ackCounts,
  exportLedger,
  historyTitles,
  publishMany,
  send,
  writeRecords,
  type ExportedEvent,
} from './ledger-pages.ts';
import { until } from './wait.ts';

/** Longer than the first words the ledger keeps (120 characters). */
const LONG_POST =
  'We moved our support team to a four-day week in March and response times held steady. ' +
  'The trick was overlapping shifts on Mondays. Has anyone else tried it with a team under ten people?';

/** Three comments waiting (two on LinkedIn, one a question; one on X), as ledger records. */
function waitingComments(tag: string) {
  const at = (hoursAgo: number) => new Date(Date.now() - hoursAgo * 3_600_000).toISOString();
  const comment = (platform: string, id: string, hoursAgo: number, text: string) => ({
    v: 2,
    key: JSON.stringify(['comment-received', platform, id]),
    event: { at: at(hoursAgo), type: 'comment-received', platform, id, from: '@dana', text, exact: true },
  });
  return [
    comment('linkedin', `${tag}-li-1`, 30, 'Does the four-day week work for on-call too?'),
    comment('linkedin', `${tag}-li-2`, 20, 'We tried this last year, great results.'),
    comment('x', `${tag}-x-1`, 10, 'Nice one'),
  ];
}

interface Harness {
  /** A demo compose page, ready. */
  demo(host: string, path: string): Promise<Tab>;
  ext(): Promise<Tab>;
  /** Stops the worker (Chromium) or reloads the extension (Firefox), and waits until it answers again. */
  restart(): Promise<void>;
}

function suite(h: () => Harness) {
  it('a publish on a demo page adds one event: first words, the promotional flag and a fingerprint', async () => {
    const ext = await h().ext();
    const before = (await ext.eval(exportLedger, null)).events.length;
    const tab = await h().demo('x.com', '/home');
    await tab.click('[data-testid="tweetTextarea_0"]');
    await tab.type(PROMO);
    await tab.waitFor(hasNudge, 'pure-promotion');
    await tab.press('Control+Enter');
    await tab.waitFor((n) => document.querySelectorAll('#fixture-published li').length === n, 1);
    const after = await until(
      async () => await ext.eval(exportLedger, null),
      (d) => d.events.length === before + 1,
    );
    expect(after.events.at(-1)).toMatchObject({
      type: 'published',
      platform: 'x',
      kind: 'post',
      text: PROMO,
      promotional: true,
      fingerprint: expect.any(Array),
    });

    // A fresh page: the demo editor, emptied after a post, puts the caret back at its start.
    await tab.close();
    const second = await h().demo('x.com', '/home');
    await second.click('[data-testid="tweetTextarea_0"]');
    await second.type(LONG_POST);
    await second.waitFor(
      (text) =>
        (window as unknown as { __fixture: { read(b: string): string } }).__fixture.read('post') === text,
      LONG_POST,
      30_000,
    );
    await second.press('Control+Enter');
    await second.waitFor((n) => document.querySelectorAll('#fixture-published li').length === n, 1);
    const long = await until(
      async () => await ext.eval(exportLedger, null),
      (d) => d.events.length === before + 2,
    );
    const last = long.events.at(-1)!;
    expect(last).toMatchObject({ type: 'published', platform: 'x', kind: 'post', promotional: false });
    expect(last.text).toMatch(/^We moved our support team to a four-day week in March .*…$/);
    expect(last.text!.length).toBeLessThanOrEqual(120);
    expect(JSON.stringify(long)).not.toContain('team under ten people');
    expect(last.fingerprint!.length).toBeGreaterThan(20);
    expect([...tab.errors, ...second.errors]).toEqual([]);
    await second.close();
    await ext.close();
  });

  it('comments a previous worker recorded are summarised when the worker starts; an answer lowers the count', async () => {
    const ext = await h().ext();
    await ext.eval(exportLedger, null); // the worker has opened (and created) the database
    await ext.eval(writeRecords, waitingComments('start'));
    await ext.close();
    await h().restart();
    const page = await h().ext();
    const titles = await until(
      async () => await page.eval(historyTitles, null),
      (t) => t.some((x) => x.startsWith('unanswered-comments')),
    );
    expect(titles).toContain(
      "unanswered-comments: You haven't replied to 3 comments — 2 on LinkedIn, 1 on X",
    );
    // A reply published to one of them: the kept summary hears of it, no restart needed.
    expect(
      await page.eval(send, {
        type: 'published',
        platform: 'linkedin',
        kind: 'reply',
        at: new Date().toISOString(),
        text: 'It does: on-call rotates across the four days.',
        to: 'start-li-1',
      }),
    ).toEqual({ ok: true });
    expect(await page.eval(historyTitles, null)).toContain(
      "unanswered-comments: You haven't replied to 2 comments — 1 on LinkedIn, 1 on X",
    );
    await page.close();
  });

  it('export, then delete: everything goes, and the next draft has no history nudges', async () => {
    const ext = await h().ext();
    const exported = await ext.eval(exportLedger, null);
    expect({
      format: exported.format,
      version: exported.version,
      retentionDays: exported.retentionDays,
    }).toEqual({
      format: 'rapport-ledger',
      version: 2,
      retentionDays: 90,
    });
    expect(exported.events.length).toBeGreaterThanOrEqual(5);
    expect(await ext.eval(historyTitles, null)).not.toEqual([]);
    expect(await ext.eval(send, { type: 'delete-ledger' })).toEqual({ ok: true });
    expect((await ext.eval(exportLedger, null)).events).toEqual([]);
    expect(await ext.eval(historyTitles, null)).toEqual([]);
    await ext.close();
  });
}

/** Every event of the burst is whole, none is there twice, and every acknowledged one is there. */
function checkBurst(events: ExportedEvent[], acks: string[], prefix: string): void {
  const burst = events.filter((e) => e.text?.startsWith(prefix));
  for (const e of burst) {
    expect(e).toMatchObject({
      type: 'published',
      platform: 'mastodon',
      kind: 'post',
      at: expect.any(String),
    });
    expect(typeof e.promotional).toBe('boolean');
    expect(e.fingerprint?.length).toBeGreaterThan(5);
  }
  expect(new Set(burst.map((e) => e.text)).size).toBe(burst.length);
  const kept = new Set(burst.map((e) => e.text));
  expect(acks.filter((text) => !kept.has(text))).toEqual([]);
}

describe('ledger in Chromium', () => {
  let server: FixtureServer;
  let session: ChromiumSession;
  beforeAll(async () => {
    server = await startFixtureServer();
    session = await launchChromium({ hostPort: server.port, hosts: server.hosts });
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  async function stopWorkers(): Promise<string[]> {
    const page = await session.extensionPage(POPUP_PATH);
    const cdp = await session.context.newCDPSession(page);
    const statuses: string[] = [];
    cdp.on('ServiceWorker.workerVersionUpdated', (e) => {
      for (const v of e.versions) statuses.push(v.runningStatus);
    });
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await until(
      async () => statuses,
      (s) => s.includes('stopped'),
      10_000,
    );
    await cdp.detach();
    await page.close();
    return statuses;
  }

  suite(() => ({
    async demo(host, path) {
      const tab = playwrightTab(await session.page());
      await tab.goto(server.url(host, path));
      await tab.waitFor(ready, null);
      return tab;
    },
    ext: async () => playwrightTab(await session.extensionPage(POPUP_PATH)),
    async restart() {
      await stopWorkers();
    },
  }));

  it('a worker stopped mid-write loses nothing it acknowledged and leaves nothing half-written', async () => {
    const page = await session.extensionPage(POPUP_PATH);
    const cdp = await session.context.newCDPSession(page);
    const statuses: string[] = [];
    cdp.on('ServiceWorker.workerVersionUpdated', (e) => {
      for (const v of e.versions) statuses.push(v.runningStatus);
    });
    await cdp.send('ServiceWorker.enable');
    // A stream long enough that the stop, sent once five are answered, lands in the middle of it.
    const count = 1000;
    await page.evaluate(publishMany, { count, prefix: 'Mid-write' });
    await until(
      () => page.evaluate(ackCounts),
      (c) => c.acks.length >= 5,
    );
    await cdp.send('ServiceWorker.stopAllWorkers');
    const atStop = (await page.evaluate(ackCounts)).acks.length;
    const settled = await until(
      () => page.evaluate(ackCounts),
      (c) => c.acks.length + c.failed === count,
      60_000,
    );
    // The stop landed in the middle of the stream, and the worker really stopped.
    expect(atStop).toBeLessThan(count);
    expect(statuses).toContain('stopped');
    const exported = await page.evaluate(exportLedger);
    checkBurst(exported.events, settled.acks, 'Mid-write');
    await cdp.detach();
    await page.close();
  });
});

describe('ledger in Firefox', () => {
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

  /** Reloads the extension from one of its pages (which closes), and waits for a page of it to answer. */
  async function reload(page: FirefoxPage): Promise<void> {
    void page
      .evaluate(() =>
        (globalThis as unknown as { browser: { runtime: { reload(): void } } }).browser.runtime.reload(),
      )
      .catch(() => undefined);
    await until(
      async () => {
        const fresh = await session.extensionPage(POPUP_PATH);
        try {
          return await fresh.evaluate(exportLedger);
        } finally {
          await fresh.close().catch(() => undefined);
        }
      },
      () => true,
      30_000,
    );
  }

  suite(() => ({
    async demo(host, path) {
      const tab = puppeteerTab(await session.page());
      await tab.goto(server.portUrl(host, path));
      await tab.waitFor(ready, null);
      return tab;
    },
    ext: async () => puppeteerTab(await session.extensionPage(POPUP_PATH)),
    async restart() {
      await reload(await session.extensionPage(POPUP_PATH));
    },
  }));

  it('an extension reloaded mid-write loses nothing it acknowledged and leaves nothing half-written', async () => {
    const page = await session.extensionPage(POPUP_PATH);
    const count = 1000;
    // What the page had been told at its fifth answer, and the reload it made then: every one of
    // these must be in the ledger; the ones answered after may or may not be.
    const acks = (await page.evaluate(publishMany, { count, prefix: 'Mid-reload', reloadAfter: 5 }))!;
    expect(acks).toHaveLength(5);
    const exported = await until(
      async () => {
        const fresh = await session.extensionPage(POPUP_PATH);
        try {
          return await fresh.evaluate(exportLedger);
        } finally {
          await fresh.close().catch(() => undefined);
        }
      },
      () => true,
      30_000,
    );
    checkBurst(exported.events, acks, 'Mid-reload');
    // The reload did cut the burst short: some of it never reached the ledger.
    expect(exported.events.filter((e) => e.text?.startsWith('Mid-reload')).length).toBeLessThan(count);
  });
});
