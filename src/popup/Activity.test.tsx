// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Engagement, WaitingItem } from '../shared/messages.ts';
import { App } from './App.tsx';
import { createMockConnector, emptyEngagement, type MockOptions } from './connector-mock.ts';

const NOW = Date.parse('2026-11-30T12:00:00Z');
const HOUR = 3_600_000;

const item = (id: string, hoursAgo: number, extra: Partial<WaitingItem> = {}): WaitingItem => ({
  id,
  platform: 'linkedin',
  at: new Date(NOW - hoursAgo * HOUR).toISOString(),
  question: false,
  exact: true,
  ...extra,
});

const seeded: Engagement = {
  ...emptyEngagement(),
  waiting: [
    item('q1', 30, {
      platform: 'mastodon',
      from: '@dana@fosstodon.org',
      excerpt: 'Is there a recording?',
      url: 'https://mastodon.social/@dana/1101',
      question: true,
    }),
    item('c1', 80, { from: 'Sam Lee', excerpt: 'Great write-up', exact: false }),
    item('c2', 0.5, { platform: 'x', from: '@kim', url: 'https://x.com/kim/status/2', exact: false }),
  ],
  total: 4,
  weekly: [
    { weekStart: '2026-11-03T00:00:00.000Z', posts: 4, replies: 1 },
    { weekStart: '2026-11-10T00:00:00.000Z', posts: 2, replies: 2 },
    { weekStart: '2026-11-17T00:00:00.000Z', posts: 0, replies: 0 },
    { weekStart: '2026-11-24T00:00:00.000Z', posts: 1, replies: 3 },
  ],
  promoShare: 0.3,
  recentPosts: 10,
  daysActive: 9,
  longestGapDays: 6,
  watchedDays: 28,
};

async function mount(options: MockOptions & { initial?: Engagement | null } = {}) {
  const root = document.createElement('div');
  document.body.append(root);
  const connector = createMockConnector({ ok: true, current: null }, options);
  render(
    <App
      connector={connector}
      refreshMs={1000}
      engagementRefreshMs={1000}
      initialEngagement={options.initial ?? null}
      clock={() => NOW}
    />,
    root,
  );
  return { root, connector };
}

/** Mounted, and the worker's first engagement answer is on screen. */
async function mountFresh(options: MockOptions & { initial?: Engagement | null } = {}) {
  const mounted = await mount(options);
  await vi.waitFor(() => expect(mounted.root.querySelector('[data-fresh=true]')).not.toBeNull());
  return mounted;
}

const ok = (engagement: Engagement) => ({ ok: true as const, engagement });
const count = (root: HTMLElement) => root.querySelector('[data-unanswered]')?.getAttribute('data-unanswered');
const rows = (root: HTMLElement) => [...root.querySelectorAll<HTMLElement>('[data-unanswered-item]')];
const button = (root: ParentNode, text: string) =>
  [...root.querySelectorAll('button')].find((b) => b.textContent?.startsWith(text));

/**
 * Each app was rendered into its own root: unmount each, so no effect or timer of a finished app
 * runs later (after the test environment is gone, requestAnimationFrame is too).
 */
function unmountAll(): void {
  for (const root of [...document.body.children]) render(null, root);
  document.body.innerHTML = '';
}

afterEach(unmountAll);

describe('popup: first paint', () => {
  it('paints the cached answer in the first render, before the worker answers, then the fresh one', async () => {
    let release = () => {};
    const fresh = { ...seeded, total: 1, waiting: seeded.waiting.slice(0, 1) };
    const { root, connector } = await mount({ initial: seeded, engagement: ok(fresh) });
    connector.state.engagementGate = new Promise((resolve) => (release = resolve));
    // Synchronously after render(): no effect or answer has run yet.
    expect(count(root)).toBe('4');
    expect(rows(root)).toHaveLength(3);
    expect(root.querySelector('[data-fresh]')?.getAttribute('data-fresh')).toBe('false');
    release();
    await vi.waitFor(() => expect(count(root)).toBe('1'));
    expect(root.querySelector('[data-fresh]')?.getAttribute('data-fresh')).toBe('true');
    expect(connector.state.cached?.total).toBe(1);
  });

  it('a cache that answers after the first paint still shows until the worker answers', async () => {
    let release = () => {};
    const root = document.createElement('div');
    document.body.append(root);
    const connector = createMockConnector({ ok: true, current: null }, { engagement: ok(emptyEngagement()) });
    connector.state.engagementGate = new Promise((resolve) => (release = resolve));
    const app = (initial: Engagement | null) => (
      <App connector={connector} initialEngagement={initial} clock={() => NOW} />
    );
    render(app(null), root);
    expect(count(root)).toBeUndefined();
    render(app(seeded), root);
    await vi.waitFor(() => expect(count(root)).toBe('4'));
    release();
    await vi.waitFor(() => expect(count(root)).toBe('0'));
    // The worker's answer stays, whatever the cache says later.
    render(app({ ...seeded }), root);
    await new Promise((r) => setTimeout(r, 20));
    expect(count(root)).toBe('0');
  });

  it('without a cache it says it is loading, then shows the answer', async () => {
    const { root } = await mount({ engagement: ok(seeded) });
    expect(root.querySelector('.activity-loading')?.textContent).toContain('Loading your activity');
    await vi.waitFor(() => expect(count(root)).toBe('4'));
  });

  it('keeps the cached answer when the worker fails, and says why only when there is nothing to show', async () => {
    const failing = { ok: false as const, error: 'ledger unavailable' };
    const cached = await mount({ initial: seeded, engagement: failing });
    await vi.waitFor(() => expect(cached.connector.calls.getEngagement).toBeGreaterThan(0));
    await new Promise((r) => setTimeout(r, 20));
    expect(count(cached.root)).toBe('4');
    unmountAll();
    const bare = await mount({ engagement: failing });
    await vi.waitFor(() =>
      expect(bare.root.querySelector('[role=alert]')?.textContent).toContain('ledger unavailable'),
    );
    expect(count(bare.root)).toBeUndefined();
  });
});

describe('popup: waiting comments', () => {
  it('shows the total and one row each: network, author, excerpt, how long, a link, "about" when approximate', async () => {
    const { root } = await mountFresh({ engagement: ok(seeded) });
    expect(count(root)).toBe('4');
    expect(root.querySelector('#waiting-title')?.textContent).toBe('About 4 comments waiting for an answer');
    const [q1, c1, c2] = rows(root);
    expect(rows(root).map((r) => r.dataset.id)).toEqual(['q1', 'c1', 'c2']);
    expect(q1?.textContent).toContain('Mastodon');
    expect(q1?.textContent).toContain('@dana@fosstodon.org');
    expect(q1?.textContent).toContain('Is there a recording?');
    expect(q1?.textContent).toContain('question');
    expect(q1?.querySelector('time')?.textContent).toBe('30 h');
    expect(q1?.querySelector('time')?.getAttribute('datetime')).toBe(seeded.waiting[0]?.at);
    const link = q1?.querySelector('a');
    expect(link?.getAttribute('href')).toBe('https://mastodon.social/@dana/1101');
    expect(link?.getAttribute('target')).toBe('_blank');
    expect(link?.getAttribute('rel')).toContain('noopener');
    expect(q1?.querySelector('.tag--about')).toBeNull();
    expect(c1?.textContent).toContain('LinkedIn');
    expect(c1?.querySelector('time')?.textContent).toBe('3 days');
    // No link recorded: the row links to the network's notifications instead.
    expect(c1?.querySelector('a')?.getAttribute('href')).toBe('https://www.linkedin.com/notifications/');
    expect(c1?.querySelector('a')?.textContent).toBe('Open LinkedIn notifications');
    expect(c1?.querySelector('.tag--about')?.textContent).toBe('about');
    expect(c2?.querySelector('time')?.textContent).toBe('30 min');
    expect(root.textContent).toContain('…and 1 more, older.');
  });

  it('"No reply needed" takes the row away at once, tells the worker, and moves focus to the next row', async () => {
    const { root, connector } = await mountFresh({ engagement: ok(seeded) });
    const closeButton = button(rows(root)[0]!, 'No reply needed');
    closeButton?.focus();
    closeButton?.click();
    await vi.waitFor(() => expect(count(root)).toBe('3'));
    expect(rows(root).map((r) => r.dataset.id)).toEqual(['c1', 'c2']);
    expect(connector.calls.noReplyNeeded).toEqual(['q1']);
    await vi.waitFor(() => expect(document.activeElement).toBe(button(rows(root)[0]!, 'No reply needed')));
    // The worker's next answer agrees.
    const asked = connector.calls.getEngagement;
    await vi.waitFor(() => expect(connector.calls.getEngagement).toBeGreaterThan(asked));
    expect(count(root)).toBe('3');
  });

  it('puts the row back and says so when the worker refuses', async () => {
    const { root } = await mountFresh({
      engagement: ok(seeded),
      ack: { ok: false, error: 'ledger is full' },
    });
    button(rows(root)[1]!, 'No reply needed')?.click();
    await vi.waitFor(() =>
      expect(root.querySelector('[role=alert]')?.textContent).toContain('ledger is full'),
    );
    await vi.waitFor(() => expect(rows(root).map((r) => r.dataset.id)).toEqual(['q1', 'c1', 'c2']));
    expect(count(root)).toBe('4');
  });

  it('says nothing is waiting with a count of 0', async () => {
    const { root } = await mountFresh();
    expect(count(root)).toBe('0');
    expect(rows(root)).toHaveLength(0);
    expect(root.textContent).toContain('Nothing waiting for an answer');
  });

  it('shows markup from a comment as text, and never links anything but https', async () => {
    const hostile: Engagement = {
      ...seeded,
      waiting: [
        item('h1', 2, {
          from: '<b>bold</b>',
          excerpt: '<img src=x onerror="alert(1)">',
          url: 'javascript:alert(1)',
        }),
      ],
      total: 1,
    };
    const { root } = await mountFresh({ engagement: ok(hostile) });
    expect(root.querySelector('img, b')).toBeNull();
    expect(rows(root)[0]?.textContent).toContain('<img src=x onerror="alert(1)">');
    expect(rows(root)[0]?.querySelector('a')?.getAttribute('href')).toBe(
      'https://www.linkedin.com/notifications/',
    );
    const mastodon = { ...hostile, waiting: [{ ...hostile.waiting[0]!, platform: 'mastodon' as const }] };
    unmountAll();
    const other = await mountFresh({ engagement: ok(mastodon) });
    expect(rows(other.root)[0]?.querySelector('a')).toBeNull(); // no fixed host to fall back on
  });
});

describe('popup: engagement at a glance', () => {
  it('draws posts against replies per week as an accessible inline SVG, with the numbers as a table', async () => {
    const { root } = await mountFresh({ engagement: ok(seeded) });
    const svg = root.querySelector('svg[data-chart]');
    expect(svg?.getAttribute('role')).toBe('img');
    expect(svg?.getAttribute('aria-labelledby')).toBe('chart-title chart-desc');
    expect(svg?.querySelector('title')?.textContent).toContain('Posts and replies per week');
    const desc = svg?.querySelector('desc')?.textContent ?? '';
    expect(desc).toContain('4 posts, 1 reply');
    expect(desc).toContain('0 posts, 0 replies');
    expect(desc).toContain('1 post, 3 replies');
    const bars = [...(svg?.querySelectorAll<SVGRectElement>('rect[data-series]') ?? [])];
    expect(bars.map((b) => `${b.dataset.series}:${b.dataset.value}`)).toEqual([
      'posts:4',
      'replies:1',
      'posts:2',
      'replies:2',
      'posts:0',
      'replies:0',
      'posts:1',
      'replies:3',
    ]);
    // Heights in proportion, the tallest filling the plot.
    const height = (i: number) => Number(bars[i]?.getAttribute('height'));
    expect(height(0)).toBeCloseTo(4 * height(1), 5);
    expect(height(7)).toBeCloseTo(3 * height(1), 5);
    expect(height(4)).toBe(0);
    const cells = [...root.querySelectorAll('.chart__table tbody tr')].map((tr) =>
      [...tr.querySelectorAll('td')].map((td) => td.textContent),
    );
    expect(cells).toEqual([
      ['4', '1'],
      ['2', '2'],
      ['0', '0'],
      ['1', '3'],
    ]);
  });

  it('shows the promotional share, the days active and the longest gap', async () => {
    const { root } = await mountFresh({ engagement: ok(seeded) });
    const promo = root.querySelector<HTMLElement>('[data-promo-share]');
    expect(promo?.dataset.promoShare).toBe('0.3');
    expect(promo?.textContent).toContain('3 of your last 10 posts (30 %)');
    expect(promo?.classList.contains('warn')).toBe(true);
    expect(root.querySelector('[data-days-active]')?.textContent).toContain('9 of the last 28 days');
    expect(root.querySelector('[data-longest-gap]')?.textContent).toContain('6 days');
  });

  it('says what it does not know yet on an empty ledger', async () => {
    const { root } = await mountFresh();
    expect(root.querySelector('[data-promo-share]')?.textContent).toContain('no posts recorded yet');
    expect(root.querySelector('[data-promo-share]')?.classList.contains('warn')).toBe(false);
    expect(root.querySelector('[data-days-active]')?.textContent).toContain('nothing recorded yet');
    expect(root.querySelector('[data-longest-gap]')?.textContent).toContain('none');
  });
});

describe('popup: export and delete', () => {
  it('exports the ledger as a JSON download', async () => {
    const { root, connector } = await mountFresh({ exported: { ok: true, json: '{"events":[]}' } });
    button(root, 'Export')?.click();
    await vi.waitFor(() => expect(connector.calls.downloads).toHaveLength(1));
    expect(connector.calls.downloads[0]?.text).toBe('{"events":[]}');
    expect(connector.calls.downloads[0]?.filename).toMatch(/^rapport-ledger-\d{4}-\d\d-\d\d\.json$/);
    await vi.waitFor(() => expect(root.querySelector('[role=status]')?.textContent).toContain('Exported'));
  });

  it('says so when the export fails, and downloads nothing', async () => {
    const { root, connector } = await mountFresh({ exported: { ok: false, error: 'too big' } });
    button(root, 'Export')?.click();
    await vi.waitFor(() => expect(root.querySelector('[role=alert]')?.textContent).toContain('too big'));
    expect(connector.calls.downloads).toEqual([]);
  });

  it('asks before deleting: focus on Cancel, Escape backs out, confirming deletes and empties the popup', async () => {
    const { root, connector } = await mountFresh({ engagement: ok(seeded) });
    const deleteButton = button(root, 'Delete all…');
    deleteButton?.click();
    await vi.waitFor(() => expect(root.querySelector('[role=group]')).not.toBeNull());
    expect(root.querySelector('#confirm-question')?.textContent).toContain('cannot be undone');
    await vi.waitFor(() => expect(document.activeElement?.textContent).toBe('Cancel'));
    document.activeElement?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await vi.waitFor(() => expect(root.querySelector('[role=group]')).toBeNull());
    await vi.waitFor(() => expect(document.activeElement?.textContent).toBe('Delete all…'));
    expect(connector.calls.deleteLedger).toBe(0);

    button(root, 'Delete all…')?.click();
    await vi.waitFor(() => expect(root.querySelector('[data-confirm-delete]')).not.toBeNull());
    root.querySelector<HTMLButtonElement>('[data-confirm-delete]')?.click();
    await vi.waitFor(() => expect(count(root)).toBe('0'));
    expect(connector.calls.deleteLedger).toBe(1);
    expect(connector.state.cached?.total ?? 0).toBe(0);
    expect(root.querySelector('[role=status]')?.textContent).toContain('Deleted');
  });
});

describe('popup: keyboard', () => {
  it('every control is a native button, link or summary, so Tab and Enter reach it', async () => {
    const { root } = await mountFresh({ engagement: ok(seeded) });
    const clickable = [...root.querySelectorAll('[onclick], [role=button]')];
    expect(clickable).toEqual([]);
    const controls = [...root.querySelectorAll('button, a, summary')];
    expect(controls.length).toBeGreaterThanOrEqual(9);
    for (const control of controls) expect(control.getAttribute('tabindex')).not.toBe('-1');
  });
});
