import { describe, expect, it } from 'vitest';
import type { HistoryEvent } from '../../../src/engine/index.ts';
import { NOW, ago, fired, pack, post, run } from './helpers.ts';

const comment = (hoursAgo: number, id: string, platform: HistoryEvent['platform'] = 'x', from?: string) =>
  ({
    at: ago(hoursAgo),
    type: 'comment-received',
    platform,
    id,
    ...(from ? { from } : {}),
  }) as HistoryEvent;
const reply = (hoursAgo: number, to: string, platform: HistoryEvent['platform'] = 'x') =>
  ({ at: ago(hoursAgo), type: 'replied', platform, to }) as HistoryEvent;

describe('unanswered', () => {
  const p = pack([
    {
      id: 'unanswered-comments',
      type: 'unanswered',
      message: { title: '{count} comment{s}', reason: 'waiting: {where}', suggestion: 's' },
      params: { windowDays: 14 },
    },
  ]);
  const check = (history: HistoryEvent[]) => run(p, '', { history, now: NOW });

  it('counts the comments waiting and says where', () => {
    const [n] = check([
      comment(30, 'c1', 'x', '@dana'),
      comment(20, 'c2', 'linkedin'),
      comment(10, 'c3', 'x', '@li'),
    ]).all;
    expect(n?.id).toBe('unanswered-comments');
    expect(n?.title).toBe('3 comments');
    expect(n?.reason).toBe('waiting: 2 on X, 1 on LinkedIn');
    expect(n?.evidence[0]?.text).toContain('@dana');
  });

  it('uses the singular for one comment', () => {
    expect(check([comment(1, 'c1')]).all[0]?.title).toBe('1 comment');
  });

  it('leaves out comments already replied to', () => {
    const [n] = check([comment(30, 'c1'), comment(20, 'c2'), reply(10, 'c1')]).all;
    expect(n?.title).toBe('1 comment');
    expect(check([comment(30, 'c1'), reply(10, 'c1')]).all).toEqual([]);
  });

  it('leaves out comments answered by a reply published in the composer, by id or by address', () => {
    // The reply goes out on the network the comment came from (items are matched per network).
    const published = (hoursAgo: number, to: string): HistoryEvent => ({
      at: ago(hoursAgo),
      type: 'published',
      platform: 'x',
      kind: 'reply',
      to,
    });
    const linked: HistoryEvent = {
      ...comment(20, 'at://did:plc:a/app.bsky.feed.post/1'),
      url: 'https://bsky.app/profile/a/post/1',
    } as HistoryEvent;
    expect(check([comment(30, 'c1'), published(10, 'c1')]).all).toEqual([]);
    expect(check([linked, published(10, 'https://bsky.app/profile/a/post/1')]).all).toEqual([]);
    expect(check([linked, published(10, 'https://bsky.app/profile/a/post/2')]).all).toHaveLength(1);
  });

  it('leaves out comments older than the window', () => {
    expect(check([comment(15 * 24, 'old')]).all).toEqual([]);
    expect(check([comment(13 * 24, 'recent')]).all).toHaveLength(1);
  });

  it('ignores events after now', () => {
    expect(check([comment(-5, 'future')]).all).toEqual([]);
  });

  it('says nothing without history', () => {
    expect(run(p, 'some draft', { now: NOW }).all).toEqual([]);
  });

  it('honours min', () => {
    const q = pack([{ id: 'u', type: 'unanswered', params: { min: 2 } }]);
    expect(fired(q, '', { history: [comment(1, 'a')], now: NOW })).toEqual([]);
    expect(fired(q, '', { history: [comment(1, 'a'), comment(2, 'b')], now: NOW })).toEqual(['u']);
  });
});

describe('ratio', () => {
  const rules = [
    {
      id: 'promo',
      type: 'signals',
      params: { threshold: 2, signals: [{ terms: ['sale', 'buy now'], weight: 2 }] },
    },
    {
      id: 'promo-ratio',
      type: 'ratio',
      message: { title: '{count} of {total} ({percent}%)', reason: 'r', suggestion: 's' },
      params: { classifier: 'promo', last: 10, maxShare: 0.2, minPosts: 5 },
    },
  ];
  const p = pack(rules);
  const posts = (promos: number, plain: number) => [
    ...Array.from({ length: plain }, (_, i) => post(100 + i, `We learned something about caching ${i}`)),
    ...Array.from({ length: promos }, (_, i) => post(50 + i, `Big sale ${i}, buy now`)),
  ];
  const ratio = (history: HistoryEvent[], text = '') =>
    run(p, text, { history, now: NOW }).all.find((n) => n.id === 'promo-ratio');

  it('fires when more than maxShare of the last posts matched the classifier rule', () => {
    const n = ratio(posts(3, 7));
    expect(n?.title).toBe('3 of 10 (30%)');
  });

  it('stays quiet at or under the share', () => {
    expect(ratio(posts(2, 8))).toBeUndefined();
  });

  it('looks only at the last N posts', () => {
    // Promotions are older than the last ten plain posts.
    const history = [
      ...Array.from({ length: 5 }, (_, i) => post(500 + i, `Big sale ${i}, buy now`)),
      ...Array.from({ length: 10 }, (_, i) => post(100 + i, `We learned something ${i}`)),
    ];
    expect(ratio(history)).toBeUndefined();
  });

  it('needs minPosts posts before judging', () => {
    expect(ratio(posts(4, 0))).toBeUndefined();
    expect(ratio(posts(5, 0))?.title).toBe('5 of 5 (100%)');
  });

  it('does not count replies or the current draft', () => {
    const replies: HistoryEvent[] = Array.from({ length: 6 }, (_, i) => ({
      at: ago(i + 1),
      type: 'published',
      platform: 'x',
      kind: 'reply',
      text: 'Big sale, buy now',
    }));
    expect(ratio(replies, 'Big sale, buy now')).toBeUndefined();
  });
});

describe('burst', () => {
  const p = pack([
    {
      id: 'burst',
      type: 'burst',
      message: { title: '{count} in {hours}h', reason: 'r', suggestion: 's' },
      params: { windowHours: 24, maxPosts: 5 },
    },
  ]);
  const many = (n: number, spacing = 1) =>
    Array.from({ length: n }, (_, i) => post(1 + i * spacing, `post ${i}`));

  it('fires on more than 5 posts in 24 hours', () => {
    const [n] = run(p, '', { history: many(6), now: NOW }).all;
    expect(n?.title).toBe('6 in 24h');
  });

  it('stays quiet at 5 posts, or 6 spread over more than a day', () => {
    expect(fired(p, '', { history: many(5), now: NOW })).toEqual([]);
    expect(fired(p, '', { history: many(6, 5), now: NOW })).toEqual([]);
  });

  it('counts posts only, not replies or comments', () => {
    const replies: HistoryEvent[] = Array.from({ length: 8 }, (_, i) => ({
      at: ago(i + 1),
      type: 'published',
      platform: 'x',
      kind: 'reply',
    }));
    expect(fired(p, '', { history: [...replies, comment(1, 'c')], now: NOW })).toEqual([]);
  });
});

describe('silence', () => {
  const p = pack([
    {
      id: 'silence',
      type: 'silence',
      message: { title: '{days} days', reason: 'r', suggestion: 's' },
      params: { days: 7 },
    },
  ]);

  it('fires after 7 days without a post or reply', () => {
    const [n] = run(p, '', { history: [post(8 * 24, 'hello')], now: NOW }).all;
    expect(n?.title).toBe('8 days');
    expect(fired(p, '', { history: [post(7 * 24, 'hello')], now: NOW })).toEqual(['silence']);
  });

  it('stays quiet within 7 days, and a reply counts as activity', () => {
    expect(fired(p, '', { history: [post(6 * 24, 'hello')], now: NOW })).toEqual([]);
    expect(fired(p, '', { history: [post(30 * 24, 'hello'), reply(24, 'c1')], now: NOW })).toEqual([]);
  });

  it('does not count comments received as activity', () => {
    expect(fired(p, '', { history: [post(10 * 24, 'hello'), comment(1, 'c1')], now: NOW })).toEqual([
      'silence',
    ]);
  });

  it('does not call a ledger younger than 7 days a silence', () => {
    // Only a comment received an hour ago: Rapport has watched for an hour, not a week.
    expect(fired(p, '', { history: [comment(1, 'c1')], now: NOW })).toEqual([]);
    expect(fired(p, '', { history: [comment(8 * 24, 'c1')], now: NOW })).toEqual(['silence']);
  });

  it('never fires on an empty ledger', () => {
    expect(fired(p, '', { history: [], now: NOW })).toEqual([]);
    expect(fired(p, 'a draft', { history: [], now: NOW })).toEqual([]);
  });
});

describe('near-duplicate', () => {
  const SAME =
    'We cut our cloud bill by 38% without moving providers: reserved instances for steady load and spot for batch.';
  const p = pack([
    {
      id: 'cross-post',
      type: 'near-duplicate',
      message: { title: 'same as {platform} {when}', reason: 'r', suggestion: 's' },
      params: { windowDays: 14, similarity: 0.6 },
    },
  ]);
  const dup = (
    text: string,
    platform: HistoryEvent['platform'],
    hoursAgo = 20,
    draftOn: 'x' | 'linkedin' = 'linkedin',
  ) => run(p, text, { platform: draftOn, history: [post(hoursAgo, SAME, platform)], now: NOW }).all;

  it('fires when the same text went to another network', () => {
    const [n] = dup(`${SAME} #cloud @aws`, 'x');
    expect(n?.title).toBe('same as X today');
    expect(n?.evidence[0]?.text).toMatch(/^\d+% the same as your X post today$/);
    expect(dup(SAME, 'x', 30)[0]?.title).toBe('same as X yesterday');
    expect(dup(SAME, 'x', 24 * 5)[0]?.title).toBe('same as X 5 days ago');
  });

  it('stays quiet for the same network', () => {
    expect(dup(SAME, 'linkedin')).toEqual([]);
  });

  it('stays quiet under the similarity threshold', () => {
    expect(
      dup('We cut our cloud bill last year, and here is a completely different story about hiring.', 'x'),
    ).toEqual([]);
  });

  it('stays quiet outside the window', () => {
    expect(dup(SAME, 'x', 15 * 24)).toEqual([]);
  });

  it('with otherPlatformsOnly false, also compares with the same network', () => {
    const q = pack([
      { id: 'dup', type: 'near-duplicate', params: { otherPlatformsOnly: false, similarity: 0.9 } },
    ]);
    expect(fired(q, SAME, { history: [post(2, SAME, 'x')], now: NOW })).toEqual(['dup']);
  });

  it('ignores drafts shorter than minWords', () => {
    const q = pack([{ id: 'dup', type: 'near-duplicate', params: { minWords: 6 } }]);
    expect(
      fired(q, 'Hello there', { platform: 'linkedin', history: [post(2, 'Hello there')], now: NOW }),
    ).toEqual([]);
  });
});

describe('history rules in check()', () => {
  it('run only when history is given', () => {
    const p = pack([{ id: 'silence', type: 'silence', params: { days: 1 } }]);
    expect(fired(p, 'a draft', { now: NOW })).toEqual([]);
    expect(fired(p, 'a draft', { history: [post(48, 'x')], now: NOW })).toEqual(['silence']);
  });

  it('do not lower the draft score', () => {
    const p = pack([{ id: 'silence', type: 'silence', params: { days: 1 } }]);
    const r = run(p, 'a draft', { history: [post(48, 'x')], now: NOW });
    expect(r.all).toHaveLength(1);
    expect(r.score).toBe(100);
  });
});
