/**
 * The history summary (src/engine/history/summary.ts) against a fixed clock: every query takes
 * `now`, so a test moves time by passing another instant. A seeded comparison at the end checks
 * the summary's answers against a plain walk over the raw events, on many random histories.
 */
import { describe, expect, it, vi } from 'vitest';
import {
  HistorySummary,
  check,
  fingerprint,
  summarise,
  type HistoryEvent,
  type Platform,
} from '../../../src/engine/index.ts';
import { NOW, ago, compileError, pack, packJson, post } from './helpers.ts';

const T = NOW.getTime();
const H = 3_600_000;
const D = 24 * H;

const comment = (hoursAgo: number, id: string, extra: Partial<HistoryEvent> = {}): HistoryEvent =>
  ({ at: ago(hoursAgo), type: 'comment-received', platform: 'x', id, ...extra }) as HistoryEvent;
const replied = (hoursAgo: number, to: string, platform: Platform = 'x'): HistoryEvent => ({
  at: ago(hoursAgo),
  type: 'replied',
  platform,
  to,
});
const ids = (s: HistorySummary, windowDays = 14, now = T) =>
  s.waiting(now - windowDays * D, now).map((w) => w.id);

describe('waiting items', () => {
  it('are closed by a reply, a published reply or "no reply needed" naming them', () => {
    const s = summarise([comment(10, 'a'), comment(9, 'b'), comment(8, 'c'), comment(7, 'd')]);
    expect(ids(s)).toEqual(['a', 'b', 'c', 'd']);
    s.add(replied(6, 'a'));
    s.add({ at: ago(5), type: 'published', platform: 'x', kind: 'reply', to: 'b', text: 'Thanks!' });
    s.add({ at: ago(4), type: 'no-reply-needed', platform: 'x', to: 'c' });
    expect(ids(s)).toEqual(['d']);
  });

  it('closes by id whatever the clocks say, but only on the same network', () => {
    const s = summarise([replied(9, 'a'), comment(8, 'a'), replied(9, 'b', 'linkedin'), comment(8, 'b')]);
    expect(ids(s)).toEqual(['b']);
  });

  it('closes by link, and a newer comment on that link waits again (the conversation reopens)', () => {
    const url = 'https://www.linkedin.com/feed/update/urn:li:activity:1';
    const s = summarise([
      comment(30, 'n1', { platform: 'linkedin', url, from: 'dana' }),
      { at: ago(20), type: 'published', platform: 'linkedin', kind: 'reply', to: url },
    ]);
    expect(ids(s)).toEqual([]);
    s.add(comment(10, 'n2', { platform: 'linkedin', url, from: 'dana' }));
    expect(ids(s)).toEqual(['n2']);
  });

  it('a new comment from the same person on the same item waits after "no reply needed"', () => {
    const s = summarise([
      comment(30, 'c1', { on: 'p1', from: '@dana' }),
      { at: ago(29), type: 'no-reply-needed', platform: 'x', to: 'c1' },
    ]);
    expect(ids(s)).toEqual([]);
    s.add(comment(2, 'c2', { on: 'p1', from: '@dana', text: 'One more thing: does it sync?' }));
    expect(s.waiting(0, T)).toMatchObject([{ id: 'c2', from: '@dana', question: true }]);
  });

  it('lists questions first, then the longest waiting', () => {
    const s = summarise([
      comment(50, 'old'),
      comment(40, 'q-new', { text: 'Is it open source?' }),
      comment(45, 'q-old', { text: '¿Funciona sin conexión？' }),
      comment(10, 'new'),
    ]);
    expect(ids(s)).toEqual(['q-old', 'q-new', 'old', 'new']);
  });

  it('counts what arrived in the window, up to now; later events wait for their time', () => {
    const s = summarise([comment(15 * 24, 'too-old'), comment(13 * 24, 'in'), comment(-1, 'future')]);
    expect(ids(s)).toEqual(['in']);
    expect(ids(s, 14, T + 2 * H)).toEqual(['in', 'future']);
  });

  it('keeps a short excerpt of the comment', () => {
    const s = summarise([comment(1, 'c', { text: `${'word '.repeat(60)}end` })]);
    const [w] = s.waiting(0, T);
    expect(w?.excerpt?.length).toBeLessThanOrEqual(100);
    expect(w?.excerpt?.endsWith('…')).toBe(true);
  });

  it('reopens an item when the answer that closed it is forgotten', () => {
    const s = summarise([comment(10, 'a'), replied(9, 'a')]);
    expect(ids(s)).toEqual([]);
    expect(s.remove(JSON.stringify(['replied', 'x', 'a']))).toBe(true);
    expect(ids(s)).toEqual(['a']);
  });
});

describe('counts per window and activity', () => {
  const s = summarise([
    post(30, 'one'),
    post(20, 'two'),
    post(10, 'three'),
    { at: ago(5), type: 'published', platform: 'x', kind: 'reply', text: 'a reply' },
    comment(2, 'c'),
    post(-5, 'scheduled'),
  ]);

  it('counts posts, not replies, in a window', () => {
    expect(s.postsBetween(T - 24 * H, T)).toBe(2);
    expect(s.postsBetween(T - 48 * H, T)).toBe(3);
    expect(s.postsBetween(T - 48 * H, T + 6 * H)).toBe(4);
    expect(s.postsBetween(T, T - H)).toBe(0);
  });

  it('knows the last post or reply and the first event, as of any instant', () => {
    expect(s.lastActive(T)).toBe(T - 5 * H);
    expect(s.lastActive(T - 15 * H)).toBe(T - 20 * H);
    expect(s.lastActive(T - 31 * H)).toBeUndefined();
    expect(s.firstSeen(T)).toBe(T - 30 * H);
    expect(s.firstSeen(T - 31 * H)).toBeUndefined();
  });

  it('a comment received is not activity, and neither is "no reply needed"', () => {
    const t = summarise([comment(2, 'c'), { at: ago(1), type: 'no-reply-needed', platform: 'x', to: 'c' }]);
    expect(t.lastActive(T)).toBeUndefined();
    expect(t.firstSeen(T)).toBe(T - 2 * H);
  });

  it('knows when an item with a network id was published, and where the person publishes most', () => {
    const t = new HistorySummary();
    t.add({ at: ago(30), type: 'published', platform: 'linkedin', kind: 'post', id: 'urn:1' }, { key: 'a' });
    t.add({ at: ago(20), type: 'published', platform: 'x', kind: 'post', id: '2' });
    t.add({ at: ago(10), type: 'published', platform: 'x', kind: 'reply', id: '3' });
    expect(t.publishedAt('x', '2')).toBe(T - 20 * H);
    expect(t.publishedAt('linkedin', '2')).toBeUndefined();
    expect(t.mostPublishedOn()).toBe('x');
    t.remove(JSON.stringify(['published', 'x', '2']));
    t.remove(JSON.stringify(['published', 'x', '3']));
    expect(t.mostPublishedOn()).toBe('linkedin');
    expect(t.publishedAt('x', '2')).toBeUndefined();
  });

  it('skips events whose time does not parse', () => {
    const t = new HistorySummary();
    expect(t.add({ at: 'yesterday', type: 'published', platform: 'x', kind: 'post' })).toBe(false);
    expect(t.size).toBe(0);
  });
});

describe('idempotence and forgetting', () => {
  it('adds an event with the same (type, platform, id/to) once', () => {
    const s = new HistorySummary();
    expect(s.add(comment(3, 'c1'))).toBe(true);
    expect(s.add(comment(1, 'c1', { text: 'edited' }))).toBe(false);
    expect(s.add(comment(3, 'c1', { platform: 'reddit' }))).toBe(true);
    expect(s.add(replied(1, 'c1'))).toBe(true);
    expect(s.add(replied(0, 'c1'))).toBe(false);
    expect(s.size).toBe(3);
  });

  it('keeps every event that has no id, unless the ledger gives it a key', () => {
    const s = summarise([post(2, 'same'), post(2, 'same')]);
    expect(s.postsBetween(0, T)).toBe(2);
    expect(s.add(post(1, 'x'), { key: 'k1' })).toBe(true);
    expect(s.add(post(1, 'x'), { key: 'k1' })).toBe(false);
  });

  it('forgets a removed post everywhere: counts, activity, fingerprints', () => {
    const s = new HistorySummary();
    const text = 'We cut our cloud bill by 38% with reserved instances and spot for batch.';
    s.add(post(3, text, 'linkedin'), { key: 'p' });
    expect(s.similar(fingerprint(text), 0, T, 0.9)).not.toBeNull();
    s.remove('p');
    expect(s.similar(fingerprint(text), 0, T, 0.9)).toBeNull();
    expect(s.postsBetween(0, T)).toBe(0);
    expect(s.lastActive(T)).toBeUndefined();
    expect(s.firstSeen(T)).toBeUndefined();
    expect(s.remove('p')).toBe(false);
  });

  it('clear empties it', () => {
    const s = summarise([post(1, 'a b c d'), comment(1, 'c')]);
    s.clear();
    expect([s.size, s.postsBetween(0, T), ids(s).length]).toEqual([0, 0, 0]);
  });
});

describe('promotional flags', () => {
  it('reads the recorded flag and never classifies again', () => {
    const classify = vi.fn(() => true);
    const s = new HistorySummary({ classify });
    s.add({ ...post(2, 'Big sale'), promotional: false } as HistoryEvent);
    expect(s.lastFlaggedPosts(T, 10).map((p) => p.promotional)).toEqual([false]);
    expect(classify).not.toHaveBeenCalled();
  });

  it('classifies a raw post without a flag once, the first time it is needed', () => {
    const classify = vi.fn((d: { text: string }) => d.text.includes('sale'));
    const s = summarise(
      [post(3, 'Big sale now'), post(2, 'What we learned'), post(1, 'Another sale')],
      classify,
    );
    expect(classify).not.toHaveBeenCalled();
    expect(s.lastFlaggedPosts(T, 2).map((p) => p.promotional)).toEqual([false, true]);
    expect(classify).toHaveBeenCalledTimes(2);
    expect(s.lastFlaggedPosts(T, 10).map((p) => p.promotional)).toEqual([true, false, true]);
    expect(classify).toHaveBeenCalledTimes(3);
  });

  it('come from one classifier per pack: ratio rules naming two are refused', () => {
    const rules = [
      { id: 'a', type: 'signals', params: { threshold: 1, signals: [{ terms: ['sale'], weight: 1 }] } },
      { id: 'b', type: 'signals', params: { threshold: 1, signals: [{ terms: ['like'], weight: 1 }] } },
      { id: 'r1', type: 'ratio', params: { classifier: 'a' } },
      { id: 'r2', type: 'ratio', params: { classifier: 'b' } },
    ];
    expect(compileError(packJson(rules))).toContain('the ratio rules name different classifiers (a, b)');
    expect(pack(rules.slice(0, 3)).promotion).toBe('a');
    expect(pack(rules.slice(0, 2)).promotion).toBeNull();
  });

  it('leaves out posts it cannot judge (no flag, no text, or no classifier)', () => {
    const s = summarise([
      post(3, 'Big sale'),
      { at: ago(2), type: 'published', platform: 'x', kind: 'post' },
    ]);
    expect(s.lastFlaggedPosts(T, 10)).toEqual([]);
  });
});

describe('near-duplicates', () => {
  const SAME = 'We cut our cloud bill by 38% without moving providers: reserved instances for steady load.';
  it('finds the newest similar post in the window, on another network', () => {
    const s = summarise([post(50, SAME, 'linkedin'), post(20, SAME, 'bluesky'), post(10, SAME, 'x')]);
    const fp = fingerprint(`${SAME} #cloud`);
    expect(s.similar(fp, 0, T, 0.6, 'x')?.entry.platform).toBe('bluesky');
    expect(s.similar(fp, 0, T - 30 * H, 0.6, 'x')?.entry.platform).toBe('linkedin');
    expect(s.similar(fp, T - 40 * H, T - 30 * H, 0.6, 'x')).toBeNull();
    expect(
      s.similar(fingerprint('Completely different words about hiring engineers this year'), 0, T, 0.6),
    ).toBeNull();
  });

  it('finds a long post rewritten in places (full sketches, looked up by their smallest hashes)', () => {
    const words = Array.from({ length: 400 }, (_, i) => `word${(i * 7919) % 1009}`);
    const original = words.join(' ');
    const edited = words.map((w, i) => (i % 25 === 0 ? 'changed' : w)).join(' ');
    expect(fingerprint(original)).toHaveLength(128);
    const s = summarise([
      post(30, original, 'linkedin'),
      post(20, 'Something else entirely, said in other words', 'x'),
    ]);
    const found = s.similar(fingerprint(edited), 0, T, 0.6, 'x');
    expect(found?.entry.platform).toBe('linkedin');
    expect(found?.similarity).toBeGreaterThan(0.6);
    expect(s.similar(fingerprint(words.slice(0, 150).join(' ')), 0, T, 0.6)).toBeNull();
  });

  it('uses the fingerprint the ledger kept, not the first words it kept for display', () => {
    const s = new HistorySummary();
    s.add(post(5, 'We cut our cloud…', 'linkedin'), { fingerprint: fingerprint(SAME) });
    expect(s.similar(fingerprint(SAME), 0, T, 0.99)?.similarity).toBe(1);
  });
});

describe('check() with a summary', () => {
  const p = pack([
    { id: 'u', type: 'unanswered', params: {} },
    { id: 'b', type: 'burst', params: { maxPosts: 1 } },
  ]);

  it('reads a kept summary as it would the raw events', () => {
    const events = [comment(3, 'c1'), post(2, 'a'), post(1, 'b')];
    const fromRaw = check({ text: '', platform: 'x', kind: 'post' }, p, { history: events, now: NOW });
    const fromSummary = check({ text: '', platform: 'x', kind: 'post' }, p, {
      summary: summarise(events),
      now: NOW,
    });
    expect(fromSummary).toEqual(fromRaw);
    expect(fromRaw.all.map((n) => n.id)).toEqual(['u', 'b']);
  });

  it('summarises a raw array once and adds what is appended to it', () => {
    const classify = pack([
      { id: 'promo', type: 'signals', params: { threshold: 2, signals: [{ terms: ['sale'], weight: 2 }] } },
      { id: 'r', type: 'ratio', params: { classifier: 'promo', minPosts: 1, maxShare: 0.5 } },
    ]);
    const events: HistoryEvent[] = [post(3, 'Big sale'), post(2, 'Notes from the meetup')];
    const run = () =>
      check({ text: '', platform: 'x', kind: 'post' }, classify, { history: events, now: NOW });
    expect(run().all).toEqual([]);
    events.push(post(1, 'Another sale'));
    expect(run().all.map((n) => n.id)).toEqual(['r']);
  });

  it('measures from the system clock when no instant is given', () => {
    vi.useFakeTimers();
    try {
      vi.setSystemTime(NOW);
      const events = [comment(13 * 24, 'c')];
      const draft = { text: '', platform: 'x', kind: 'post' } as const;
      expect(check(draft, p, { history: events }).all.map((n) => n.id)).toEqual(['u']);
      vi.setSystemTime(T + 2 * D);
      expect(check(draft, p, { history: events }).all).toEqual([]);
    } finally {
      vi.useRealTimers();
    }
  });
});

/** A seeded generator: the same random histories on every run. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('against a plain walk over the raw events', () => {
  const PLATFORMS: Platform[] = ['x', 'linkedin', 'mastodon'];
  it('agrees on waiting items, posts per window, last activity and flagged posts', () => {
    for (let run = 0; run < 150; run++) {
      const r = rng(run + 1);
      const pick = <V>(xs: readonly V[]) => xs[Math.floor(r() * xs.length)]!;
      const events: HistoryEvent[] = [];
      for (let i = 0; i < 60; i++) {
        // Distinct instants: ties would leave the order to the key, which the walk does not know.
        const at = new Date(T - (Math.floor(r() * 24 * 20) - 12) * H - i * 1000).toISOString();
        const platform = pick(PLATFORMS);
        const id = `i${Math.floor(r() * 20)}`;
        const roll = r();
        if (roll < 0.35) events.push({ at, type: 'comment-received', platform, id });
        else if (roll < 0.5) events.push({ at, type: 'replied', platform, to: id });
        else if (roll < 0.6) events.push({ at, type: 'no-reply-needed', platform, to: id });
        else
          events.push({
            at,
            type: 'published',
            platform,
            kind: pick(['post', 'reply'] as const),
            promotional: r() < 0.3,
            ...(r() < 0.3 ? { to: id } : {}),
          });
      }
      const s = summarise(events);
      const now = T - Math.floor(r() * 48) * H;
      const since = now - 14 * D;
      const dated = events.map((e) => ({ e, t: Date.parse(e.at) }));
      // The plain walk: first of each key wins, as in the ledger.
      const seen = new Set<string>();
      const unique = dated.filter(({ e }) => {
        const ref = e.type === 'published' ? undefined : e.type === 'comment-received' ? e.id : e.to;
        if (ref === undefined) return true;
        const k = `${e.type}|${e.platform}|${ref}`;
        if (seen.has(k)) return false;
        seen.add(k);
        return true;
      });
      const closed = new Set(
        unique.flatMap(({ e }) => (e.type !== 'comment-received' && e.to ? [`${e.platform}|${e.to}`] : [])),
      );
      const expectedWaiting = unique
        .filter(({ e, t }) => e.type === 'comment-received' && t >= since && t <= now)
        .filter(({ e }) => e.type === 'comment-received' && !closed.has(`${e.platform}|${e.id}`))
        .sort((a, b) => a.t - b.t)
        .map(({ e }) => (e.type === 'comment-received' ? `${e.platform}|${e.id}` : ''));
      expect(s.waiting(since, now).map((w) => `${w.platform}|${w.id}`)).toEqual(expectedWaiting);

      const posts = unique.filter(({ e, t }) => e.type === 'published' && e.kind === 'post' && t <= now);
      expect(s.postsBetween(now - D, now)).toBe(posts.filter(({ t }) => t >= now - D).length);
      const active = unique
        .filter(({ e, t }) => (e.type === 'published' || e.type === 'replied') && t <= now)
        .map(({ t }) => t);
      expect(s.lastActive(now)).toBe(active.length ? Math.max(...active) : undefined);
      const lastTen = posts
        .sort((a, b) => a.t - b.t)
        .slice(-10)
        .map(({ e }) => e.type === 'published' && e.promotional);
      expect(s.lastFlaggedPosts(now, 10).map((p) => p.promotional)).toEqual(lastTen);
      const perPlatform = new Map<Platform, number>();
      for (const { e } of unique) {
        if (e.type === 'published') perPlatform.set(e.platform, (perPlatform.get(e.platform) ?? 0) + 1);
      }
      const most = Math.max(0, ...perPlatform.values());
      const chosen = s.mostPublishedOn();
      expect(chosen === undefined ? 0 : perPlatform.get(chosen)).toBe(most);
    }
  });
});
