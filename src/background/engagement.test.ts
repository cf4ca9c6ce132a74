import { describe, expect, it } from 'vitest';
import { defaultPackJson } from '../engine/index.ts';
import type { HistoryEvent, Kind, Platform } from '../engine/types.ts';
import {
  EXCERPT_CHARS,
  PROMO_LAST,
  WAITING_DAYS,
  WAITING_LIST_CAP,
  computeEngagement,
} from './engagement.ts';

/** Monday 30 November 2026, noon UTC: the 28-day grid runs from 3 to 30 November. */
const NOW = new Date('2026-11-30T12:00:00Z');
const engage = (events: HistoryEvent[], utcOffsetMinutes = 0) =>
  computeEngagement(events, { now: NOW, utcOffsetMinutes });

const post = (
  at: string,
  extra: Partial<{ kind: Kind; promotional: boolean; to: string; platform: Platform }> = {},
) => ({ at, type: 'published', platform: 'x', kind: 'post', ...extra }) as HistoryEvent;
const comment = (
  id: string,
  at: string,
  extra: Partial<{
    from: string;
    on: string;
    text: string;
    url: string;
    exact: boolean;
    platform: Platform;
  }> = {},
): HistoryEvent => ({ at, type: 'comment-received', platform: 'linkedin', id, ...extra });

describe('engagement: weekly buckets', () => {
  it('counts posts and replies in four weeks ending today, oldest week first', () => {
    const { weekly } = engage([
      post('2026-11-02T23:59:59Z'), // the day before the grid: left out
      post('2026-11-03T00:00:00Z'),
      post('2026-11-09T23:00:00Z', { kind: 'reply' }),
      post('2026-11-10T08:00:00Z', { kind: 'comment' }),
      { at: '2026-11-20T08:00:00Z', type: 'replied', platform: 'reddit', to: 't1_a' },
      { at: '2026-11-21T08:00:00Z', type: 'replied', platform: 'reddit' },
      post('2026-11-30T11:59:00Z'),
      post('2026-11-30T12:01:00Z'), // after now: not yet
      comment('c1', '2026-11-29T10:00:00Z'), // received, not published: no bar
      { at: '2026-11-29T11:00:00Z', type: 'no-reply-needed', platform: 'linkedin', to: 'c1' },
    ]);
    expect(weekly).toEqual([
      { weekStart: '2026-11-03T00:00:00.000Z', posts: 1, replies: 1 },
      { weekStart: '2026-11-10T00:00:00.000Z', posts: 0, replies: 1 },
      { weekStart: '2026-11-17T00:00:00.000Z', posts: 0, replies: 2 },
      { weekStart: '2026-11-24T00:00:00.000Z', posts: 1, replies: 0 },
    ]);
  });

  it('counts a reply once when both the composer and a reader recorded it', () => {
    const { weekly } = engage([
      post('2026-11-25T09:00:00Z', { kind: 'reply', platform: 'mastodon', to: '109' }),
      { at: '2026-11-25T09:00:05Z', type: 'replied', platform: 'mastodon', to: '109' },
      // The same id on another network is another item.
      { at: '2026-11-25T09:00:05Z', type: 'replied', platform: 'bluesky', to: '109' },
    ]);
    expect(weekly[3]).toMatchObject({ posts: 0, replies: 2 });
  });

  it("follows the person's midnight, not UTC's", () => {
    // 23:30 UTC on the 23rd is 01:30 on the 24th two hours east of UTC: the last week.
    const events = [post('2026-11-23T23:30:00Z')];
    expect(engage(events, 0).weekly[2]?.posts).toBe(1);
    const east = engage(events, 120);
    expect(east.weekly[3]).toEqual({ weekStart: '2026-11-23T22:00:00.000Z', posts: 1, replies: 0 });
    expect(east.weekly[0]?.weekStart).toBe('2026-11-02T22:00:00.000Z');
  });
});

describe('engagement: days active and the longest gap', () => {
  it('counts active days and the longest run without a post or reply, up to today', () => {
    const result = engage([
      post('2026-11-03T09:00:00Z'),
      post('2026-11-03T18:00:00Z'), // same day: one active day
      post('2026-11-04T09:00:00Z', { kind: 'reply' }),
      post('2026-11-15T09:00:00Z'), // 5th to 14th idle: 10 days
      comment('c1', '2026-11-20T09:00:00Z'), // receiving is not being active
      post('2026-11-24T09:00:00Z'), // 16th to 23rd idle: 8 days; 25th to 30th: 6
    ]);
    expect(result).toMatchObject({ daysActive: 4, longestGapDays: 10, watchedDays: 28 });
  });

  it('counts the gap that runs until today', () => {
    const result = engage([post('2026-11-01T09:00:00Z'), post('2026-11-10T09:00:00Z')]);
    // Watched all 28 days (the ledger is older); idle from the 11th through the 30th.
    expect(result).toMatchObject({ daysActive: 1, longestGapDays: 20, watchedDays: 28 });
  });

  it('does not count the days before the ledger began as a gap', () => {
    const result = engage([
      comment('c1', '2026-11-25T09:00:00Z'),
      post('2026-11-26T09:00:00Z'),
      post('2026-11-30T09:00:00Z'),
    ]);
    expect(result).toMatchObject({ daysActive: 2, longestGapDays: 3, watchedDays: 6 });
  });

  it('an empty ledger has watched nothing and has no gap', () => {
    expect(engage([])).toMatchObject({
      total: 0,
      waiting: [],
      daysActive: 0,
      longestGapDays: 0,
      watchedDays: 0,
      promoShare: null,
      recentPosts: 0,
      asOf: NOW.toISOString(),
    });
    expect(engage([]).weekly.map((w) => w.posts + w.replies)).toEqual([0, 0, 0, 0]);
  });
});

describe('engagement: promotional share', () => {
  it('is the share of the last ten posts flagged promotional, replies and unflagged posts left out', () => {
    const events: HistoryEvent[] = [];
    // Twelve flagged posts: the first two (promotional) fall out of the last ten.
    for (let i = 0; i < 12; i++) {
      const day = String(i + 1).padStart(2, '0');
      events.push(post(`2026-10-${day}T09:00:00Z`, { promotional: i < 2 || i === 5 || i === 11 }));
    }
    events.push(post('2026-11-20T09:00:00Z')); // recorded before the flag existed
    events.push(post('2026-11-21T09:00:00Z', { kind: 'reply', promotional: true }));
    expect(engage(events)).toMatchObject({ promoShare: 0.2, recentPosts: PROMO_LAST });
  });

  it('works out the share of fewer posts, and is null with none', () => {
    const three = [true, false, false].map((promotional, i) =>
      post(`2026-11-2${i}T09:00:00Z`, { promotional }),
    );
    expect(engage(three)).toMatchObject({ promoShare: 1 / 3, recentPosts: 3 });
    expect(engage([post('2026-11-20T09:00:00Z')])).toMatchObject({ promoShare: null, recentPosts: 0 });
  });
});

describe('engagement: comments waiting for an answer', () => {
  it('lists what no reply, published reply or "no reply needed" closed, by id or by link', () => {
    const result = engage([
      comment('c1', '2026-11-28T09:00:00Z', { from: '@dana', text: 'Nice write-up' }),
      comment('c2', '2026-11-28T10:00:00Z'),
      comment('c3', '2026-11-28T11:00:00Z', { url: 'https://www.linkedin.com/feed/update/1?commentUrn=c3' }),
      comment('c4', '2026-11-28T12:00:00Z'),
      comment('c5', '2026-11-28T13:00:00Z', { platform: 'x' }),
      { at: '2026-11-29T09:00:00Z', type: 'replied', platform: 'linkedin', to: 'c2' },
      post('2026-11-29T10:00:00Z', {
        kind: 'reply',
        platform: 'linkedin',
        to: 'https://www.linkedin.com/feed/update/1?commentUrn=c3',
      }),
      { at: '2026-11-29T11:00:00Z', type: 'no-reply-needed', platform: 'linkedin', to: 'c4' },
      // Closing c5 on the wrong network closes nothing.
      { at: '2026-11-29T11:00:00Z', type: 'no-reply-needed', platform: 'linkedin', to: 'c5' },
    ]);
    expect(result.total).toBe(2);
    expect(result.waiting.map((w) => w.id)).toEqual(['c1', 'c5']);
    expect(result.waiting[0]).toEqual({
      id: 'c1',
      platform: 'linkedin',
      from: '@dana',
      excerpt: 'Nice write-up',
      at: '2026-11-28T09:00:00.000Z',
      question: false,
      exact: false,
    });
  });

  it('a link closes what arrived up to the answer; the same person writing again afterwards waits again', () => {
    const thread = 'https://www.linkedin.com/feed/update/urn:li:activity:7';
    const before = comment('a', '2026-11-27T09:00:00Z', { from: 'Sam Lee', on: 'p7', url: thread });
    const answer = post('2026-11-27T10:00:00Z', { kind: 'comment', platform: 'linkedin', to: thread });
    const after = comment('b', '2026-11-28T09:00:00Z', { from: 'Sam Lee', on: 'p7', url: thread });
    expect(engage([before, answer]).total).toBe(0);
    expect(engage([before, answer, after]).waiting.map((w) => w.id)).toEqual(['b']);
  });

  it('a reply answers its item even when the clocks put it first', () => {
    const result = engage([
      { at: '2026-11-28T08:59:00Z', type: 'replied', platform: 'reddit', to: 't1_a' },
      comment('t1_a', '2026-11-28T09:00:00Z', { platform: 'reddit', exact: true }),
    ]);
    expect(result.total).toBe(0);
  });

  it('puts questions first, then the oldest first', () => {
    const result = engage([
      comment('old', '2026-11-20T09:00:00Z', { text: 'Great point.' }),
      comment('q-new', '2026-11-27T09:00:00Z', { text: 'Does this work on Android?' }),
      comment('mid', '2026-11-24T09:00:00Z'),
      comment('q-old', '2026-11-25T09:00:00Z', { text: '¿Y en español？' }),
      comment('q-ar', '2026-11-26T09:00:00Z', { text: 'هل هذا متاح؟' }),
    ]);
    expect(result.waiting.map((w) => [w.id, w.question])).toEqual([
      ['q-old', true],
      ['q-ar', true],
      ['q-new', true],
      ['old', false],
      ['mid', false],
    ]);
  });

  it('a newer comment from the same author on the same item reopens the conversation', () => {
    const first = comment('c1', '2026-11-20T09:00:00Z', { from: '@dana', on: 'p1', text: 'Thanks!' });
    const closed = {
      at: '2026-11-21T09:00:00Z',
      type: 'no-reply-needed',
      platform: 'linkedin',
      to: 'c1',
    } as const;
    expect(engage([first, closed]).total).toBe(0);
    const again = comment('c2', '2026-11-22T09:00:00Z', { from: '@dana', on: 'p1', text: 'One more thing?' });
    const reopened = engage([first, closed, again]);
    expect(reopened.total).toBe(1);
    expect(reopened.waiting[0]).toMatchObject({ id: 'c2', from: '@dana', question: true });
    // The same comment read again (the ledger records it once; a reader may see it twice) stays closed.
    expect(engage([first, closed, { ...first, at: '2026-11-23T09:00:00Z' }]).total).toBe(0);
  });

  it(`keeps to the last ${WAITING_DAYS} days, as the unanswered-comments nudge does`, () => {
    const result = engage([
      comment('stale', '2026-11-16T11:59:00Z'),
      comment('fresh', '2026-11-16T12:00:00Z'),
      comment('future', '2026-12-01T09:00:00Z'),
    ]);
    expect(result.waiting.map((w) => w.id)).toEqual(['fresh']);
  });

  it('trims excerpts, keeps only https links and says whether the count is exact', () => {
    const long = `  Line one\n\n${'word '.repeat(80)}`;
    const result = engage([
      comment('a', '2026-11-28T09:00:00Z', { text: long, url: 'javascript:alert(1)', exact: true }),
      comment('b', '2026-11-28T10:00:00Z', { url: 'http://x.com/dana/status/1' }),
      comment('c', '2026-11-28T11:00:00Z', { url: 'not a url' }),
      comment('d', '2026-11-28T12:00:00Z', { url: 'https://x.com/dana/status/2' }),
    ]);
    const [a, b, c, d] = result.waiting;
    expect(a?.excerpt?.length).toBeGreaterThan(EXCERPT_CHARS - 6);
    expect(a?.excerpt?.length).toBeLessThanOrEqual(EXCERPT_CHARS);
    expect(a?.excerpt?.startsWith('Line one word word')).toBe(true);
    expect(a?.excerpt?.endsWith('…')).toBe(true);
    expect(a?.exact).toBe(true);
    expect([a?.url, b?.url, c?.url]).toEqual([undefined, undefined, undefined]);
    expect(d).toMatchObject({ url: 'https://x.com/dana/status/2', exact: false });
  });

  it(`lists at most ${WAITING_LIST_CAP} and counts them all`, () => {
    const many = Array.from({ length: 70 }, (_, i) =>
      comment(`c${i}`, new Date(Date.parse('2026-11-28T00:00:00Z') + i * 60_000).toISOString()),
    );
    const result = engage(many);
    expect(result.total).toBe(70);
    expect(result.waiting).toHaveLength(WAITING_LIST_CAP);
    expect(result.waiting[0]?.id).toBe('c0');
  });
});

describe('engagement: in step with the default pack', () => {
  it('uses the windows of the history nudges', () => {
    const thresholds = (defaultPackJson as { thresholds: Record<string, unknown> }).thresholds;
    expect(thresholds['history.unansweredDays']).toBe(WAITING_DAYS);
    expect(thresholds['history.promoWindow']).toBe(PROMO_LAST);
  });
});
