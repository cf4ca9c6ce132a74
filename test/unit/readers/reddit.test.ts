import { describe, expect, it } from 'vitest';
import { Inbox, reddit } from '../../../src/content/readers/reddit.ts';
import { NoSession, RateLimited, Refused, parseJson } from '../../../src/content/readers/reader.ts';
import { FIXTURE_T0 } from '../../fixtures/apis/http.ts';
import { REDDIT_COOKIE, REDDIT_EXPECTED } from '../../fixtures/apis/reddit.ts';
import { context } from './context.ts';

const signedIn = { cookie: `${REDDIT_COOKIE}=fixture-session; other=1` };
const sorted = (list: readonly string[]) => [...list].sort();

describe('Reddit reader', () => {
  it('reads replies and mentions exactly (private messages left out), and the answered ones', async () => {
    const ctx = context('https://www.reddit.com/message/inbox/', { browserHeaders: signedIn });
    const seen = await reddit.read(ctx);
    expect(seen?.exact).toBe(true);
    expect(seen?.items.map((i) => i.id)).toEqual(REDDIT_EXPECTED.items);
    expect(sorted(seen?.answered ?? [])).toEqual(sorted(REDDIT_EXPECTED.answered));
    expect(seen?.items.find((i) => i.id === 't1_kq2')).toEqual({
      id: 't1_kq2',
      at: new Date(FIXTURE_T0 + 90 * 60_000).toISOString(),
      on: 't3_abc',
      from: 'u/lee_k',
      text: 'Great post. What about Windows runners?',
      url: 'https://www.reddit.com/r/devops/comments/abc/ci_cache/kq2/?context=3',
    });
    // A mention is left on someone else's comment: no `on`.
    expect(seen?.items.find((i) => i.id === 't1_kq3')?.on).toBeUndefined();
  });

  it('keeps the inbox unread and asks for the comments of the name the inbox is addressed to', async () => {
    const ctx = context('https://old.reddit.com/message/inbox/', { browserHeaders: signedIn });
    await reddit.read(ctx);
    expect(ctx.sent.map((s) => s.url)).toEqual([
      'https://old.reddit.com/message/inbox.json?mark=false&limit=100&raw_json=1',
      'https://old.reddit.com/user/sam_example/comments.json?limit=100&sort=new',
    ]);
  });

  it('signed out is no session: nothing read, nothing refused', async () => {
    const ctx = context('https://www.reddit.com/');
    await expect(reddit.read(ctx)).rejects.toBeInstanceOf(NoSession);
    expect(ctx.sent).toHaveLength(1);
  });

  it('refuses a listing that is not shaped as documented', () => {
    expect(() => parseJson('Reddit inbox', JSON.stringify({ kind: 'Listing', data: {} }), Inbox)).toThrow(
      Refused,
    );
    const noName = {
      kind: 'Listing',
      data: { after: null, children: [{ kind: 't1', data: { body: 'x' } }] },
    };
    expect(() => parseJson('Reddit inbox', JSON.stringify(noName), Inbox)).toThrow(
      /Reddit inbox: .*children/s,
    );
  });

  it('backs off on a 429 by Retry-After, else by x-ratelimit-reset', async () => {
    const ctx = context('https://www.reddit.com/', { browserHeaders: signedIn });
    ctx.apis.fail('reddit', { status: 429, headers: { 'retry-after': '30' } });
    await expect(reddit.read(ctx)).rejects.toEqual(new RateLimited(30));
    ctx.apis.fail('reddit', { status: 429, headers: { 'x-ratelimit-reset': '420' } });
    await expect(reddit.read(ctx)).rejects.toEqual(new RateLimited(420));
  });

  it('with no items, asks nothing more', async () => {
    const empty = { kind: 'Listing', data: { after: null, dist: 0, children: [] } };
    const ctx = context('https://www.reddit.com/', { fetch: () => Response.json(empty) });
    expect(await reddit.read(ctx)).toEqual({ exact: true, items: [], answered: [] });
    expect(ctx.sent).toHaveLength(1);
  });
});
