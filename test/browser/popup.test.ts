/**
 * The popup with a seeded ledger, in Chromium and Firefox with the built extension: the count of
 * comments waiting (`data-unanswered`), one row each in order, the four-week chart and the shares,
 * all answered by the real worker; "No reply needed" by mouse and by keyboard makes the count drop
 * for good; a post published through the worker shows up in the chart; the popup follows the
 * colour scheme and paints the cached answer first.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HistoryEvent } from '../../src/engine/types.ts';
import { EngagementResponse } from '../../src/shared/messages.ts';
import {
  POPUP_PATH,
  launchChromium,
  launchFirefox,
  type ChromiumSession,
  type FirefoxSession,
} from './launch.ts';
import { startFixtureServer, type FixtureServer } from './server.ts';
import { daysAgo, seedLedger } from './ledger-seed.ts';
import { PROMO, playwrightTab, puppeteerTab, type Tab } from './tab.ts';

const MASTODON_URL = 'https://mastodon.social/@dana/1101';

/** A post that asks something back: the ledger does not flag it promotional. */
const genuine = (days: number) =>
  `Our build went from 14 to ${days} minutes with a shared cache last sprint. How do you warm yours?`;

/**
 * Five posts (two of them sales pitches the ledger flags promotional) and three replies over four
 * weeks; six received comments, of which three still wait: one answered by a published reply, one
 * closed as "no reply needed", one older than two weeks.
 */
function scenario(now: number): HistoryEvent[] {
  const at = (days: number) => daysAgo(now, days);
  const post = (days: number, text: string): HistoryEvent => ({
    at: at(days),
    type: 'published',
    platform: 'linkedin',
    kind: 'post',
    text,
  });
  return [
    post(23, PROMO),
    post(16, genuine(16)),
    post(9, `${PROMO} Today only.`),
    post(2, genuine(2)),
    post(1, genuine(1)),
    { at: at(9), type: 'published', platform: 'x', kind: 'reply', to: 'https://x.com/ana/status/5' },
    { at: at(2), type: 'published', platform: 'linkedin', kind: 'comment' },
    {
      at: at(20),
      type: 'comment-received',
      platform: 'linkedin',
      id: 'urn:li:comment:(9,old)',
      exact: false,
    },
    { at: at(6), type: 'comment-received', platform: 'bluesky', id: 'at://did:plc:b/post/1', exact: true },
    { at: at(5), type: 'no-reply-needed', platform: 'bluesky', to: 'at://did:plc:b/post/1' },
    {
      at: at(5),
      type: 'comment-received',
      platform: 'linkedin',
      id: 'urn:li:comment:(1,2)',
      from: 'Sam Lee',
      text: 'Great write-up, we saw the same.',
      url: 'https://www.linkedin.com/feed/update/urn:li:activity:1?commentUrn=urn%3Ali%3Acomment%3A(1%2C2)',
      exact: false,
    },
    {
      at: at(4),
      type: 'comment-received',
      platform: 'reddit',
      id: 't1_answered',
      from: 'u/kai',
      exact: true,
    },
    { at: at(1), type: 'published', platform: 'reddit', kind: 'reply', to: 't1_answered' },
    {
      at: at(3),
      type: 'comment-received',
      platform: 'mastodon',
      id: '1101',
      from: '@dana@fosstodon.org',
      text: 'Is there a recording of the talk?',
      url: MASTODON_URL,
      exact: true,
    },
    {
      at: at(0.5),
      type: 'comment-received',
      platform: 'x',
      id: '77',
      from: '@kim',
      text: 'Thanks for sharing',
      url: 'https://x.com/kim/status/77',
      exact: false,
    },
  ];
}

interface Shown {
  count: string | null;
  fresh: string | null;
  rows: {
    id: string;
    platform: string;
    exact: string;
    text: string;
    href: string | null;
    target: string | null;
  }[];
  bars: string[];
  promo: string | null;
  daysActive: string | null;
  gap: string | null;
  chartTitle: string | null;
  chartDesc: string | null;
}

/** What the popup shows, read from its DOM. */
function shown(): Shown {
  const attr = (selector: string, name: string) =>
    document.querySelector(selector)?.getAttribute(name) ?? null;
  return {
    count: attr('[data-unanswered]', 'data-unanswered'),
    fresh: attr('[data-fresh]', 'data-fresh'),
    rows: [...document.querySelectorAll<HTMLElement>('[data-unanswered-item]')].map((row) => ({
      id: row.dataset.id ?? '',
      platform: row.dataset.platform ?? '',
      exact: row.dataset.exact ?? '',
      text: row.textContent ?? '',
      href: row.querySelector('a')?.getAttribute('href') ?? null,
      target: row.querySelector('a')?.getAttribute('target') ?? null,
    })),
    bars: [...document.querySelectorAll<SVGRectElement>('svg[data-chart] rect[data-series]')].map(
      (bar) => `${bar.dataset.series}:${bar.dataset.value}`,
    ),
    promo: attr('[data-promo-share]', 'data-promo-share'),
    daysActive: attr('[data-days-active]', 'data-days-active'),
    gap: attr('[data-longest-gap]', 'data-longest-gap'),
    chartTitle: document.querySelector('svg[data-chart] title')?.textContent ?? null,
    chartDesc: document.querySelector('svg[data-chart] desc')?.textContent ?? null,
  };
}

/** The popup has the worker's own answer (not only the cached one) with this count. */
function freshCount(count: string): boolean {
  return document.querySelector(`.activity[data-fresh="true"] [data-unanswered="${count}"]`) !== null;
}

interface Harness {
  popup(): Promise<Tab>;
}

/** The same steps in both browsers; each `it` builds on the ledger the one before left. */
function suite(h: () => Harness) {
  let popup: Tab;

  it('seeds the ledger, then shows the count, the rows in order, the chart and the shares', async () => {
    const first = await h().popup();
    await first.waitFor(freshCount, '0');
    await seedLedger(first, scenario(Date.now()));
    await first.close();

    popup = await h().popup();
    await popup.waitFor(freshCount, '3');
    const view = await popup.eval(shown, null);
    expect(view.rows.map((r) => [r.platform, r.id, r.exact])).toEqual([
      ['mastodon', '1101', 'true'], // a question comes first
      ['linkedin', 'urn:li:comment:(1,2)', 'false'],
      ['x', '77', 'false'],
    ]);
    const [dana, sam, kim] = view.rows;
    expect(dana?.text).toContain('Mastodon');
    expect(dana?.text).toContain('@dana@fosstodon.org');
    expect(dana?.text).toContain('Is there a recording of the talk?');
    expect(dana?.text).toMatch(/waiting 3 days/);
    expect(dana?.text).not.toContain('about');
    expect([dana?.href, dana?.target]).toEqual([MASTODON_URL, '_blank']);
    expect(sam?.text).toContain('LinkedIn');
    expect(sam?.text).toContain('Sam Lee');
    expect(sam?.text).toMatch(/about/);
    expect(sam?.text).toMatch(/waiting 5 days/);
    expect(kim?.text).toMatch(/waiting 12 h/);
    expect(view.bars).toEqual([
      'posts:1',
      'replies:0',
      'posts:1',
      'replies:0',
      'posts:1',
      'replies:1',
      'posts:2',
      'replies:2',
    ]);
    expect(view.chartTitle).toContain('Posts and replies per week');
    expect(view.chartDesc).toContain('2 posts, 2 replies');
    expect(view.promo).toBe('0.4');
    expect(view.daysActive).toBe('5');
    expect(view.gap).toBe('6');
    expect(popup.errors).toEqual([]);
  });

  it('"No reply needed" by mouse makes the count drop, and the worker keeps it closed', async () => {
    await popup.click('[data-unanswered-item][data-platform="linkedin"] button[data-close]');
    await popup.waitFor(freshCount, '2');
    expect((await popup.eval(shown, null)).rows.map((r) => r.id)).toEqual(['1101', '77']);
    const reply = EngagementResponse.parse(await popup.eval(askWorker, { type: 'get-engagement' }));
    expect(reply.ok && reply.engagement.total).toBe(2);
    await popup.close();
  });

  it('"No reply needed" by keyboard alone: Tab to the last row\'s button, Enter', async () => {
    popup = await h().popup();
    await popup.waitFor(freshCount, '2');
    let reached = false;
    for (let i = 0; i < 30 && !reached; i++) {
      await popup.press('Tab');
      reached = await popup.eval(
        () =>
          document.activeElement?.closest('[data-unanswered-item]')?.getAttribute('data-id') === '77' &&
          document.activeElement.hasAttribute('data-close'),
        null,
      );
    }
    expect(reached, 'Tab reached the last row\'s "No reply needed"').toBe(true);
    await popup.press('Enter');
    await popup.waitFor(freshCount, '1');
    // Focus stays in the list: on the heading once the last row is gone, or the row above.
    await popup.waitFor(() => document.activeElement?.closest('.waiting') !== null, null);
    await popup.close();
  });

  it('a post published through the worker shows up in this week of the chart', async () => {
    popup = await h().popup();
    await popup.waitFor(freshCount, '1');
    const ack = await popup.eval(askWorker, {
      type: 'published',
      platform: 'bluesky',
      kind: 'post',
      at: new Date().toISOString(),
      text: 'What broke for you in the last upgrade? Collecting notes for the next one.',
    });
    expect(ack).toEqual({ ok: true });
    await popup.close();
    popup = await h().popup();
    await popup.waitFor(freshCount, '1');
    const view = await popup.eval(shown, null);
    expect(view.bars.slice(6)).toEqual(['posts:3', 'replies:2']);
    expect(view.daysActive).toBe('6');
    expect(popup.errors).toEqual([]);
  });
}

/** Sends a message to the worker from the extension page it runs in. */
function askWorker(message: unknown): Promise<unknown> {
  const api =
    (globalThis as unknown as { browser?: Ext; chrome: Ext }).browser ??
    (globalThis as unknown as { chrome: Ext }).chrome;
  return api.runtime.sendMessage(message);
}
interface Ext {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
}

let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(async () => {
  await server?.close();
});

describe('popup in Chromium', () => {
  let session: ChromiumSession;
  beforeAll(async () => {
    session = await launchChromium({ hostPort: server.port, hosts: server.hosts });
  });
  afterAll(async () => {
    await session?.close();
  });

  suite(() => ({ popup: async () => playwrightTab(await session.extensionPage(POPUP_PATH)) }));

  it('opens a waiting comment in a new tab', async () => {
    const page = await session.extensionPage(POPUP_PATH);
    await page.locator('[data-unanswered-item][data-platform="mastodon"] a').waitFor();
    const [opened] = await Promise.all([
      session.context.waitForEvent('page'),
      page.locator('[data-unanswered-item][data-platform="mastodon"] a').click(),
    ]);
    await opened.waitForLoadState('domcontentloaded');
    expect(opened.url()).toBe(MASTODON_URL);
    await opened.close();
    await page.close();
  });

  it('paints the cached answer first, and follows the colour scheme', async () => {
    const page = await session.extensionPage(POPUP_PATH);
    await page.locator('.activity[data-fresh="true"]').waitFor();
    // A new popup: its first render already held the cached count (before the worker answered).
    await page.reload();
    const marks = await page.evaluate(() =>
      performance
        .getEntriesByName('rapport:first-render')
        .map((m) => (m as PerformanceMark).detail as unknown),
    );
    expect(marks).toEqual([{ cached: true }]);
    expect(await page.locator('[data-unanswered]').getAttribute('data-unanswered')).toBe('1');
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await page.emulateMedia({ colorScheme: 'light' });
    expect(await background()).toBe('rgb(255, 255, 255)');
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await background()).toBe('rgb(22, 27, 34)');
    await page.close();
  });
});

describe('popup in Firefox', () => {
  let session: FirefoxSession;
  beforeAll(async () => {
    // 0 = dark: pages see `prefers-color-scheme: dark` (Chromium checks light and dark by emulation).
    session = await launchFirefox({ prefs: { 'layout.css.prefers-color-scheme.content-override': 0 } });
  });
  afterAll(async () => {
    await session?.close();
  });

  suite(() => ({ popup: async () => puppeteerTab(await session.extensionPage(POPUP_PATH)) }));

  it('follows a dark colour scheme', async () => {
    // Firefox's BiDi has no media emulation: this session runs with the scheme forced to dark.
    const page = await session.extensionPage(POPUP_PATH);
    expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(true);
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(
      'rgb(22, 27, 34)',
    );
    await page.close();
  });
});
